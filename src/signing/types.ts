// Contracts shared by the signing pieces: key custody (signers), trust (PKI, timestamps, revocation)
// and verification. The PDF signing itself is @libpdf/core's PAdES implementation; these types are the
// seams where our code plugs in.
import type { RevocationProvider, Signer, TimestampAuthority } from '@libpdf/core'

import type { CertificateSummary } from '../pki/types'

export type { CertificateSummary, RevocationProvider, Signer, TimestampAuthority }

/** Which of the two signatures a document carries (NĐ 30/2020 Điều 14: the person first, then the agency). */
export type SignatureRole = 'person' | 'agency'

/**
 * A signer with its key custody behind it: a PKCS#12 file, a PKCS#11 token/HSM, or an external device
 * that signs a hash handed out by the app. Private keys never leave the transport.
 */
export interface HosoSigner extends Signer {
  /** 'p12' | 'pkcs11' | 'external' — shown in the admin and the audit trail, never a secret. */
  readonly transport: 'p12' | 'pkcs11' | 'external'
  /** Human-readable subject of the certificate (CN, O), for logs and the admin. */
  readonly label: string
  /** Releases a token session or file handle; idempotent. */
  close?(): Promise<void>
}

export type CheckResult = 'valid' | 'invalid' | 'unknown'

export interface SignatureReport {
  /** The AcroForm field name holding the signature. */
  fieldName: string
  kind: 'signature' | 'document-timestamp'
  subFilter: string
  signer: CertificateSummary | null
  /** From the signer up to (and including) the trust anchor when one was found. */
  chain: CertificateSummary[]
  /** The CMS signature verifies and the message digest matches the signed byte range. */
  integrity: CheckResult
  /** The chain reaches a configured trust anchor and every certificate was valid at the signing time. */
  chainTrusted: CheckResult
  /** Revocation status of the signer certificate at the signing time (CRL/OCSP). */
  revocation: 'good' | 'revoked' | 'unknown'
  /** signingTime signed attribute (a claim by the signer). */
  claimedSigningTime: string | null
  /** RFC 3161 signature timestamp: time, TSA and whether its token verifies against the signature value. */
  timestamp: { time: string; authority: string; integrity: CheckResult; trusted: CheckResult } | null
  /** PAdES level reached (B-B, B-T, B-LT, B-LTA) as far as the document shows it. */
  level: 'B-B' | 'B-T' | 'B-LT' | 'B-LTA' | null
  /** The signed byte range covers the file up to this revision's end. */
  byteRangeCoversRevision: boolean
  /** Bytes were appended after this signature's revision. */
  modifiedAfterSigning: boolean
  /** What the later revisions changed, when they are only signatures/DSS/timestamps ('allowed'). */
  laterChanges: 'none' | 'allowed' | 'other'
  /** Overall verdict for this signature. */
  valid: boolean
  /** Problems in the user's words (Vietnamese), one per line; English alongside in `problemsEn`. */
  problems: string[]
  problemsEn: string[]
}

export interface VerificationReport {
  /** SHA-256 of the whole file, hex: looks up which of our exports it is. */
  sha256: string
  signatures: SignatureReport[]
  /** Every signature valid, trusted and the file not changed except by allowed later signatures/DSS. */
  valid: boolean
}
