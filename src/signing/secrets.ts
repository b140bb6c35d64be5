// Passwords and PINs for key custody come from a file (a mounted secret, mode 0600) or an environment
// variable, named by the operator. The value is never logged nor put in an error message: errors name only
// the file or the variable.
import fs from 'node:fs'

import { SigningError } from './errors'

export interface SecretSource {
  /** Path of a file holding the secret (one line; a trailing newline is dropped). */
  file?: string
  /** Name of an environment variable holding the secret. */
  envName?: string
}

/** What the secret is, for messages: e.g. { vi: 'mật khẩu tệp PKCS#12', en: 'PKCS#12 password' }. */
export interface SecretKind {
  vi: string
  en: string
}

/** Environment variables as read here (process.env, or a plain object in tests and CLIs). */
export type Env = Record<string, string | undefined>

export function readSecret(source: SecretSource, kind: SecretKind, env: Env = process.env): string {
  if (source.file) {
    let text: string
    try {
      text = fs.readFileSync(source.file, 'utf8')
    } catch (cause) {
      throw new SigningError('SECRET_FILE', `Không đọc được tệp chứa ${kind.vi}: ${source.file}`, `Cannot read the file holding the ${kind.en}: ${source.file}`, { cause })
    }
    return text.replace(/\r?\n$/, '')
  }
  if (source.envName) {
    const value = env[source.envName]
    if (value === undefined || value === '') {
      throw new SigningError('SECRET_ENV', `Biến môi trường ${source.envName} (${kind.vi}) chưa được đặt`, `Environment variable ${source.envName} (${kind.en}) is not set`)
    }
    return value
  }
  throw new SigningError('SECRET_MISSING', `Chưa cấu hình ${kind.vi} (tệp hoặc biến môi trường)`, `No ${kind.en} configured (file or environment variable)`)
}
