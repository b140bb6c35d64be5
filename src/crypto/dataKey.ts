import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { isProductionDeployment } from '../domain/deployment'
import { parseDataKey, parseDataKeyList } from '../domain/sealedValue'
import { DataKeyring } from './fieldCipher'

/**
 * The data key that seals identifiers at rest. It never enters the database or the backups: production
 * passes HOSO_DATA_KEY or HOSO_DATA_KEY_FILE (32 bytes, hex or base64) and refuses to start without one;
 * elsewhere (demo, development, tests) a random key is generated once into <HOSO_DATA_DIR>/data-key,
 * beside the generated session secret (git-ignored). HOSO_DATA_KEY_PREVIOUS holds former keys during a
 * rotation (`npm run data-key:rotate`).
 */
export function loadDataKeyring(env: NodeJS.ProcessEnv = process.env): DataKeyring {
  const previous = env.HOSO_DATA_KEY_PREVIOUS ? parseDataKeyList(env.HOSO_DATA_KEY_PREVIOUS, 'HOSO_DATA_KEY_PREVIOUS') : []
  if (env.HOSO_DATA_KEY && env.HOSO_DATA_KEY_FILE) {
    throw new Error('Chỉ đặt một trong HOSO_DATA_KEY và HOSO_DATA_KEY_FILE / Set only one of HOSO_DATA_KEY and HOSO_DATA_KEY_FILE')
  }
  if (env.HOSO_DATA_KEY) return new DataKeyring(parseDataKey(env.HOSO_DATA_KEY, 'HOSO_DATA_KEY'), previous)
  if (env.HOSO_DATA_KEY_FILE) {
    const file = env.HOSO_DATA_KEY_FILE
    if (!fs.existsSync(file)) throw new Error(`HOSO_DATA_KEY_FILE: không có tệp ${file} / file ${file} does not exist`)
    return new DataKeyring(parseDataKey(fs.readFileSync(file, 'utf8'), `HOSO_DATA_KEY_FILE (${file})`), previous)
  }
  if (isProductionDeployment(env)) {
    throw new Error(
      'HOSO_DATA_KEY hoặc HOSO_DATA_KEY_FILE chưa được đặt (bắt buộc khi triển khai thật, HOSO_DEPLOYMENT=production: khóa mã hóa số CCCD, BHXH, mã số thuế; ' +
        'tạo bằng `openssl rand -base64 32` và sao lưu riêng) / HOSO_DATA_KEY or HOSO_DATA_KEY_FILE is not set (required in ' +
        'a deployment, HOSO_DEPLOYMENT=production: the key that encrypts citizen ID, social insurance and tax numbers; make one with `openssl rand -base64 32` ' +
        'and back it up separately)',
    )
  }
  return new DataKeyring(parseDataKey(generatedKey(path.resolve(env.HOSO_DATA_DIR ?? '.data', 'data-key')), 'HOSO_DATA_DIR/data-key'), previous)
}

function generatedKey(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    // Written aside, then linked into place: a process starting at the same moment (a test worker, the
    // migrate command) either makes it first and we use theirs, or never reads a half-written file.
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`
    fs.writeFileSync(tmp, crypto.randomBytes(32).toString('base64'), { mode: 0o600 })
    try {
      fs.linkSync(tmp, file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    } finally {
      fs.unlinkSync(tmp)
    }
  }
  return fs.readFileSync(file, 'utf8')
}

let cached: DataKeyring | undefined

/** The process's keyring, loaded on first use (the server loads it at start so a missing key stops it early). */
export function dataKeyring(): DataKeyring {
  return (cached ??= loadDataKeyring())
}
