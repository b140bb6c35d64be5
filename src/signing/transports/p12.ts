// Key custody in a PKCS#12 file (.p12/.pfx): the demo PKI's keys, or an agency's soft certificate.
// The file is decrypted in memory by @libpdf/core's P12Signer (pkijs + WebCrypto); the key stays in this
// process and is never written anywhere else.
import fs from 'node:fs'

import { type DigestAlgorithm, type KeyType, P12Signer, type SignatureAlgorithm } from '@libpdf/core'

import { certificateLabel, verifyWithCertificate } from '../certificate'
import { SigningError } from '../errors'
import { type Env, readSecret, type SecretSource } from '../secrets'
import type { HosoSigner } from '../types'

export interface P12FileOptions {
  /** Path of the .p12 file. */
  path: string
  /** Where the password is: `{ file }` or `{ envName }`; or the password itself (tests, already-read secrets). */
  password: SecretSource | { value: string }
  env?: Env
}

export class P12FileSigner implements HosoSigner {
  readonly transport = 'p12' as const
  readonly label: string
  readonly certificate: Uint8Array
  readonly certificateChain: Uint8Array[]
  readonly keyType: KeyType
  readonly signatureAlgorithm: SignatureAlgorithm
  #inner: P12Signer | null

  private constructor(inner: P12Signer) {
    this.#inner = inner
    this.certificate = inner.certificate
    this.certificateChain = inner.certificateChain
    this.keyType = inner.keyType
    this.signatureAlgorithm = inner.signatureAlgorithm
    this.label = certificateLabel(inner.certificate)
  }

  static async open(options: P12FileOptions): Promise<P12FileSigner> {
    let bytes: Uint8Array
    try {
      bytes = fs.readFileSync(options.path)
    } catch (cause) {
      throw new SigningError('P12_FILE', `Không đọc được tệp chứng thư số PKCS#12: ${options.path}`, `Cannot read the PKCS#12 file: ${options.path}`, { cause })
    }
    const password =
      'value' in options.password
        ? options.password.value
        : readSecret(options.password, { vi: 'mật khẩu tệp PKCS#12', en: 'PKCS#12 password' }, options.env)
    let inner: P12Signer
    try {
      inner = await P12Signer.create(bytes, password)
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause)
      // pkijs reports a wrong password as a failed MAC/integrity check, or as a decryption that yields garbage.
      if (/password|integrity|mac|decrypt|parse decrypted|pkcs#8/i.test(message)) {
        throw new SigningError('P12_PASSWORD', `Sai mật khẩu hoặc tệp PKCS#12 hỏng: ${options.path}`, `Wrong password or damaged PKCS#12 file: ${options.path}`, { cause })
      }
      throw new SigningError('P12_INVALID', `Tệp PKCS#12 không dùng được: ${options.path}`, `The PKCS#12 file cannot be used: ${options.path}`, { cause })
    }
    // P12Signer takes the file's first certificate as the signer's; make sure it belongs to the key (a file
    // that lists the CA first would otherwise produce signatures no one can verify).
    const probe = new TextEncoder().encode('hoso key check')
    if (!(await verifyWithCertificate(inner.certificate, probe, await inner.sign(probe, 'SHA-256'), 'SHA-256'))) {
      throw new SigningError(
        'P12_KEY_MISMATCH',
        `Khóa bí mật trong tệp PKCS#12 không khớp với chứng thư số đầu tiên của tệp: ${options.path}`,
        `The private key in the PKCS#12 file does not match its first certificate: ${options.path}`,
      )
    }
    return new P12FileSigner(inner)
  }

  async sign(data: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array> {
    if (!this.#inner) throw new SigningError('SIGNER_CLOSED', 'Bộ ký đã đóng', 'The signer is closed')
    return this.#inner.sign(data, algorithm)
  }

  async close(): Promise<void> {
    this.#inner = null
  }
}
