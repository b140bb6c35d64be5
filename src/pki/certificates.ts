// Issuing X.509 certificates and CRLs with pkijs (RFC 5280). Only what the demo PKI needs: CA and
// end-entity certificates with the usual extensions, and CRLs with reason codes.
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import { certificateDer, digest, fromDer, toArrayBuffer } from './der'

export const OID = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  title: '2.5.4.12',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  crlNumber: '2.5.29.20',
  crlReason: '2.5.29.21',
  crlDistributionPoints: '2.5.29.31',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  caIssuers: '1.3.6.1.5.5.7.48.2',
  ocsp: '1.3.6.1.5.5.7.48.1',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
} as const

/** RFC 5280 KeyUsage bit positions. */
export const KeyUsage = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
} as const

export interface NameSpec {
  commonName: string
  organization?: string
  /** X.520 title (chức vụ), e.g. "Vụ trưởng Vụ Tổ chức cán bộ". */
  title?: string
  country?: string
}

/**
 * A Name with C, O, T, CN in that order (most general first, as DER encodes it), one attribute per RDN;
 * UTF8String for text. Built from DER because pkijs would put all attributes into one multi-valued RDN.
 */
export function buildName(spec: NameSpec): pkijs.RelativeDistinguishedNames {
  const rdn = (type: string, value: asn1js.BaseStringBlock) =>
    new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] })
  const rdns = [
    ...(spec.country ? [rdn(OID.country, new asn1js.PrintableString({ value: spec.country }))] : []),
    ...(spec.organization ? [rdn(OID.organization, new asn1js.Utf8String({ value: spec.organization }))] : []),
    ...(spec.title ? [rdn(OID.title, new asn1js.Utf8String({ value: spec.title }))] : []),
    rdn(OID.commonName, new asn1js.Utf8String({ value: spec.commonName })),
  ]
  return new pkijs.RelativeDistinguishedNames({ schema: fromDer(new Uint8Array(new asn1js.Sequence({ value: rdns }).toBER(false))) })
}

/** A DER BIT STRING with the given named bits set (bit 0 = most significant bit of the first byte). */
export function namedBitString(bits: number[]): asn1js.BitString {
  if (bits.length === 0) return new asn1js.BitString({ valueHex: new ArrayBuffer(0) })
  const highest = Math.max(...bits)
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1)
  for (const b of bits) bytes[Math.floor(b / 8)]! |= 0x80 >> b % 8
  return new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits: 7 - (highest % 8) })
}

function extension(extnID: string, critical: boolean, value: { toSchema(): asn1js.AsnType } | asn1js.AsnType): pkijs.Extension {
  const schema = 'toSchema' in value ? value.toSchema() : value
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) })
}

function uri(url: string): pkijs.GeneralName {
  return new pkijs.GeneralName({ type: 6, value: url })
}

/** SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1). */
export function keyIdentifier(spki: pkijs.PublicKeyInfo): Uint8Array {
  return digest('sha1', new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView))
}

export async function publicKeyInfoOf(publicKey: CryptoKey): Promise<pkijs.PublicKeyInfo> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey))
  return new pkijs.PublicKeyInfo({ schema: fromDer(spki) })
}

function time(d: Date): pkijs.Time {
  // UTCTime up to 2049, GeneralizedTime after (RFC 5280 §4.1.2.5).
  return new pkijs.Time({ type: d.getUTCFullYear() < 2050 ? 0 : 1, value: d })
}

function withoutMillis(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000)
}

export interface IssueCertificateOptions {
  serialNumber: Uint8Array
  subject: pkijs.RelativeDistinguishedNames
  publicKey: CryptoKey
  notBefore: Date
  notAfter: Date
  /** Absent for a self-signed certificate. */
  issuer?: { certificate: pkijs.Certificate; privateKey: CryptoKey }
  /** The key that signs when self-signed. */
  selfSignKey?: CryptoKey
  ca?: { pathLength?: number }
  keyUsage: number[]
  extendedKeyUsage?: string[]
  crlUrl?: string
  caIssuersUrl?: string
  ocspUrl?: string
}

export async function issueCertificate(options: IssueCertificateOptions): Promise<Uint8Array> {
  const cert = new pkijs.Certificate()
  cert.version = 2
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(options.serialNumber) })
  cert.subject = options.subject
  cert.issuer = options.issuer ? options.issuer.certificate.subject : options.subject
  cert.notBefore = time(withoutMillis(options.notBefore))
  cert.notAfter = time(withoutMillis(options.notAfter))
  cert.subjectPublicKeyInfo = await publicKeyInfoOf(options.publicKey)

  const ski = keyIdentifier(cert.subjectPublicKeyInfo)
  const aki = options.issuer ? keyIdentifier(options.issuer.certificate.subjectPublicKeyInfo) : ski
  const extensions: pkijs.Extension[] = [
    extension(
      OID.basicConstraints,
      true,
      new pkijs.BasicConstraints(options.ca ? { cA: true, ...(options.ca.pathLength !== undefined ? { pathLenConstraint: options.ca.pathLength } : {}) } : {}),
    ),
    extension(OID.keyUsage, true, namedBitString(options.keyUsage)),
  ]
  if (options.extendedKeyUsage) {
    // Critical for the TSA (RFC 3161 §2.3: the only key purpose, and critical).
    extensions.push(extension(OID.extKeyUsage, true, new pkijs.ExtKeyUsage({ keyPurposes: options.extendedKeyUsage })))
  }
  extensions.push(extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: toArrayBuffer(ski) })))
  extensions.push(
    extension(OID.authorityKeyIdentifier, false, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(aki) }) })),
  )
  if (options.crlUrl) {
    extensions.push(
      extension(
        OID.crlDistributionPoints,
        false,
        new pkijs.CRLDistributionPoints({ distributionPoints: [new pkijs.DistributionPoint({ distributionPoint: [uri(options.crlUrl)] })] }),
      ),
    )
  }
  const access: pkijs.AccessDescription[] = []
  if (options.ocspUrl) access.push(new pkijs.AccessDescription({ accessMethod: OID.ocsp, accessLocation: uri(options.ocspUrl) }))
  if (options.caIssuersUrl) access.push(new pkijs.AccessDescription({ accessMethod: OID.caIssuers, accessLocation: uri(options.caIssuersUrl) }))
  if (access.length > 0) extensions.push(extension(OID.authorityInfoAccess, false, new pkijs.InfoAccess({ accessDescriptions: access })))
  cert.extensions = extensions

  const signingKey = options.issuer?.privateKey ?? options.selfSignKey
  if (!signingKey) throw new Error('issueCertificate: no signing key')
  await cert.sign(signingKey, 'SHA-256')
  return certificateDer(cert)
}

export interface RevokedEntry {
  serialNumber: Uint8Array
  revokedAt: Date
  /** RFC 5280 CRLReason (1 = keyCompromise). */
  reason?: number
}

export async function issueCrl(options: {
  issuer: pkijs.Certificate
  privateKey: CryptoKey
  thisUpdate: Date
  nextUpdate: Date
  crlNumber: number
  revoked: RevokedEntry[]
}): Promise<Uint8Array> {
  const crl = new pkijs.CertificateRevocationList()
  crl.version = 1
  crl.issuer = options.issuer.subject
  crl.thisUpdate = time(withoutMillis(options.thisUpdate))
  crl.nextUpdate = time(withoutMillis(options.nextUpdate))
  if (options.revoked.length > 0) {
    crl.revokedCertificates = options.revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: toArrayBuffer(r.serialNumber) }),
          revocationDate: time(withoutMillis(r.revokedAt)),
          ...(r.reason !== undefined
            ? { crlEntryExtensions: new pkijs.Extensions({ extensions: [extension(OID.crlReason, false, new asn1js.Enumerated({ value: r.reason }))] }) }
            : {}),
        }),
    )
  }
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      extension(
        OID.authorityKeyIdentifier,
        false,
        new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(keyIdentifier(options.issuer.subjectPublicKeyInfo)) }) }),
      ),
      extension(OID.crlNumber, false, new asn1js.Integer({ value: options.crlNumber })),
    ],
  })
  await crl.sign(options.privateKey, 'SHA-256')
  return new Uint8Array(crl.toSchema(true).toBER(false))
}
