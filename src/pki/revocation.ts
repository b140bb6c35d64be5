// Revocation data for signing: CRLs handed to @libpdf/core when it writes the DSS (PAdES B-LT), and the
// check that refuses to sign with an expired or revoked certificate (TT 15/2025/TT-BKHCN: the signing
// software keeps "Danh sách chứng thư chữ ký số thu hồi tại thời điểm ký").
import type { RevocationProvider } from '@libpdf/core'
import * as pkijs from 'pkijs'

import { OID } from './certificates'
import { validatePath, type PathFailure } from './chain'
import { fromDer, parseCertificate, sameName } from './der'

export interface CrlRevocationProviderOptions {
  /** DER CRLs already at hand (e.g. the demo PKI's issuing-ca.crl). */
  crls?: Uint8Array[]
  /** Fetch the certificate's CRL distribution point when no loaded CRL fits. Default true. */
  fetch?: boolean
  timeoutMs?: number
  fetchImpl?: typeof globalThis.fetch
  /** Used to tell a stale loaded CRL (past nextUpdate) from a current one. */
  now?: () => Date
}

/** @libpdf/core RevocationProvider backed by CRLs: loaded ones first, then the CRL distribution point. */
export class CrlRevocationProvider implements RevocationProvider {
  private readonly loaded: { der: Uint8Array; crl: pkijs.CertificateRevocationList }[] = []
  private readonly fetched = new Map<string, Uint8Array>()

  constructor(private readonly options: CrlRevocationProviderOptions = {}) {
    for (const der of options.crls ?? []) this.loaded.push({ der, crl: new pkijs.CertificateRevocationList({ schema: fromDer(der) }) })
  }

  async getCRL(certDer: Uint8Array): Promise<Uint8Array | null> {
    const cert = parseCertificate(certDer)
    // A trust anchor is trusted by configuration, not by a CRL it signs about itself.
    if (sameName(cert.subject, cert.issuer)) return null
    const now = this.options.now?.() ?? new Date()
    const current = this.loaded.find(
      ({ crl }) => sameName(crl.issuer, cert.issuer) && (!crl.nextUpdate || crl.nextUpdate.value.getTime() >= now.getTime()),
    )
    if (current) return current.der
    if (this.options.fetch === false) return this.loaded.find(({ crl }) => sameName(crl.issuer, cert.issuer))?.der ?? null

    for (const url of distributionPointUrls(cert)) {
      const cached = this.fetched.get(url)
      if (cached) return cached
      try {
        const res = await (this.options.fetchImpl ?? globalThis.fetch)(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) })
        if (!res.ok) continue
        const der = new Uint8Array(await res.arrayBuffer())
        const crl = new pkijs.CertificateRevocationList({ schema: fromDer(der) })
        if (!sameName(crl.issuer, cert.issuer)) continue
        this.fetched.set(url, der)
        return der
      } catch {
        // Unreachable or not a CRL: try the next distribution point.
      }
    }
    return this.loaded.find(({ crl }) => sameName(crl.issuer, cert.issuer))?.der ?? null
  }
}

/** HTTP(S) URLs of the certificate's CRL distribution points. */
export function distributionPointUrls(cert: pkijs.Certificate): string[] {
  const cdp = cert.extensions?.find((e) => e.extnID === OID.crlDistributionPoints)?.parsedValue as pkijs.CRLDistributionPoints | undefined
  const urls: string[] = []
  for (const dp of cdp?.distributionPoints ?? []) {
    const names = Array.isArray(dp.distributionPoint) ? dp.distributionPoint : []
    for (const n of names) if (n.type === 6 && /^https?:\/\//i.test(String(n.value))) urls.push(String(n.value))
  }
  return urls
}

export type CertificateUsability =
  | { ok: true; revocation: 'good' | 'unknown' }
  | { ok: false; code: PathFailure; message: string; messageEn: string }

/**
 * Whether a certificate may sign now: within its validity, not revoked (per the CRLs given), chaining
 * to a trust anchor, with a signing key usage. Called before signing so a bad certificate is refused
 * instead of producing a signature every verifier rejects.
 */
export async function checkCertificateUsable(
  certDer: Uint8Array,
  options: { chain?: Uint8Array[]; trustAnchors: Uint8Array[]; crls?: Uint8Array[]; at?: Date; usage?: 'signing' | 'timestamping' },
): Promise<CertificateUsability> {
  const leaf = parseCertificate(certDer)
  const result = await validatePath(leaf, {
    pool: options.chain ?? [],
    trustAnchors: options.trustAnchors,
    crls: options.crls ?? [],
    at: options.at ?? new Date(),
    usage: options.usage ?? 'signing',
  })
  if (!result.failure) return { ok: true, revocation: result.revocation.status === 'good' ? 'good' : 'unknown' }
  const problem = result.problems.find((p) => p.code === result.failure) ?? result.problems[0]!
  return { ok: false, code: result.failure, message: problem.vi, messageEn: problem.en }
}
