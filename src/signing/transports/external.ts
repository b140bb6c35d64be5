// External key custody: the key is in a USB token on the user's computer (the Vietnamese CAs' token
// plug-ins) or in a remote signing service; the app never touches it. Signing is two-phase:
//   1. prepareExternalSignature runs the real PAdES signing with a capturing signer, stops at the moment
//      @libpdf/core asks for the signature (it calls signer.sign(DER signed attributes, digest) once) and
//      hands out the signed attributes and their hash, plus a `state` to keep on the server;
//   2. the client signs the hash (raw RSA PKCS#1 v1.5 / ECDSA) or the attributes (CMS SignedData);
//   3. completeExternalSignature re-runs the same signing (same document, time, field, appearance), checks
//      the signed attributes come out byte-identical, checks the returned signature with the certificate's
//      public key, and embeds it.
import crypto from 'node:crypto'

import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import type { DigestAlgorithm, KeyType, PAdESLevel, RevocationProvider, SignatureAlgorithm, Signer, TimestampAuthority } from '@libpdf/core'

import type { AppearanceInput } from '../appearance'
import { certificateDer, certificateKeyInfo, certificateLabel, ecdsaRawToDer, verifyWithCertificate } from '../certificate'
import { SigningError } from '../errors'
import { signPdf, type SignPdfOptions, type SignPdfResult, wholeSeconds } from '../signPdf'
import type { HosoSigner, SignatureRole } from '../types'

/**
 * The certificate side of an external signer (e.g. from HOSO_SIGNER_AGENCY=external + ..._CERT): it knows
 * who signs, not how. Its sign() refuses — use prepareExternalSignature/completeExternalSignature.
 */
export class ExternalSigner implements HosoSigner {
  readonly transport = 'external' as const
  readonly label: string
  readonly certificate: Uint8Array
  readonly certificateChain: Uint8Array[]
  readonly keyType: KeyType
  readonly signatureAlgorithm: SignatureAlgorithm

  constructor(certificate: Uint8Array | string, chain: (Uint8Array | string)[] = []) {
    this.certificate = certificateDer(certificate)
    this.certificateChain = chain.map((c) => certificateDer(c))
    const info = certificateKeyInfo(this.certificate)
    this.keyType = info.keyType
    this.signatureAlgorithm = info.signatureAlgorithm
    this.label = certificateLabel(this.certificate)
  }

  async sign(): Promise<Uint8Array> {
    throw new SigningError(
      'EXTERNAL_TWO_PHASE',
      'Khóa ký nằm ở thiết bị/dịch vụ bên ngoài: dùng quy trình hai bước (chuẩn bị → thiết bị ký → hoàn tất)',
      'The key is held outside the app: use the two-phase flow (prepare → device signs → complete)',
    )
  }

  async close(): Promise<void> {}
}

/** What signPdf takes, with the certificate (DER or PEM) in place of a signer; the TSA comes at completion. */
export type ExternalSignatureRequest = Omit<SignPdfOptions, 'signer' | 'timestampAuthority' | 'revocationProvider'> & {
  /** The signer's certificate, as read from the token by the client or configured. */
  certificate: Uint8Array | string
  chain?: (Uint8Array | string)[]
}

/** Everything needed to redo the signing identically; JSON-serialisable, kept by the server between the phases. */
export interface ExternalSignatureState {
  version: 1
  /** SHA-256 of the document being signed, hex: completion must get the same bytes. */
  documentSha256: string
  signedAttributes: string
  certificate: string
  chain: string[]
  role: SignatureRole
  fieldName: string
  reason?: string
  location?: string
  signingTime: string
  level: PAdESLevel
  digestAlgorithm: DigestAlgorithm
  appearance?: Omit<AppearanceInput, 'image' | 'personImage'> & { image: string; personImage?: string }
}

export interface PreparedExternalSignature {
  /** Base64 of the digest of the DER signed attributes: what a raw signer (token plug-in) signs. */
  toBeSignedHash: string
  /** Base64 of the DER signed attributes (SET OF Attribute): what a CMS-producing client signs. */
  signedAttributes: string
  digestAlgorithm: DigestAlgorithm
  state: ExternalSignatureState
}

export type ExternalSignatureResponse =
  /** The raw signature over the hash: RSA PKCS#1 v1.5, or ECDSA as DER SEQUENCE{r,s} (r||s is accepted too). */
  | { signature: Uint8Array | string }
  /** A CMS SignedData (DER or base64) whose SignerInfo signed exactly our signed attributes. */
  | { cms: Uint8Array | string }

export interface CompleteOptions {
  /** Required for B-T and above (the timestamp covers the signature value, so it is taken at completion). */
  timestampAuthority?: TimestampAuthority
  revocationProvider?: RevocationProvider
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'))
const bytesOf = (v: Uint8Array | string) => (typeof v === 'string' ? unb64(v) : v)
const sha256Hex = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex')
const nodeDigest = (alg: DigestAlgorithm) => alg.replace('-', '').toLowerCase()

class Captured extends Error {
  constructor(readonly data: Uint8Array) {
    super('captured')
  }
}

/** A TSA that is never called: signing stops before the timestamp step in the capture run. */
const NO_TIMESTAMP: TimestampAuthority = {
  timestamp: async () => {
    throw new Error('unreachable: the capture run stops before timestamping')
  },
}

function signerFor(certificate: Uint8Array, chain: Uint8Array[], sign: Signer['sign']): Signer {
  const info = certificateKeyInfo(certificate)
  return { certificate, certificateChain: chain, keyType: info.keyType, signatureAlgorithm: info.signatureAlgorithm, sign }
}

function appearanceOf(state: ExternalSignatureState): AppearanceInput | undefined {
  const a = state.appearance
  if (!a) return undefined
  return { ...a, image: unb64(a.image), personImage: a.personImage ? unb64(a.personImage) : undefined }
}

/** Phase 1: what the external device must sign, and the state to complete with. */
export async function prepareExternalSignature(pdfBytes: Uint8Array, request: ExternalSignatureRequest): Promise<PreparedExternalSignature> {
  const certificate = certificateDer(request.certificate)
  const chain = (request.chain ?? []).map((c) => certificateDer(c))
  const digestAlgorithm = request.digestAlgorithm ?? 'SHA-256'
  // Fixed for both phases.
  const signingTime = wholeSeconds(request.signingTime ?? new Date())
  let signedAttributes: Uint8Array | null = null
  try {
    await signPdf(pdfBytes, {
      signer: signerFor(certificate, chain, async (data) => {
        throw new Captured(new Uint8Array(data))
      }),
      role: request.role,
      fieldName: request.fieldName,
      reason: request.reason,
      location: request.location,
      signingTime,
      appearance: request.appearance,
      level: request.level,
      timestampAuthority: request.level === 'B-B' ? undefined : NO_TIMESTAMP,
      digestAlgorithm,
    })
  } catch (err) {
    if (!(err instanceof Captured)) throw err
    signedAttributes = err.data
  }
  if (!signedAttributes) throw new Error('prepareExternalSignature: the signing finished without asking for a signature')
  const a = request.appearance
  return {
    toBeSignedHash: crypto.createHash(nodeDigest(digestAlgorithm)).update(signedAttributes).digest('base64'),
    signedAttributes: b64(signedAttributes),
    digestAlgorithm,
    state: {
      version: 1,
      documentSha256: sha256Hex(pdfBytes),
      signedAttributes: b64(signedAttributes),
      certificate: b64(certificate),
      chain: chain.map(b64),
      role: request.role,
      fieldName: request.fieldName,
      reason: request.reason,
      location: request.location,
      signingTime: signingTime.toISOString(),
      level: request.level,
      digestAlgorithm,
      appearance: a ? { ...a, image: b64(a.image), personImage: a.personImage ? b64(a.personImage) : undefined } : undefined,
    },
  }
}

/** The signature value out of a CMS SignedData, after checking it signed our attributes with our certificate. */
function signatureFromCms(cmsBytes: Uint8Array, signedAttributes: Uint8Array, certificate: Uint8Array): Uint8Array {
  const refuse = (vi: string, en: string, cause?: unknown) => new SigningError('EXTERNAL_CMS', vi, en, { cause })
  let signedData: pkijs.SignedData
  try {
    const asn = asn1js.fromBER(new Uint8Array(cmsBytes))
    if (asn.offset === -1) throw new Error('not BER')
    const info = new pkijs.ContentInfo({ schema: asn.result })
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error(`content type ${info.contentType}`)
    signedData = new pkijs.SignedData({ schema: info.content })
  } catch (cause) {
    throw refuse('Dữ liệu trả về không phải CMS SignedData', 'The returned data is not a CMS SignedData', cause)
  }
  if (signedData.signerInfos.length !== 1) {
    throw refuse('CMS trả về phải có đúng một người ký', 'The returned CMS must have exactly one signer')
  }
  const signerInfo = signedData.signerInfos[0]!
  const encoded = signerInfo.signedAttrs?.encodedValue
  if (!encoded) throw refuse('CMS trả về không có thuộc tính đã ký', 'The returned CMS has no signed attributes')
  // Stored with its [0] IMPLICIT tag; the signature is over the same bytes tagged as SET OF (0x31).
  const attrs = new Uint8Array(encoded.slice(0))
  attrs[0] = 0x31
  if (Buffer.compare(attrs, signedAttributes) !== 0) {
    throw refuse('CMS trả về đã ký nội dung khác với nội dung đã chuẩn bị', 'The returned CMS signed attributes other than the prepared ones')
  }
  const ours = pkijs.Certificate.fromBER(new Uint8Array(certificate))
  const sid = signerInfo.sid
  const sameCert =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? sid.serialNumber.isEqual(ours.serialNumber) && sid.issuer.isEqual(ours.issuer)
      : (signedData.certificates ?? []).some((c) => c instanceof pkijs.Certificate && Buffer.compare(Buffer.from(c.toSchema().toBER(false)), Buffer.from(certificate)) === 0)
  if (!sameCert) {
    throw refuse('CMS trả về được ký bằng chứng thư số khác với chứng thư đã chuẩn bị', 'The returned CMS was signed with another certificate than the prepared one')
  }
  return new Uint8Array(signerInfo.signature.valueBlock.valueHexView)
}

/** Phase 2: checks the external signature and returns the signed PDF. */
export async function completeExternalSignature(
  pdfBytes: Uint8Array,
  state: ExternalSignatureState,
  response: ExternalSignatureResponse,
  options: CompleteOptions = {},
): Promise<SignPdfResult> {
  if (state.version !== 1) throw new SigningError('EXTERNAL_STATE', 'Trạng thái ký không hợp lệ', 'Invalid signing state')
  if (sha256Hex(pdfBytes) !== state.documentSha256) {
    throw new SigningError('EXTERNAL_DOCUMENT_CHANGED', 'Tài liệu đã thay đổi kể từ khi chuẩn bị ký', 'The document changed since the signature was prepared')
  }
  const certificate = unb64(state.certificate)
  const chain = state.chain.map(unb64)
  const signedAttributes = unb64(state.signedAttributes)
  const { keyType } = certificateKeyInfo(certificate)

  let signature = 'cms' in response ? signatureFromCms(bytesOf(response.cms), signedAttributes, certificate) : bytesOf(response.signature)
  // ECDSA as r||s (what WebCrypto and many token plug-ins return): CMS wants DER.
  if (keyType === 'EC' && signature[0] !== 0x30 && [64, 96, 132].includes(signature.length)) signature = ecdsaRawToDer(signature)
  if (!(await verifyWithCertificate(certificate, signedAttributes, signature, state.digestAlgorithm))) {
    throw new SigningError(
      'EXTERNAL_SIGNATURE_INVALID',
      `Chữ ký trả về không khớp với chứng thư số của ${certificateLabel(certificate)} (sai khóa hoặc sai dữ liệu)`,
      `The returned signature does not verify with the certificate of ${certificateLabel(certificate)} (wrong key or wrong data)`,
    )
  }
  const signer = signerFor(certificate, chain, async (data) => {
    if (Buffer.compare(Buffer.from(data), Buffer.from(signedAttributes)) !== 0) {
      throw new SigningError(
        'EXTERNAL_MISMATCH',
        'Không tái tạo được đúng nội dung đã chuẩn bị ký (tài liệu, thời điểm hoặc hình ảnh chữ ký khác); hãy chuẩn bị ký lại',
        'The prepared content could not be reproduced (document, time or appearance differ); prepare the signature again',
      )
    }
    return signature
  })
  if (state.level !== 'B-B' && !options.timestampAuthority) {
    throw new SigningError('EXTERNAL_TSA', `Mức ${state.level} cần máy chủ dấu thời gian khi hoàn tất`, `Level ${state.level} needs a timestamp authority at completion`)
  }
  return signPdf(pdfBytes, {
    signer,
    role: state.role,
    fieldName: state.fieldName,
    reason: state.reason,
    location: state.location,
    signingTime: new Date(state.signingTime),
    appearance: appearanceOf(state),
    level: state.level,
    digestAlgorithm: state.digestAlgorithm,
    timestampAuthority: options.timestampAuthority,
    revocationProvider: options.revocationProvider,
  })
}

/** For display next to a pending external signature: who is expected to sign. */
export function expectedSigner(state: ExternalSignatureState): string {
  return certificateLabel(unb64(state.certificate))
}

