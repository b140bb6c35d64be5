/**
 * What the export pipeline needs from key custody, timestamps and revocation, as one object built at
 * start-up (src/signedExports/context.ts) — so the pipeline reads as the steps of NĐ 30/2020 and tests can
 * hand it the demo PKI.
 */
import type { SignatureSpace } from '../pdf/render'
import type { SignatureStep } from '../domain/signing/signedExport'
import type { HosoSigner, VerificationReport } from '../signing/types'

export interface SigningProfile {
  /** "TL. Bộ trưởng", "Vụ trưởng Vụ Tổ chức cán bộ" (printed in capitals). */
  signerTitleLines: string[]
  /** The competent person's name as printed; defaults to the certificate's common name. */
  signerName?: string
  /** Place printed before the date ("Hà Nội"). */
  place: string
  /** Public base URL for the verification link (…/xac-thuc/CODE). */
  publicUrl: string
}

export type Usability = { ok: true } | { ok: false; message: string; messageEn: string }

/** What an external signer receives: nothing secret, enough to sign and to check what is signed. */
export interface ExternalRequest {
  step: SignatureStep
  /** Base64 SHA-256 of the DER signed attributes — what a USB token or remote service signs. */
  toBeSignedHash: string
  /** Base64 DER of the signed attributes (so the client can check what the hash covers). */
  signedAttributes: string
  digestAlgorithm: 'SHA-256'
  /** Whatever the transport needs to finish the same signature later (JSON-serialisable). */
  state: unknown
}

export interface ExternalResponse {
  /** Base64 raw signature over the hash (RSA PKCS#1 v1.5 or ECDSA DER). */
  signature?: string
  /** Base64 CMS SignedData whose SignerInfo signed exactly our signed attributes. */
  cms?: string
}

export interface SigningServices {
  profile: SigningProfile
  signerFor(step: SignatureStep): Promise<HosoSigner>
  /** Refuses an expired, not-yet-valid, revoked or untrusted certificate before anything is signed. */
  checkUsable(signer: HosoSigner, at: Date): Promise<Usability>
  /** One visible PAdES signature (B-T: signature timestamp), added as an incremental update. */
  sign(bytes: Uint8Array, step: SignatureStep, signer: HosoSigner, placement: SignatureSpace, signingTime: Date): Promise<Uint8Array>
  prepareExternal(bytes: Uint8Array, step: SignatureStep, signer: HosoSigner, placement: SignatureSpace, signingTime: Date): Promise<ExternalRequest>
  completeExternal(bytes: Uint8Array, request: ExternalRequest, response: ExternalResponse, signer: HosoSigner): Promise<Uint8Array>
  /** Long-term validation material after the last signature (DSS, document timestamp), when available. */
  finish(bytes: Uint8Array): Promise<Uint8Array>
  verify(bytes: Uint8Array): Promise<VerificationReport>
}
