// Small certificate helpers shared by the transports: a display label, the key type, and checking a
// signature value against a certificate's public key (the external transport refuses a wrong one).
import type { DigestAlgorithm, KeyType, SignatureAlgorithm } from '@libpdf/core'
import * as pkijs from 'pkijs'

import { OID } from '../pki/certificates'
import { fromDer, fromPemOrDer, formatName, hashNameFromWebCrypto, nameAttributes, parseCertificate as parseDer, toArrayBuffer } from '../pki/der'
import { verifySignature } from '../pki/signature'
import { SigningError } from './errors'

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1'
const RSA_KEYS = new Set([RSA_ENCRYPTION, '1.2.840.113549.1.1.10' /* RSASSA-PSS */, '1.2.840.113549.1.1.7' /* RSAES-OAEP */])
const EC_PUBLIC_KEY = '1.2.840.10045.2.1'

function invalidCertificate(cause?: unknown): SigningError {
  return new SigningError('CERTIFICATE_INVALID', 'Chứng thư số không đọc được (không phải X.509 DER/PEM)', 'The certificate cannot be read (not X.509 DER/PEM)', { cause })
}

/** The DER of one certificate, checked to parse as X.509. */
function checkedDer(der: Uint8Array | undefined): { der: Uint8Array; cert: pkijs.Certificate } {
  if (!der) throw invalidCertificate()
  try {
    return { der, cert: parseDer(der) }
  } catch (cause) {
    throw invalidCertificate(cause)
  }
}

/** The certificate in DER or PEM input (the first certificate of a PEM bundle). */
export function parseCertificate(input: Uint8Array | string): pkijs.Certificate {
  return checkedDer(fromPemOrDer(input, 'CERTIFICATE')[0]).cert
}

/** DER bytes from DER or PEM input (the first certificate of a PEM bundle). */
export function certificateDer(input: Uint8Array | string): Uint8Array {
  return checkedDer(fromPemOrDer(input, 'CERTIFICATE')[0]).der
}

/** Every certificate of a PEM bundle, as DER. */
export function pemBundleDer(pem: string): Uint8Array[] {
  return fromPemOrDer(pem, 'CERTIFICATE').map((der) => checkedDer(der).der)
}

/** "Nguyễn Văn An, Bộ Nội vụ": the subject's CN and O (whichever exist), for logs and the admin. */
export function certificateLabel(der: Uint8Array): string {
  const name = parseCertificate(der).subject
  const parts = [...nameAttributes(name, OID.commonName), ...nameAttributes(name, OID.organization)]
  return parts.length > 0 ? parts.join(', ') : formatName(name)
}

function keyInfoOf(cert: pkijs.Certificate): { keyType: KeyType; signatureAlgorithm: SignatureAlgorithm } {
  const alg = cert.subjectPublicKeyInfo.algorithm.algorithmId
  if (alg === EC_PUBLIC_KEY) return { keyType: 'EC', signatureAlgorithm: 'ECDSA' }
  if (RSA_KEYS.has(alg)) return { keyType: 'RSA', signatureAlgorithm: 'RSASSA-PKCS1-v1_5' }
  throw new SigningError('KEY_ALGORITHM', `Thuật toán khóa không được hỗ trợ: ${alg}`, `Unsupported key algorithm: ${alg}`)
}

/** Key type and CMS signature algorithm from the certificate's public key (RSA PKCS#1 v1.5 or ECDSA). */
export function certificateKeyInfo(der: Uint8Array): { keyType: KeyType; signatureAlgorithm: SignatureAlgorithm } {
  return keyInfoOf(parseCertificate(der))
}

function badEcdsaSignature(message: { vi: string; en: string }, cause?: unknown): SigningError {
  return new SigningError('SIGNATURE_FORMAT', message.vi, message.en, { cause })
}

/** ECDSA: DER SEQUENCE { r, s } → r || s of `size` bytes each (WebCrypto's form). */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array {
  const message = { vi: 'Chữ ký ECDSA không đúng định dạng DER', en: 'The ECDSA signature is not valid DER' }
  let raw: ArrayBuffer
  try {
    raw = pkijs.createECDSASignatureFromCMS(fromDer(der), size)
  } catch (cause) {
    // r or s longer than the curve size
    throw badEcdsaSignature(message, cause)
  }
  if (raw.byteLength !== size * 2) throw badEcdsaSignature(message)
  return new Uint8Array(raw)
}

/** ECDSA: r || s (PKCS#11 CKM_ECDSA, WebCrypto) → DER SEQUENCE { INTEGER r, INTEGER s } (what CMS carries). */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) {
    throw badEcdsaSignature({ vi: 'Chữ ký ECDSA (r||s) có độ dài lẻ', en: 'The ECDSA signature (r||s) has an odd length' })
  }
  return new Uint8Array(pkijs.createCMSECDSASignature(toArrayBuffer(raw)))
}

/**
 * Whether `signature` (RSA PKCS#1 v1.5, or ECDSA as DER) over `data` verifies with the certificate's key.
 * `data` is the message (hashed here with `digest`), as CMS signs the DER signed attributes.
 */
export async function verifyWithCertificate(der: Uint8Array, data: Uint8Array, signature: Uint8Array, digest: DigestAlgorithm): Promise<boolean> {
  const cert = parseCertificate(der)
  const { keyType } = keyInfoOf(cert)
  const hash = hashNameFromWebCrypto(digest)
  if (!hash) throw new SigningError('DIGEST_ALGORITHM', `Thuật toán băm không được hỗ trợ: ${digest}`, `Unsupported digest algorithm: ${digest}`)
  const algorithm = new pkijs.AlgorithmIdentifier({ algorithmId: keyType === 'RSA' ? RSA_ENCRYPTION : EC_PUBLIC_KEY })
  return verifySignature(cert.subjectPublicKeyInfo, algorithm, data, signature, hash)
}
