// CMS (RFC 5652) pieces of PDF signatures: the detached SignedData of a /Sig, and RFC 3161 timestamp
// tokens (a signature's id-aa-signatureTimeStampToken, or a /DocTimeStamp's whole /Contents).
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import { bytesEqual, certificateDer, digest, fromDer, hashNameOf, type HashName } from '../pki/der'
import {
  OID_CT_TSTINFO,
  OID_MESSAGE_DIGEST,
  OID_SIGNATURE_TIMESTAMP,
  OID_SIGNED_DATA,
  OID_SIGNING_CERTIFICATE,
  OID_SIGNING_CERTIFICATE_V2,
  OID_SIGNING_TIME,
} from '../pki/cmsOids'
import { verifySignature } from '../pki/signature'

export { OID_CT_TSTINFO, OID_MESSAGE_DIGEST, OID_SIGNATURE_TIMESTAMP, OID_SIGNED_DATA, OID_SIGNING_CERTIFICATE, OID_SIGNING_CERTIFICATE_V2, OID_SIGNING_TIME }


export interface ParsedSignedData {
  signedData: pkijs.SignedData
  signerInfo: pkijs.SignerInfo
  certificates: pkijs.Certificate[]
  /** The certificate the signerInfo names, if the CMS (or the extra certificates) holds it. */
  signerCertificate: pkijs.Certificate | null
}

/** Parses a DER ContentInfo holding SignedData (trailing zero padding of /Contents is ignored). */
export function parseSignedData(der: Uint8Array, extraCertificates: pkijs.Certificate[] = []): ParsedSignedData {
  const contentInfo = new pkijs.ContentInfo({ schema: fromDer(der) })
  if (contentInfo.contentType !== OID_SIGNED_DATA) throw new Error('not a CMS SignedData')
  const signedData = new pkijs.SignedData({ schema: contentInfo.content })
  const signerInfo = signedData.signerInfos[0]
  if (!signerInfo) throw new Error('CMS SignedData without signerInfo')
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
  const signerCertificate = findSignerCertificate(signerInfo, [...certificates, ...extraCertificates])
  return { signedData, signerInfo, certificates, signerCertificate }
}

function findSignerCertificate(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]): pkijs.Certificate | null {
  const sid = signerInfo.sid
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return (
      certificates.find(
        (c) =>
          bytesEqual(c.issuer.toSchema().toBER(false), sid.issuer.toSchema().toBER(false)) &&
          bytesEqual(c.serialNumber.valueBlock.valueHexView, sid.serialNumber.valueBlock.valueHexView),
      ) ?? null
    )
  }
  // SubjectKeyIdentifier form: [0] IMPLICIT OCTET STRING.
  const keyId = new Uint8Array((sid as asn1js.Primitive).valueBlock?.valueHexView ?? [])
  return (
    certificates.find((c) => {
      const ski = c.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined
      return ski !== undefined && bytesEqual(ski.valueBlock.valueHexView, keyId)
    }) ?? null
  )
}

export function signedAttribute(signerInfo: pkijs.SignerInfo, oid: string): asn1js.AsnType | null {
  return signerInfo.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0] ?? null
}

export function unsignedAttribute(signerInfo: pkijs.SignerInfo, oid: string): asn1js.AsnType | null {
  return signerInfo.unsignedAttrs?.attributes.find((a) => a.type === oid)?.values[0] ?? null
}

export function signingTimeOf(signerInfo: pkijs.SignerInfo): Date | null {
  const t = signedAttribute(signerInfo, OID_SIGNING_TIME) as asn1js.UTCTime | asn1js.GeneralizedTime | null
  try {
    return t ? t.toDate() : null
  } catch {
    return null
  }
}

export interface SignerInfoCheck {
  /** Hash of the signed content matches the messageDigest attribute. */
  digestMatches: boolean
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureVerified: boolean
  /** ESS signing-certificate(-v2): 'v2' when present and matching, 'mismatch' when it names another certificate. */
  signingCertificate: 'v2' | 'v1' | 'absent' | 'mismatch'
  unsupported?: string
}

/** Checks the signerInfo of `parsed` over `content` (detached content, or the encapsulated one when omitted). */
export function checkSignerInfo(parsed: ParsedSignedData, content?: Uint8Array): SignerInfoCheck {
  const { signedData, signerInfo, signerCertificate } = parsed
  const hash = hashNameOf(signerInfo.digestAlgorithm.algorithmId)
  if (!hash) return { digestMatches: false, signatureVerified: false, signingCertificate: 'absent', unsupported: signerInfo.digestAlgorithm.algorithmId }
  const data = content ?? encapsulatedContent(signedData)
  const md = signedAttribute(signerInfo, OID_MESSAGE_DIGEST) as asn1js.OctetString | null
  const digestMatches = data !== null && md !== null && bytesEqual(md.valueBlock.valueHexView, digest(hash, data))

  const signatureVerified = signerCertificate !== null && data !== null && verifySignerSignature(signerInfo, signerCertificate, hash, data)

  let signingCertificate: SignerInfoCheck['signingCertificate'] = 'absent'
  const v2 = signedAttribute(signerInfo, OID_SIGNING_CERTIFICATE_V2)
  const v1 = signedAttribute(signerInfo, OID_SIGNING_CERTIFICATE)
  if ((v2 || v1) && signerCertificate) {
    const certDer = certificateDer(signerCertificate)
    const first = essCertId(v2 ?? v1!)
    let algorithm = v2 ? 'sha256' : 'sha1'
    if (v2 && first?.hashAlgorithm) algorithm = hashNameOf(first.hashAlgorithm) ?? 'unsupported'
    const matches =
      first !== null && algorithm !== 'unsupported' && bytesEqual(first.certHash, digest(algorithm as 'sha1' | 'sha256', certDer))
    signingCertificate = matches ? (v2 ? 'v2' : 'v1') : 'mismatch'
  }
  return { digestMatches, signatureVerified, signingCertificate }
}

/** The signerInfo's signature over its DER signed attributes (or over the content when it has none). */
function verifySignerSignature(signerInfo: pkijs.SignerInfo, cert: pkijs.Certificate, hash: HashName, content: Uint8Array): boolean {
  let signed: Uint8Array = content
  if (signerInfo.signedAttrs) {
    // Signed over the attributes as a DER SET OF (RFC 5652 §5.4), not with their [0] IMPLICIT tag.
    signed = new Uint8Array(signerInfo.signedAttrs.encodedValue.slice(0))
    signed[0] = 0x31
  }
  return verifySignature(cert.subjectPublicKeyInfo, signerInfo.signatureAlgorithm, signed, new Uint8Array(signerInfo.signature.valueBlock.valueHexView), hash)
}

/** First ESSCertID(v2) of a SigningCertificate(V2) value: hash algorithm (v2 only) and certificate hash. */
function essCertId(value: asn1js.AsnType): { hashAlgorithm: string | null; certHash: Uint8Array } | null {
  const certs = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence | undefined
  const first = certs?.valueBlock.value[0] as asn1js.Sequence | undefined
  if (!first) return null
  const parts = first.valueBlock.value
  let i = 0
  let hashAlgorithm: string | null = null
  if (parts[0] instanceof asn1js.Sequence) {
    hashAlgorithm = new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId
    i = 1
  }
  const hash = parts[i]
  if (!(hash instanceof asn1js.OctetString)) return null
  return { hashAlgorithm, certHash: new Uint8Array(hash.valueBlock.valueHexView) }
}

function encapsulatedContent(signedData: pkijs.SignedData): Uint8Array | null {
  const e = signedData.encapContentInfo.eContent
  if (!e) return null
  return new Uint8Array(e.getValue())
}

export interface TimestampTokenCheck {
  parsed: ParsedSignedData
  tstInfo: pkijs.TSTInfo
  genTime: Date
  /** The token's message imprint is the hash of the data it should cover. */
  imprintMatches: boolean
  /** The TSA's CMS signature verifies (message digest of the TSTInfo and signature). */
  signatureVerified: boolean
}

/** Parses and checks an RFC 3161 TimeStampToken over `data` (signature value, or a byte range). */
export async function checkTimestampToken(tokenDer: Uint8Array, data: Uint8Array, extraCertificates: pkijs.Certificate[]): Promise<TimestampTokenCheck> {
  const parsed = parseSignedData(tokenDer, extraCertificates)
  if (parsed.signedData.encapContentInfo.eContentType !== OID_CT_TSTINFO) throw new Error('not a timestamp token')
  const content = encapsulatedContent(parsed.signedData)
  if (!content) throw new Error('timestamp token without TSTInfo')
  const tstInfo = new pkijs.TSTInfo({ schema: fromDer(content) })
  const hash = hashNameOf(tstInfo.messageImprint.hashAlgorithm.algorithmId)
  const imprintMatches = hash !== null && bytesEqual(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView, digest(hash, data))
  const check = checkSignerInfo(parsed)
  return { parsed, tstInfo, genTime: tstInfo.genTime, imprintMatches, signatureVerified: check.digestMatches && check.signatureVerified }
}
