/**
 * A detached CMS signature (RFC 5652 SignedData without its content, the `.p7s` beside a file) made by the same
 * signers as the PDFs (src/signing/loadSigner.ts: PKCS#12, PKCS#11, …), and its verification: integrity (message
 * digest and signature over the signed attributes), the ESS signing-certificate-v2 binding, and the signer's path
 * to the trust anchors at the claimed signing time (src/pki/chain.ts). Used for the national sync's monthly manifest.
 */
import { createHash } from 'node:crypto'

import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import { OID_MESSAGE_DIGEST, OID_SIGNED_DATA, OID_SIGNING_CERTIFICATE_V2, OID_SIGNING_TIME } from '../pki/cmsOids'
import { displayName, validatePath } from '../pki/chain'
import { certificateDer } from '../pki/der'
import { checkSignerInfo, parseSignedData, signingTimeOf } from './cms'
import type { Signer } from './types'

const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3'
const OID_DATA = '1.2.840.113549.1.7.1'
const OID_SHA256 = '2.16.840.1.101.3.4.2.1'
const OID_SHA256_RSA = '1.2.840.113549.1.1.11'
const OID_ECDSA_SHA256 = '1.2.840.10045.4.3.2'

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest())
const ab = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer

/** Signs `content` (SHA-256) and returns the DER ContentInfo of a detached SignedData. */
export async function signDetachedCms(content: Uint8Array, signer: Signer, signingTime = new Date()): Promise<Uint8Array> {
  if (signer.signatureAlgorithm === 'RSA-PSS') throw new Error('RSA-PSS signers are not supported for detached CMS yet')
  const cert = pkijs.Certificate.fromBER(ab(signer.certificate))
  const attributes = [
    new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_DATA })] }),
    new pkijs.Attribute({ type: OID_SIGNING_TIME, values: [new asn1js.UTCTime({ valueDate: new Date(Math.floor(signingTime.getTime() / 1000) * 1000) })] }),
    new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: ab(sha256(content)) })] }),
    // SigningCertificateV2 { certs: [ ESSCertIDv2 { certHash } ] } (hashAlgorithm DEFAULT sha256, RFC 5035).
    new pkijs.Attribute({
      type: OID_SIGNING_CERTIFICATE_V2,
      values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: ab(sha256(signer.certificate)) })] })] })] })],
    }),
  ]
  // DER: a SET OF is sorted by the encodings of its elements.
  const encoded = (a: pkijs.Attribute) => Buffer.from(a.toSchema().toBER(false))
  attributes.sort((a, b) => Buffer.compare(encoded(a), encoded(b)))
  const toSign = new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(false))
  const signature = await signer.sign(toSign, 'SHA-256')
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      signer.keyType === 'EC' ? { algorithmId: OID_ECDSA_SHA256 } : { algorithmId: OID_SHA256_RSA, algorithmParams: new asn1js.Null() },
    ),
    signature: new asn1js.OctetString({ valueHex: ab(signature) }),
  })
  const certificates = [cert, ...(signer.certificateChain ?? []).map((c) => pkijs.Certificate.fromBER(ab(c)))]
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    certificates,
    signerInfos: [signerInfo],
  })
  return new Uint8Array(new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) }).toSchema().toBER(false))
}

export interface DetachedCmsReport {
  /** Digest and signature verify over exactly these bytes, and the signing-certificate attribute names the signer. */
  integrity: boolean
  /** The signer's certificate chains to a trust anchor and was valid and unrevoked (as far as known) at signing time. */
  trusted: boolean
  signer: string | null
  signingTime: string | null
  problems: string[]
}

/** Checks a detached CMS signature over `content`. Never throws on a bad signature: it reports it. */
export async function verifyDetachedCms(cms: Uint8Array, content: Uint8Array, trustAnchors: Uint8Array[], crls: Uint8Array[] = []): Promise<DetachedCmsReport> {
  let parsed
  try {
    parsed = parseSignedData(cms)
  } catch (err) {
    return { integrity: false, trusted: false, signer: null, signingTime: null, problems: [`not a CMS signature: ${err instanceof Error ? err.message : String(err)}`] }
  }
  const problems: string[] = []
  const check = checkSignerInfo(parsed, content)
  if (!check.digestMatches) problems.push('Nội dung không khớp chữ ký (đã bị sửa) / the content does not match the signature (it was altered)')
  if (!check.signatureVerified) problems.push('Chữ ký không hợp lệ / the signature does not verify')
  if (check.signingCertificate !== 'v2') problems.push('Thiếu hoặc sai thuộc tính chứng thư ký / signing-certificate attribute missing or wrong')
  const at = signingTimeOf(parsed.signerInfo) ?? new Date()
  let trusted = false
  if (parsed.signerCertificate) {
    const path = await validatePath(parsed.signerCertificate, { pool: parsed.certificates.map(certificateDer), trustAnchors, crls, at, usage: 'signing' })
    trusted = path.anchored && path.validAt && !path.caRevoked && path.revocation.status !== 'revoked'
    if (!trusted) problems.push(...path.problems.map((p) => `${p.vi} / ${p.en}`))
  } else problems.push('Không có chứng thư của người ký / the signer certificate is missing')
  return {
    integrity: check.digestMatches && check.signatureVerified && check.signingCertificate === 'v2',
    trusted,
    signer: parsed.signerCertificate ? displayName(parsed.signerCertificate) : null,
    signingTime: signingTimeOf(parsed.signerInfo)?.toISOString() ?? null,
    problems,
  }
}
