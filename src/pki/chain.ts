// Certification path validation at a given time (RFC 5280, the parts a signature verifier needs):
// build the path to a trust anchor, check signatures, validity periods, CA/key usage, and revocation
// from CRLs and OCSP responses. Shared by signing (refuse a bad certificate) and verification.
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import { formatVietnamTime } from '../domain/signing/time'
import { OID } from './certificates'
import { bytesEqual, certificateDer, digest, fromDer, hashNameOf, nameAttribute, parseCertificate, sameName, serialHex } from './der'
import { verifySignature } from './signature'

export interface Problem {
  code: string
  vi: string
  en: string
}

export type RevocationState = 'good' | 'revoked' | 'unknown'

export interface RevocationStatus {
  status: RevocationState
  revokedAt?: Date
  source?: 'crl' | 'ocsp'
}

export type CertificateUsage = 'signing' | 'timestamping'

export interface PathValidationInput {
  /** Certificates that may complete the path (from the CMS, the DSS, a PKCS#12 file). */
  pool: Uint8Array[]
  trustAnchors: Uint8Array[]
  crls?: Uint8Array[]
  /** DER OCSPResponse values (e.g. from a DSS). */
  ocspResponses?: Uint8Array[]
  /** The time the certificates must be valid at (signing time). */
  at: Date
  usage: CertificateUsage
}

export type PathFailure = 'expired' | 'not-yet-valid' | 'revoked' | 'untrusted' | 'wrong-usage'

export interface PathValidation {
  /** From the leaf up to the trust anchor (or as far as it could be built). */
  chain: pkijs.Certificate[]
  /** The path reaches a trust anchor and every signature on it verifies. */
  anchored: boolean
  /** Every certificate of the path is within its validity period at `at`. */
  validAt: boolean
  usageOk: boolean
  /** Revocation of the leaf at `at`. */
  revocation: RevocationStatus
  /** Some CA certificate of the path was revoked at `at`. */
  caRevoked: boolean
  /** The first reason to refuse, in the order a user can act on; absent when the path is good. */
  failure?: PathFailure
  problems: Problem[]
}

export function displayName(cert: pkijs.Certificate): string {
  return nameAttribute(cert.subject, OID.commonName) ?? nameAttribute(cert.subject, OID.organization) ?? serialHex(cert)
}

function isSelfIssued(cert: pkijs.Certificate): boolean {
  return sameName(cert.subject, cert.issuer)
}

function sameCertificate(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return bytesEqual(certificateDer(a), certificateDer(b))
}

/** A trust anchor matches by its DER, or by subject name and public key (a re-issued root). */
function isAnchor(cert: pkijs.Certificate, anchors: pkijs.Certificate[]): pkijs.Certificate | null {
  return (
    anchors.find(
      (a) =>
        sameCertificate(a, cert) ||
        (sameName(a.subject, cert.subject) &&
          bytesEqual(a.subjectPublicKeyInfo.toSchema().toBER(false), cert.subjectPublicKeyInfo.toSchema().toBER(false))),
    ) ?? null
  )
}

async function verifiedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  if (!sameName(cert.issuer, issuer.subject)) return false
  try {
    return await cert.verify(issuer)
  } catch {
    return false
  }
}

function extension<T>(cert: pkijs.Certificate, oid: string): T | undefined {
  return cert.extensions?.find((e) => e.extnID === oid)?.parsedValue as T | undefined
}

function keyUsageBits(cert: pkijs.Certificate): Set<number> | null {
  const ku = extension<asn1js.BitString>(cert, OID.keyUsage)
  if (!ku) return null
  const bytes = new Uint8Array(ku.valueBlock.valueHexView)
  const bits = new Set<number>()
  bytes.forEach((byte, i) => {
    for (let b = 0; b < 8; b++) if (byte & (0x80 >> b)) bits.add(i * 8 + b)
  })
  return bits
}

function extendedKeyUsages(cert: pkijs.Certificate): string[] | null {
  return extension<pkijs.ExtKeyUsage>(cert, OID.extKeyUsage)?.keyPurposes ?? null
}

function isCa(cert: pkijs.Certificate): boolean {
  return extension<pkijs.BasicConstraints>(cert, OID.basicConstraints)?.cA === true
}

/** Builds the path leaf → … → anchor, verifying each signature. */
export async function buildPath(
  leaf: pkijs.Certificate,
  pool: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
): Promise<{ chain: pkijs.Certificate[]; anchored: boolean }> {
  const chain = [leaf]
  let current = leaf
  for (let depth = 0; depth < 10; depth++) {
    const anchor = isAnchor(current, anchors)
    if (anchor) {
      if (!isSelfIssued(anchor) || (await verifiedBy(anchor, anchor))) return { chain, anchored: true }
      return { chain, anchored: false }
    }
    if (isSelfIssued(current)) return { chain, anchored: false }
    // Anchors first: a path to a configured root wins over a same-named certificate from the document.
    const candidates = [...anchors, ...pool].filter((c) => sameName(c.subject, current.issuer) && !chain.some((x) => sameCertificate(x, c)))
    let next: pkijs.Certificate | null = null
    for (const c of candidates) {
      if (await verifiedBy(current, c)) {
        next = c
        break
      }
    }
    if (!next) return { chain, anchored: false }
    chain.push(next)
    current = next
  }
  return { chain, anchored: false }
}

// Parsed once per content: the same CRLs are consulted for every certificate of every signature.
const PARSED_CRLS = new Map<string, pkijs.CertificateRevocationList | null>()

export function parseCrls(crls: Uint8Array[]): pkijs.CertificateRevocationList[] {
  const out: pkijs.CertificateRevocationList[] = []
  for (const der of crls) {
    const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64')
    let crl = PARSED_CRLS.get(key)
    if (crl === undefined) {
      try {
        crl = new pkijs.CertificateRevocationList({ schema: fromDer(der) })
      } catch {
        crl = null // An unreadable CRL proves nothing; the status stays unknown.
      }
      if (PARSED_CRLS.size >= 256) PARSED_CRLS.delete(PARSED_CRLS.keys().next().value!)
      PARSED_CRLS.set(key, crl)
    }
    if (crl) out.push(crl)
  }
  return out
}

/** Status of `cert` at `at` from the CRLs its issuer signed. */
export async function crlStatus(
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
  crls: pkijs.CertificateRevocationList[],
  at: Date,
): Promise<RevocationStatus> {
  let covered = false
  for (const crl of crls) {
    if (!sameName(crl.issuer, issuer.subject)) continue
    let signed = false
    try {
      signed = await crl.verify({ issuerCertificate: issuer })
    } catch {
      signed = false
    }
    if (!signed) continue
    covered = true
    const entry = crl.revokedCertificates?.find((r) => bytesEqual(r.userCertificate.valueBlock.valueHexView, cert.serialNumber.valueBlock.valueHexView))
    if (entry) {
      const revokedAt = entry.revocationDate.value
      if (revokedAt.getTime() <= at.getTime()) return { status: 'revoked', revokedAt, source: 'crl' }
    }
  }
  return covered ? { status: 'good', source: 'crl' } : { status: 'unknown' }
}

const OID_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1'

/** Status of `cert` from OCSP responses (as embedded in a DSS), checking the responder's signature. */
export async function ocspStatus(cert: pkijs.Certificate, issuer: pkijs.Certificate, responses: Uint8Array[], at: Date): Promise<RevocationStatus> {
  for (const der of responses) {
    try {
      const resp = new pkijs.OCSPResponse({ schema: fromDer(der) })
      if (resp.responseStatus.valueBlock.valueDec !== 0 || !resp.responseBytes) continue
      if (resp.responseBytes.responseType !== OID_OCSP_BASIC) continue
      const basic = new pkijs.BasicOCSPResponse({ schema: fromDer(new Uint8Array(resp.responseBytes.response.valueBlock.valueHexView)) })
      const single = basic.tbsResponseData.responses.find((r) => {
        const hash = hashNameOf(r.certID.hashAlgorithm.algorithmId)
        return (
          hash !== null &&
          bytesEqual(r.certID.serialNumber.valueBlock.valueHexView, cert.serialNumber.valueBlock.valueHexView) &&
          bytesEqual(
            r.certID.issuerKeyHash.valueBlock.valueHexView,
            digest(hash, new Uint8Array(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)),
          )
        )
      })
      if (!single) continue
      // The responder is the issuer itself or a certificate the issuer delegated OCSP signing to.
      const responders = [issuer, ...(basic.certs ?? [])]
      let signed = false
      for (const responder of responders) {
        if (responder !== issuer) {
          if (!(await verifiedBy(responder, issuer))) continue
          if (!(extendedKeyUsages(responder) ?? []).includes(OID.ocspSigning)) continue
        }
        signed = verifySignature(
          responder.subjectPublicKeyInfo,
          basic.signatureAlgorithm,
          basic.tbsResponseData.tbsView,
          new Uint8Array(basic.signature.valueBlock.valueHexView),
        )
        if (signed) break
      }
      if (!signed) continue
      const status = single.certStatus as asn1js.AsnType & { idBlock: { tagNumber: number } }
      if (status.idBlock.tagNumber === 0) return { status: 'good', source: 'ocsp' }
      if (status.idBlock.tagNumber === 1) {
        const revokedAt = (status as unknown as { valueBlock: { value: asn1js.GeneralizedTime[] } }).valueBlock.value[0]?.toDate()
        if (!revokedAt || revokedAt.getTime() <= at.getTime()) return { status: 'revoked', ...(revokedAt ? { revokedAt } : {}), source: 'ocsp' }
        return { status: 'good', source: 'ocsp' }
      }
    } catch {
      // Unreadable response: ignore.
    }
  }
  return { status: 'unknown' }
}

async function revocationOf(
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
  crls: pkijs.CertificateRevocationList[],
  ocsps: Uint8Array[],
  at: Date,
): Promise<RevocationStatus> {
  const byOcsp = ocsps.length > 0 ? await ocspStatus(cert, issuer, ocsps, at) : { status: 'unknown' as const }
  if (byOcsp.status !== 'unknown') return byOcsp
  return crlStatus(cert, issuer, crls, at)
}

function toCertificates(ders: Uint8Array[]): pkijs.Certificate[] {
  const out: pkijs.Certificate[] = []
  for (const der of ders) {
    try {
      out.push(parseCertificate(der))
    } catch {
      // skip unreadable certificates
    }
  }
  return out
}


/** Validates the path of `leaf` at `input.at`. Never throws on bad certificates: it reports them. */
export async function validatePath(leaf: pkijs.Certificate, input: PathValidationInput): Promise<PathValidation> {
  const anchors = toCertificates(input.trustAnchors)
  const pool = toCertificates(input.pool)
  const crls = parseCrls(input.crls ?? [])
  const ocsps = input.ocspResponses ?? []
  const at = input.at
  const problems: Problem[] = []
  const { chain, anchored } = await buildPath(leaf, pool, anchors)
  const name = displayName(leaf)

  let validAt = true
  let expired = false
  let notYetValid = false
  for (const c of chain) {
    if (at.getTime() > c.notAfter.value.getTime()) {
      validAt = false
      expired = true
      problems.push({
        code: 'expired',
        vi: `Chứng thư số "${displayName(c)}" đã hết hạn lúc ${formatVietnamTime(c.notAfter.value)} (trước thời điểm ký)`,
        en: `Certificate "${displayName(c)}" expired at ${formatVietnamTime(c.notAfter.value)} (before the signing time)`,
      })
    } else if (at.getTime() < c.notBefore.value.getTime()) {
      validAt = false
      notYetValid = true
      problems.push({
        code: 'not-yet-valid',
        vi: `Chứng thư số "${displayName(c)}" chỉ có hiệu lực từ ${formatVietnamTime(c.notBefore.value)}`,
        en: `Certificate "${displayName(c)}" is valid only from ${formatVietnamTime(c.notBefore.value)}`,
      })
    }
  }

  let usageOk = true
  const ku = keyUsageBits(leaf)
  if (ku && !ku.has(0) && !ku.has(1)) usageOk = false
  const eku = extendedKeyUsages(leaf)
  if (input.usage === 'timestamping' && !(eku ?? []).includes(OID.timeStamping)) usageOk = false
  if (input.usage === 'signing' && isCa(leaf)) usageOk = false
  for (const ca of chain.slice(1)) {
    const caKu = keyUsageBits(ca)
    if (!isCa(ca) || (caKu && !caKu.has(5))) usageOk = false
  }
  if (!usageOk) {
    problems.push(
      input.usage === 'timestamping'
        ? { code: 'wrong-usage', vi: `Chứng thư "${name}" không được cấp cho dịch vụ dấu thời gian`, en: `Certificate "${name}" is not issued for timestamping` }
        : { code: 'wrong-usage', vi: `Chứng thư "${name}" không được cấp để ký số`, en: `Certificate "${name}" is not issued for digital signatures` },
    )
  }

  if (!anchored) {
    problems.push({
      code: 'untrusted',
      vi: `Chứng thư "${name}" không dẫn tới tổ chức chứng thực gốc được tin cậy`,
      en: `Certificate "${name}" does not chain to a trusted root`,
    })
  }

  let revocation: RevocationStatus = { status: 'unknown' }
  let caRevoked = false
  for (let i = 0; i < chain.length - 1; i++) {
    const status = await revocationOf(chain[i]!, chain[i + 1]!, crls, ocsps, at)
    if (i === 0) revocation = status
    else if (status.status === 'revoked') caRevoked = true
    if (status.status === 'revoked') {
      problems.push({
        code: 'revoked',
        vi: `Chứng thư số "${displayName(chain[i]!)}" đã bị thu hồi${status.revokedAt ? ` lúc ${formatVietnamTime(status.revokedAt)}` : ''}`,
        en: `Certificate "${displayName(chain[i]!)}" was revoked${status.revokedAt ? ` at ${formatVietnamTime(status.revokedAt)}` : ''}`,
      })
    }
  }

  const failure: PathFailure | undefined = expired
    ? 'expired'
    : notYetValid
      ? 'not-yet-valid'
      : revocation.status === 'revoked' || caRevoked
        ? 'revoked'
        : !anchored
          ? 'untrusted'
          : !usageOk
            ? 'wrong-usage'
            : undefined
  return { chain, anchored, validAt, usageOk, revocation, caRevoked, ...(failure ? { failure } : {}), problems }
}
