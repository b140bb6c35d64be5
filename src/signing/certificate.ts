// Small certificate helpers shared by the transports: a display label, the key type, and checking a
// signature value against a certificate's public key (the external transport refuses a wrong one).
import { webcrypto } from 'node:crypto'

// @peculiar/x509 needs a Reflect metadata polyfill (tsyringe) loaded before it.
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import type { DigestAlgorithm, KeyType, SignatureAlgorithm } from '@libpdf/core'

import { SigningError } from './errors'

x509.cryptoProvider.set(webcrypto as unknown as Crypto)

export function parseCertificate(der: Uint8Array | string): x509.X509Certificate {
  try {
    return new x509.X509Certificate(typeof der === 'string' ? der : new Uint8Array(der))
  } catch (cause) {
    throw new SigningError('CERTIFICATE_INVALID', 'Chứng thư số không đọc được (không phải X.509 DER/PEM)', 'The certificate cannot be read (not X.509 DER/PEM)', { cause })
  }
}

/** DER bytes from DER or PEM input (the first certificate of a PEM bundle). */
export function certificateDer(input: Uint8Array | string): Uint8Array {
  const pem = typeof input === 'string' ? input : Buffer.from(input).toString('latin1')
  return new Uint8Array(parseCertificate(pem.includes('-----BEGIN') ? pem : (input as Uint8Array)).rawData)
}

/** Every certificate of a PEM bundle, as DER. */
export function pemBundleDer(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
    new Uint8Array(parseCertificate(new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'))).rawData),
  )
}

/** "Nguyễn Văn An, Bộ Nội vụ": the subject's CN and O (whichever exist), for logs and the admin. */
export function certificateLabel(der: Uint8Array): string {
  const name = parseCertificate(der).subjectName
  const parts = [...name.getField('CN'), ...name.getField('O')]
  return parts.length > 0 ? parts.join(', ') : name.toString()
}

/** Key type and CMS signature algorithm from the certificate's public key (RSA PKCS#1 v1.5 or ECDSA). */
export function certificateKeyInfo(der: Uint8Array): { keyType: KeyType; signatureAlgorithm: SignatureAlgorithm } {
  const alg = parseCertificate(der).publicKey.algorithm.name
  if (alg === 'ECDSA' || alg === 'EC') return { keyType: 'EC', signatureAlgorithm: 'ECDSA' }
  if (alg === 'RSASSA-PKCS1-v1_5' || alg === 'RSA-PSS' || alg === 'RSA-OAEP') return { keyType: 'RSA', signatureAlgorithm: 'RSASSA-PKCS1-v1_5' }
  throw new SigningError('KEY_ALGORITHM', `Thuật toán khóa không được hỗ trợ: ${alg}`, `Unsupported key algorithm: ${alg}`)
}

/** ECDSA: DER SEQUENCE { r, s } → r || s of `size` bytes each (WebCrypto's form). */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array {
  let i = 0
  const fail = () => new SigningError('SIGNATURE_FORMAT', 'Chữ ký ECDSA không đúng định dạng DER', 'The ECDSA signature is not valid DER')
  const readLength = (): number => {
    let len = der[i++]!
    if (len & 0x80) {
      const k = len & 0x7f
      len = 0
      for (let j = 0; j < k; j++) len = (len << 8) | der[i++]!
    }
    return len
  }
  if (der[i++] !== 0x30) throw fail()
  readLength()
  const out = new Uint8Array(size * 2)
  for (const part of [0, 1]) {
    if (der[i++] !== 0x02) throw fail()
    const len = readLength()
    let int = der.subarray(i, i + len)
    i += len
    while (int.length > size && int[0] === 0) int = int.subarray(1)
    if (int.length > size) throw fail()
    out.set(int, part * size + size - int.length)
  }
  return out
}

function derInteger(bytes: Uint8Array): number[] {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const v = [...bytes.subarray(start)]
  if (v[0]! & 0x80) v.unshift(0)
  return [0x02, ...derLength(v.length), ...v]
}

function derLength(len: number): number[] {
  if (len < 0x80) return [len]
  const out: number[] = []
  for (let l = len; l > 0; l >>= 8) out.unshift(l & 0xff)
  return [0x80 | out.length, ...out]
}

/** ECDSA: r || s (PKCS#11 CKM_ECDSA, WebCrypto) → DER SEQUENCE { INTEGER r, INTEGER s } (what CMS carries). */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new SigningError('SIGNATURE_FORMAT', 'Chữ ký ECDSA (r||s) có độ dài lẻ', 'The ECDSA signature (r||s) has an odd length')
  const half = raw.length / 2
  const body = [...derInteger(raw.subarray(0, half)), ...derInteger(raw.subarray(half))]
  return new Uint8Array([0x30, ...derLength(body.length), ...body])
}

const CURVE_SIZE: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 }

/**
 * Whether `signature` (RSA PKCS#1 v1.5, or ECDSA as DER) over `data` verifies with the certificate's key.
 * `data` is the message (hashed here with `digest`), as CMS signs the DER signed attributes.
 */
export async function verifyWithCertificate(der: Uint8Array, data: Uint8Array, signature: Uint8Array, digest: DigestAlgorithm): Promise<boolean> {
  const cert = parseCertificate(der)
  const { keyType } = certificateKeyInfo(der)
  const spki = cert.publicKey.rawData
  if (keyType === 'RSA') {
    const key = await webcrypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: digest }, false, ['verify'])
    return webcrypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, data)
  }
  const curve = (cert.publicKey.algorithm as EcKeyAlgorithm).namedCurve
  const size = CURVE_SIZE[curve]
  if (!size) throw new SigningError('KEY_ALGORITHM', `Đường cong EC không được hỗ trợ: ${curve}`, `Unsupported EC curve: ${curve}`)
  const key = await webcrypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: curve }, false, ['verify'])
  let raw: Uint8Array
  try {
    raw = ecdsaDerToRaw(signature, size)
  } catch {
    return false
  }
  return webcrypto.subtle.verify({ name: 'ECDSA', hash: digest }, key, raw, data)
}
