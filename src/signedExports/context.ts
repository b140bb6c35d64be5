/**
 * The signing services of this instance, from its configuration (environment; secrets from files):
 * which keys sign for the competent person and for the agency (src/signing/loadSigner.ts), the
 * timestamp authority, the trust anchors and CRLs, the signature images and the signer's title.
 * Without configuration it uses the demo PKI made by `npm run pki:demo` (PKI_DIR, default .pki/) and
 * an in-process RFC 3161 timestamp authority with the demo TSA key — refused in production.
 *
 *   HOSO_TSA_URL              RFC 3161 server (e.g. the national TSA); default: the demo TSA in-process
 *   HOSO_TRUST_ANCHORS        PEM files (comma-separated) of trusted roots; the demo root is added when present
 *   HOSO_CRLS                 CRL files (DER or PEM, comma-separated) besides those fetched from the certificates
 *   HOSO_SIGNATURE_IMAGE      the competent person's signature, blue transparent PNG
 *   HOSO_SEAL_IMAGE           the agency seal, red transparent PNG; HOSO_SEAL_DIAMETER_MM its real size
 *   HOSO_SIGNER_TITLE         title lines above the signature, separated by "|" ("TL. Bộ trưởng|Vụ trưởng …")
 *   HOSO_SIGNER_NAME          printed name (default: the certificate's common name)
 *   HOSO_SIGN_LTA             "false" to stop at B-T (no DSS / archival timestamp)
 */
import fs from 'node:fs'
import path from 'node:path'

import { HttpTimestampAuthority, PDF, type TimestampAuthority } from '@libpdf/core'

import { isProductionDeployment } from '../domain/deployment'
import type { SignatureStep } from '../domain/signing/signedExport'
import type { SignatureSpace } from '../pdf/render'
import { defaultPkiDir, loadDemoPki } from '../pki/demoPki'
import { fromPemOrDer } from '../pki/der'
import { checkCertificateUsable, CrlRevocationProvider } from '../pki/revocation'
import { LocalTimestampAuthority } from '../pki/tsa'
import { pemBundleDer } from '../signing/certificate'
import { demoSignatureImages, type SignatureImages } from '../signing/demoImages'
import { loadSigner } from '../signing/loadSigner'
import type { Env } from '../signing/secrets'
import type { ExternalRequest, ExternalResponse, SigningProfile, SigningServices } from './services'
import { signPdf } from '../signing/signPdf'
import { completeExternalSignature, prepareExternalSignature, type ExternalSignatureState } from '../signing/transports/external'
import type { HosoSigner } from '../signing/types'
import { verifyPdf, type VerifyPdfOptions } from '../signing/verify'

const FIELD: Record<SignatureStep, string> = { person: 'ky_nguoi_co_tham_quyen', agency: 'ky_co_quan_quan_ly' }
const REASON: Record<SignatureStep, string> = {
  person: 'Người có thẩm quyền ký xác nhận sơ yếu lý lịch',
  agency: 'Cơ quan quản lý ký số (NĐ 30/2020/NĐ-CP)',
}

/** Points kept free at the bottom of the signature space for the signing-time line (10 pt text). */
const TIME_LINE = 16

export interface SigningConfig {
  env: Env
  trustAnchors: Uint8Array[]
  crls: Uint8Array[]
  /** null: none configured (signing is refused with a clear message). */
  timestampAuthority: TimestampAuthority | null
  images: SignatureImages
  profile: SigningProfile
  /** Add the DSS and an archival document timestamp after the agency signature (PAdES B-LTA). */
  archival: boolean
}

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean)

function readCrl(file: string): Uint8Array {
  return fromPemOrDer(new Uint8Array(fs.readFileSync(file)), 'X509 CRL')[0]!
}

/** The configuration from the environment (demo PKI when present and not overridden). */
export async function signingConfigFromEnv(env: Env = process.env): Promise<SigningConfig> {
  const production = isProductionDeployment(env) && env.HOSO_ALLOW_DEMO !== 'true'
  const trustAnchors = list(env.HOSO_TRUST_ANCHORS).flatMap((f) => pemBundleDer(fs.readFileSync(f, 'utf8')))
  const crls = list(env.HOSO_CRLS).map(readCrl)
  let timestampAuthority: TimestampAuthority | null = env.HOSO_TSA_URL ? new HttpTimestampAuthority(env.HOSO_TSA_URL) : null
  const pkiDir = env.PKI_DIR ? path.resolve(env.PKI_DIR) : defaultPkiDir()
  // In production a PKI directory is used only when named explicitly (PKI_DIR), never found by default.
  if ((!production || env.PKI_DIR) && fs.existsSync(path.join(pkiDir, 'pki.json'))) {
    const pki = loadDemoPki(pkiDir)
    trustAnchors.push(pki.rootCertificate)
    crls.push(pki.rootCrl, pki.issuingCrl)
    timestampAuthority ??= await LocalTimestampAuthority.fromP12(pki.p12('tsa'), pki.password)
  }
  const demo = demoSignatureImages()
  const images: SignatureImages = {
    signature: env.HOSO_SIGNATURE_IMAGE ? fs.readFileSync(env.HOSO_SIGNATURE_IMAGE) : demo.signature,
    seal: env.HOSO_SEAL_IMAGE ? fs.readFileSync(env.HOSO_SEAL_IMAGE) : demo.seal,
    sealDiameterMm: Number(env.HOSO_SEAL_DIAMETER_MM) > 0 ? Number(env.HOSO_SEAL_DIAMETER_MM) : demo.sealDiameterMm,
  }
  const port = env.PORT ?? '3000'
  return {
    env,
    trustAnchors,
    crls,
    timestampAuthority,
    images,
    archival: env.HOSO_SIGN_LTA !== 'false',
    profile: {
      signerTitleLines: (env.HOSO_SIGNER_TITLE ?? 'TL. Bộ trưởng|Vụ trưởng Vụ Tổ chức cán bộ').split('|').map((s) => s.trim()).filter(Boolean),
      signerName: env.HOSO_SIGNER_NAME || undefined,
      place: env.HOSO_PRINT_PLACE ?? 'Hà Nội',
      publicUrl: env.PUBLIC_URL ?? env.HOSO_LISTEN_URL ?? `http://localhost:${port}`,
    },
  }
}

class ConfiguredSigningServices implements SigningServices {
  readonly profile: SigningProfile
  private readonly signers = new Map<SignatureStep, Promise<HosoSigner>>()

  constructor(private readonly config: SigningConfig) {
    this.profile = config.profile
  }

  signerFor(step: SignatureStep): Promise<HosoSigner> {
    let signer = this.signers.get(step)
    if (!signer) {
      signer = loadSigner(step, this.config.env)
      // A failed load (wrong PIN, missing file) is tried again next time, not cached.
      signer.catch(() => this.signers.delete(step))
      this.signers.set(step, signer)
    }
    return signer
  }

  async checkUsable(signer: HosoSigner, at: Date) {
    if (this.config.trustAnchors.length === 0) {
      return { ok: false as const, message: 'Chưa cấu hình chứng thư gốc tin cậy (HOSO_TRUST_ANCHORS)', messageEn: 'No trust anchors configured (HOSO_TRUST_ANCHORS)' }
    }
    const result = await checkCertificateUsable(signer.certificate, { chain: signer.certificateChain ?? [], trustAnchors: this.config.trustAnchors, crls: this.config.crls, at })
    return result.ok ? { ok: true as const } : { ok: false as const, message: `Chứng thư số của ${signer.label}: ${result.message}`, messageEn: `Certificate of ${signer.label}: ${result.messageEn}` }
  }

  private tsa(): TimestampAuthority {
    if (!this.config.timestampAuthority) {
      throw Object.assign(new Error('no TSA'), {
        vi: 'Chưa cấu hình máy chủ cấp dấu thời gian (HOSO_TSA_URL): chữ ký số phải có dấu thời gian',
        en: 'No timestamp authority configured (HOSO_TSA_URL): signatures must carry a timestamp',
      })
    }
    return this.config.timestampAuthority
  }

  /** What both signing paths share: the field, reason, place, time, visible appearance and level of a step. */
  private signatureOptions(step: SignatureStep, placement: SignatureSpace, signingTime: Date) {
    // The bottom line of the space is left for the agency's signing-time text under the seal.
    const rect = { x: placement.x, y: placement.y + TIME_LINE, width: placement.width, height: placement.height - TIME_LINE }
    const { images } = this.config
    const appearance =
      step === 'person'
        ? { page: placement.pageIndex, rect, image: images.signature }
        : { page: placement.pageIndex, rect, image: images.seal, sealDiameterMm: images.sealDiameterMm, personImage: images.signature }
    return { role: step, fieldName: FIELD[step], reason: REASON[step], location: this.profile.place, signingTime, appearance, level: 'B-T' as const }
  }

  async sign(bytes: Uint8Array, step: SignatureStep, signer: HosoSigner, placement: SignatureSpace, signingTime: Date): Promise<Uint8Array> {
    const result = await signPdf(bytes, { ...this.signatureOptions(step, placement, signingTime), signer, timestampAuthority: this.tsa() })
    return result.bytes
  }

  async prepareExternal(bytes: Uint8Array, step: SignatureStep, signer: HosoSigner, placement: SignatureSpace, signingTime: Date): Promise<ExternalRequest> {
    this.tsa()
    const prepared = await prepareExternalSignature(bytes, {
      ...this.signatureOptions(step, placement, signingTime),
      certificate: signer.certificate,
      chain: signer.certificateChain ?? [],
    })
    return {
      step,
      toBeSignedHash: prepared.toBeSignedHash,
      signedAttributes: prepared.signedAttributes,
      digestAlgorithm: 'SHA-256',
      state: prepared.state,
    }
  }

  async completeExternal(bytes: Uint8Array, request: ExternalRequest, response: ExternalResponse): Promise<Uint8Array> {
    const answer = response.cms ? { cms: response.cms } : { signature: response.signature ?? '' }
    const result = await completeExternalSignature(bytes, request.state as ExternalSignatureState, answer, { timestampAuthority: this.tsa() })
    return result.bytes
  }

  async finish(bytes: Uint8Array): Promise<Uint8Array> {
    if (!this.config.archival) return bytes
    const pdf = await PDF.load(bytes)
    const { bytes: out } = await pdf.addArchivalData({
      timestampAuthority: this.tsa(),
      revocationProvider: new CrlRevocationProvider({ crls: this.config.crls }),
    } as never)
    return out
  }

  verify(bytes: Uint8Array) {
    return verifyPdf(bytes, this.verifierOptions())
  }

  verifierOptions(): VerifyPdfOptions {
    return { trustAnchors: this.config.trustAnchors, crls: this.config.crls }
  }

  async close(): Promise<void> {
    for (const s of this.signers.values()) await (await s.catch(() => null))?.close?.()
    this.signers.clear()
  }
}

export function createSigningServices(config: SigningConfig): SigningServices & { close(): Promise<void>; verifierOptions(): VerifyPdfOptions } {
  return new ConfiguredSigningServices(config)
}

let instance: Promise<ConfiguredSigningServices> | null = null

/** This instance's signing services (built once from the environment). */
export function signingServices(): Promise<SigningServices> {
  if (!instance) {
    instance = signingConfigFromEnv().then((c) => new ConfiguredSigningServices(c))
    instance.catch(() => (instance = null))
  }
  return instance
}

/** Trust anchors and CRLs for the public verifier (no signing key is loaded for this). */
export async function verifierOptions(): Promise<VerifyPdfOptions> {
  await signingServices()
  return (await instance!).verifierOptions()
}
