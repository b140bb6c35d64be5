// A demo PKI for development and tests: a root CA, an issuing CA, PKCS#12 files for the competent person
// (người có thẩm quyền), the agency seal (con dấu cơ quan), the timestamp authority, and two certificates
// that signing must refuse (expired, revoked), plus the CRLs. Real keys and real certificates, never for
// production: a real deployment uses certificates from a licensed CA (domain.md §5.4).
import { randomBytes, webcrypto } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildName, issueCertificate, issueCrl, KeyUsage, OID, type NameSpec } from './certificates'
import { fromPemOrDer, parseCertificate, summarizeCertificate, toPem } from './der'
import { buildP12 } from './p12'

export type DemoKeyAlgorithm = 'RSA' | 'ECDSA'
/** The PKCS#12 identities of the demo PKI. */
export type DemoIdentity = 'person' | 'seal' | 'tsa' | 'expired' | 'revoked'
export const DEMO_IDENTITIES: readonly DemoIdentity[] = ['person', 'seal', 'tsa', 'expired', 'revoked']

export interface DemoCertificateInfo {
  /** File name inside the PKI directory (a .crt PEM for CAs, a .p12 for identities). */
  file: string
  subject: string
  serialNumber: string
  /** SHA-256 of the certificate's DER, hex. */
  fingerprint: string
  notBefore: string
  notAfter: string
}

export interface DemoPkiManifest {
  version: 1
  createdAt: string
  keyAlgorithm: DemoKeyAlgorithm
  /** Base URL of the published CA files (CRL distribution points, AIA caIssuers). */
  baseUrl: string
  passwordFile: string
  rootCa: DemoCertificateInfo & { crlFile: string }
  issuingCa: DemoCertificateInfo & { crlFile: string }
  identities: Record<DemoIdentity, DemoCertificateInfo>
  /** Serial numbers listed in issuing-ca.crl. */
  revokedSerials: string[]
}

export interface DemoPki {
  dir: string
  manifest: DemoPkiManifest
  /** Password of every .p12 of this PKI (from secrets/p12.pass). */
  password: string
  rootCertificate: Uint8Array
  issuingCertificate: Uint8Array
  rootCrl: Uint8Array
  issuingCrl: Uint8Array
  /** Reads one identity's PKCS#12 file. */
  p12(identity: DemoIdentity): Uint8Array
}

export interface CreateDemoPkiOptions {
  /** Default: PKI_DIR, else `.pki/` at the project root. */
  dir?: string
  now?: Date
  /** Replace an existing PKI in `dir`. */
  force?: boolean
  /** Default: PKI_BASE_URL, else http://localhost:3000/pki (the app serves the CA files there). */
  baseUrl?: string
  /** RSA 2048 (default) or ECDSA P-256 (TT 15/2025/TT-BKHCN names ECDSA ≥ 256 bit). */
  keyAlgorithm?: DemoKeyAlgorithm
}

export const DEFAULT_PKI_BASE_URL = 'http://localhost:3000/pki'
const MANIFEST = 'pki.json'
const PASSWORD_FILE = 'secrets/p12.pass'
const DAY = 86_400_000
const YEAR = 365 * DAY

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function defaultPkiDir(): string {
  return process.env.PKI_DIR ? path.resolve(process.env.PKI_DIR) : path.join(projectRoot, '.pki')
}

const ORG = 'Bộ Nội vụ'
const SUBJECTS: Record<'root' | 'issuing' | DemoIdentity, NameSpec> = {
  root: { commonName: 'Hoso Demo Root CA', organization: 'Hoso Demo', country: 'VN' },
  issuing: { commonName: 'Hoso Demo Issuing CA', organization: 'Hoso Demo', country: 'VN' },
  person: { commonName: 'Nguyễn Văn Hùng', title: 'Vụ trưởng Vụ Tổ chức cán bộ', organization: ORG, country: 'VN' },
  seal: { commonName: ORG, organization: ORG, country: 'VN' },
  tsa: { commonName: 'Hoso Demo Timestamp Authority', organization: 'Hoso Demo', country: 'VN' },
  expired: { commonName: 'Trần Thị Hết Hạn', title: 'Chuyên viên', organization: ORG, country: 'VN' },
  revoked: { commonName: 'Lê Văn Thu Hồi', title: 'Chuyên viên', organization: ORG, country: 'VN' },
}

function keyGenAlgorithm(kind: DemoKeyAlgorithm): RsaHashedKeyGenParams | EcKeyGenParams {
  return kind === 'RSA'
    ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: 'P-256' }
}

/** A positive random serial (16 bytes, high bit clear). */
function newSerial(): Uint8Array {
  const b = randomBytes(16)
  b[0] = (b[0]! & 0x7f) | 0x01
  return new Uint8Array(b)
}

function info(der: Uint8Array, file: string): DemoCertificateInfo {
  const s = summarizeCertificate(parseCertificate(der))
  return { file, subject: s.subject, serialNumber: s.serialNumber, fingerprint: s.fingerprint, notBefore: s.notBefore, notAfter: s.notAfter }
}

/**
 * Creates the demo PKI in `dir`, or loads the one already there (unless `force`). Returns it with
 * `created: false` when it was kept.
 */
export async function createDemoPki(options: CreateDemoPkiOptions = {}): Promise<{ pki: DemoPki; created: boolean }> {
  const dir = path.resolve(options.dir ?? defaultPkiDir())
  if (!options.force && fs.existsSync(path.join(dir, MANIFEST))) return { pki: loadDemoPki(dir), created: false }

  const now = options.now ?? new Date()
  const baseUrl = (options.baseUrl ?? process.env.PKI_BASE_URL ?? DEFAULT_PKI_BASE_URL).replace(/\/+$/, '')
  const keyAlgorithm = options.keyAlgorithm ?? 'RSA'
  const newKeys = () => webcrypto.subtle.generateKey(keyGenAlgorithm(keyAlgorithm), true, ['sign', 'verify']) as Promise<CryptoKeyPair>

  // CAs start two years back so that the expired certificate lies inside its issuer's validity.
  const caStart = new Date(now.getTime() - 2 * YEAR)
  const rootKeys = await newKeys()
  const rootDer = await issueCertificate({
    serialNumber: newSerial(),
    subject: buildName(SUBJECTS.root),
    publicKey: rootKeys.publicKey,
    selfSignKey: rootKeys.privateKey,
    notBefore: caStart,
    notAfter: new Date(now.getTime() + 10 * YEAR),
    ca: {},
    keyUsage: [KeyUsage.keyCertSign, KeyUsage.cRLSign],
  })
  const root = parseCertificate(rootDer)

  const issuingKeys = await newKeys()
  const issuingDer = await issueCertificate({
    serialNumber: newSerial(),
    subject: buildName(SUBJECTS.issuing),
    publicKey: issuingKeys.publicKey,
    issuer: { certificate: root, privateKey: rootKeys.privateKey },
    notBefore: caStart,
    notAfter: new Date(now.getTime() + 5 * YEAR),
    ca: { pathLength: 0 },
    keyUsage: [KeyUsage.keyCertSign, KeyUsage.cRLSign],
    crlUrl: `${baseUrl}/root-ca.crl`,
    caIssuersUrl: `${baseUrl}/root-ca.crt`,
  })
  const issuing = parseCertificate(issuingDer)

  const signingUsage = [KeyUsage.digitalSignature, KeyUsage.nonRepudiation]
  const leafSpecs: Record<DemoIdentity, { notBefore: Date; notAfter: Date; eku?: string[] }> = {
    person: { notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 2 * YEAR) },
    seal: { notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 2 * YEAR) },
    tsa: { notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 4 * YEAR), eku: [OID.timeStamping] },
    expired: { notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - 35 * DAY) },
    revoked: { notBefore: new Date(now.getTime() - 30 * DAY), notAfter: new Date(now.getTime() + 2 * YEAR) },
  }

  const password = randomBytes(18).toString('base64url')
  const leaves = {} as Record<DemoIdentity, { der: Uint8Array; serial: Uint8Array; p12: Uint8Array }>
  for (const id of DEMO_IDENTITIES) {
    const spec = leafSpecs[id]
    const keys = await newKeys()
    const serial = newSerial()
    const der = await issueCertificate({
      serialNumber: serial,
      subject: buildName(SUBJECTS[id]),
      publicKey: keys.publicKey,
      issuer: { certificate: issuing, privateKey: issuingKeys.privateKey },
      notBefore: spec.notBefore,
      notAfter: spec.notAfter,
      keyUsage: signingUsage,
      ...(spec.eku ? { extendedKeyUsage: spec.eku } : {}),
      crlUrl: `${baseUrl}/issuing-ca.crl`,
      caIssuersUrl: `${baseUrl}/issuing-ca.crt`,
    })
    const p12 = await buildP12({ privateKey: keys.privateKey, certificate: der, chain: [issuingDer, rootDer], password, friendlyName: id })
    leaves[id] = { der, serial, p12 }
  }

  const nextUpdate = new Date(now.getTime() + 30 * DAY)
  const issuingCrl = await issueCrl({
    issuer: issuing,
    privateKey: issuingKeys.privateKey,
    thisUpdate: now,
    nextUpdate,
    crlNumber: 1,
    revoked: [{ serialNumber: leaves.revoked.serial, revokedAt: new Date(now.getTime() - DAY), reason: 1 /* keyCompromise */ }],
  })
  const rootCrl = await issueCrl({ issuer: root, privateKey: rootKeys.privateKey, thisUpdate: now, nextUpdate, crlNumber: 1, revoked: [] })

  fs.mkdirSync(path.join(dir, 'secrets'), { recursive: true, mode: 0o700 })
  fs.chmodSync(path.join(dir, 'secrets'), 0o700)
  const write = (name: string, data: string | Uint8Array, mode = 0o644) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, data, { mode })
    fs.chmodSync(file, mode)
  }
  write(PASSWORD_FILE, `${password}\n`, 0o600)
  write('root-ca.crt', toPem(rootDer, 'CERTIFICATE'))
  write('issuing-ca.crt', toPem(issuingDer, 'CERTIFICATE'))
  write('root-ca.crl', rootCrl)
  write('issuing-ca.crl', issuingCrl)
  for (const id of DEMO_IDENTITIES) write(`${id}.p12`, leaves[id].p12, 0o600)

  const manifest: DemoPkiManifest = {
    version: 1,
    createdAt: now.toISOString(),
    keyAlgorithm,
    baseUrl,
    passwordFile: PASSWORD_FILE,
    rootCa: { ...info(rootDer, 'root-ca.crt'), crlFile: 'root-ca.crl' },
    issuingCa: { ...info(issuingDer, 'issuing-ca.crt'), crlFile: 'issuing-ca.crl' },
    identities: Object.fromEntries(DEMO_IDENTITIES.map((id) => [id, info(leaves[id].der, `${id}.p12`)])) as Record<DemoIdentity, DemoCertificateInfo>,
    revokedSerials: [Buffer.from(leaves.revoked.serial).toString('hex')],
  }
  write(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`)
  return { pki: loadDemoPki(dir), created: true }
}

/** Reads a PKI written by createDemoPki. Throws a clear error when `dir` holds none. */
export function loadDemoPki(dir: string = defaultPkiDir()): DemoPki {
  const root = path.resolve(dir)
  const manifestFile = path.join(root, MANIFEST)
  if (!fs.existsSync(manifestFile)) {
    throw new Error(`Không có PKI demo trong ${root} (chạy npm run pki:demo) / no demo PKI in ${root} (run npm run pki:demo)`)
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as DemoPkiManifest
  const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(root, name)))
  const pemToDer = (name: string) => fromPemOrDer(fs.readFileSync(path.join(root, name), 'utf8'))[0]!
  return {
    dir: root,
    manifest,
    password: fs.readFileSync(path.join(root, manifest.passwordFile), 'utf8').trim(),
    rootCertificate: pemToDer(manifest.rootCa.file),
    issuingCertificate: pemToDer(manifest.issuingCa.file),
    rootCrl: read(manifest.rootCa.crlFile),
    issuingCrl: read(manifest.issuingCa.crlFile),
    p12: (identity) => read(manifest.identities[identity].file),
  }
}
