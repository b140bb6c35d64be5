/**
 * The monthly signed package (TT 06/2023/TT-BNV; switchable: HOSO_NATIONAL_MONTHLY_PACKAGE=off turns it off):
 * `npm run national-sync:package -- --month YYYY-MM` writes into <HOSO_NATIONAL_PACKAGE_DIR>/<YYYY-MM>/
 * - manifest.json — every record's local id and SHA-256, the official changes (outbox entries) since the previous
 *   package up to the end of the month, and the SHA-256 of the previous month's manifest (the chain);
 * - manifest.json.person.p7s, manifest.json.agency.p7s — detached CMS signatures of the competent person and the
 *   agency (src/signing/detachedCms.ts, the signers of the signing pipeline: HOSO_SIGNER_PERSON / _AGENCY);
 * - report.pdf — the month's figures, signed by both (PAdES, src/signing/signPdf.ts), checked by `npm run verify-pdf`.
 * A package once written is never rewritten. `npm run national-sync:verify -- DIR|FILE` checks it (verifyPackage).
 * No identifier is in the package: the records are named by their local id and hash.
 */
import fs from 'node:fs'
import path from 'node:path'

import fontkit from '@pdf-lib/fontkit'
import type { Payload } from 'payload'
import { PDFDocument, rgb } from 'pdf-lib'

import { poolOf } from '../db/pool'
import { civilDateInVietnam } from '../domain/calendar'
import { formatDateTimeInVietnam } from '../domain/dates'
import {
  chainIssues,
  manifestBytes,
  manifestIssues,
  manifestSha256,
  PACKAGE_FORMAT,
  parseMonth,
  previousMonth,
  type PackageManifest,
} from '../domain/nationalPackage'
import { canonicalSha256, RECORD_SCHEMA_ID } from '../domain/record'
import { signDetachedCms, verifyDetachedCms, type DetachedCmsReport } from '../signing/detachedCms'
import { loadSigner } from '../signing/loadSigner'
import { signPdf } from '../signing/signPdf'
import type { SignatureRole } from '../signing/types'
import { loadCanonicalRecords } from '../records/canonicalRecords'

export const MANIFEST = 'manifest.json'
export const ROLES: readonly SignatureRole[] = ['person', 'agency']
export const signatureFile = (role: SignatureRole) => `${MANIFEST}.${role}.p7s`

export const packageEnabled = (env: NodeJS.ProcessEnv = process.env) => env.HOSO_NATIONAL_MONTHLY_PACKAGE !== 'off'
export const packageBaseDir = (env: NodeJS.ProcessEnv = process.env) =>
  path.resolve(env.HOSO_NATIONAL_PACKAGE_DIR ?? path.join(env.HOSO_DATA_DIR ?? '.data', 'national-packages'))

const readManifest = (file: string): PackageManifest => JSON.parse(fs.readFileSync(file, 'utf8')) as PackageManifest

/** The latest package before `month` in `base`, if any. */
function previousPackage(base: string, month: string): PackageManifest | null {
  if (!fs.existsSync(base)) return null
  const months = fs
    .readdirSync(base)
    .filter((d) => parseMonth(d) && d < month && fs.existsSync(path.join(base, d, MANIFEST)))
    .sort()
  return months.length ? readManifest(path.join(base, months.at(-1)!, MANIFEST)) : null
}

async function reportPdf(m: PackageManifest, sha: string, units: Array<{ name: string; records: number; changes: number }>): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  // Liberation Serif (assets/fonts) carries the Vietnamese letters; A4 portrait.
  const [regular, bold] = await Promise.all(
    ['Regular', 'Bold'].map((style) => doc.embedFont(fs.readFileSync(path.join('assets', 'fonts', `LiberationSerif-${style}.ttf`)), { subset: true })),
  )
  const page = doc.addPage([595.28, 841.89])
  let y = 780
  const line = (text: string, f = regular, size = 12) => {
    page.drawText(text, { x: 60, y, size, font: f, color: rgb(0, 0, 0) })
    y -= size + 8
  }
  line(`BÁO CÁO DỮ LIỆU HỒ SƠ THÁNG ${m.month.slice(5)}/${m.month.slice(0, 4)}`, bold, 15)
  line('Phê duyệt dữ liệu cán bộ, công chức, viên chức (Thông tư 06/2023/TT-BNV)', regular, 11)
  line(`Lập lúc: ${formatDateTimeInVietnam(m.createdAt)}`)
  line(`Số hồ sơ: ${m.records.length}; số thay đổi chính thức từ gói trước: ${m.changes.entries.length}`)
  line(`Mã băm SHA-256 của bản kê (manifest.json):`)
  line(sha, regular, 9)
  line(m.previous ? `Nối tiếp gói tháng ${m.previous.month}: ${m.previous.manifestSha256}` : 'Gói đầu tiên (không có gói trước).', regular, 9)
  y -= 6
  line('Theo đơn vị (số hồ sơ / số thay đổi):', bold)
  for (const u of units.slice(0, 30)) line(`- ${u.name}: ${u.records} / ${u.changes}`, regular, 11)
  if (units.length > 30) line(`… và ${units.length - 30} đơn vị khác (xem manifest.json).`, regular, 11)
  return doc.save()
}

export interface PackageResult {
  dir: string
  manifestSha256: string
  records: number
  changes: number
  previous: string | null
}

/** Builds, signs and stores the package of `month`. Refuses a month already packaged, or when the feature is off. */
export async function buildMonthlyPackage(payload: Payload, month: string, options: { now?: Date; base?: string; agencyCode?: string | null } = {}): Promise<PackageResult> {
  if (!packageEnabled()) throw new Error('Gói dữ liệu hằng tháng đang tắt (HOSO_NATIONAL_MONTHLY_PACKAGE=off) / the monthly package is switched off')
  const p = parseMonth(month)
  if (!p) throw new Error(`Tháng phải có dạng YYYY-MM / the month must be YYYY-MM: ${month}`)
  const now = options.now ?? new Date()
  const base = options.base ?? packageBaseDir()
  const dir = path.join(base, month)
  if (fs.existsSync(path.join(dir, MANIFEST))) throw new Error(`Gói tháng ${month} đã có, không ghi lại / the package of ${month} exists and is never rewritten: ${dir}`)
  const previous = previousPackage(base, month)
  const pool = poolOf(payload)

  const ids = (await pool.query<{ id: number; unit: string | null }>(`SELECT s.id, u.name AS unit FROM staff s LEFT JOIN units u ON u.id = s.unit_id ORDER BY s.id`)).rows
  const records: PackageManifest['records'] = []
  for await (const r of loadCanonicalRecords({ system: true, payload }, ids.map((i) => i.id))) records.push({ id: r.id as number, recordSha256: canonicalSha256(r) })
  records.sort((a, b) => a.id - b.id)
  // Changes completed by the end of the month (Việt Nam time), after the previous package's last one.
  const endOfMonth = new Date(`${p.last}T00:00:00+07:00`).getTime() + 86_400_000
  const after = previous?.changes.lastOutboxId ?? 0
  const changes = (
    await pool.query(
      `SELECT id, staff_id, kind, groups, record_sha256, completed_at, status FROM national_sync_outbox
        WHERE id > $1 AND completed_at < $2 ORDER BY id`,
      [after, new Date(endOfMonth).toISOString()],
    )
  ).rows.map((r) => ({
    outboxId: Number(r.id),
    staffId: r.staff_id as number,
    kind: r.kind as string,
    groups: r.groups as string[],
    recordSha256: (r.record_sha256 as string | null) ?? null,
    completedAt: new Date(r.completed_at).toISOString(),
    status: r.status as string,
  }))
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    month,
    agencyCode: options.agencyCode ?? process.env.HOSO_NATIONAL_SYNC_AGENCY ?? null,
    createdAt: now.toISOString(),
    previous: previous ? { month: previous.month, manifestSha256: manifestSha256(previous) } : null,
    recordSchema: RECORD_SCHEMA_ID,
    records,
    changes: { afterOutboxId: after, lastOutboxId: changes.at(-1)?.outboxId ?? after, entries: changes },
  }
  const bytes = manifestBytes(manifest)
  const sha = manifestSha256(manifest)

  const unitOf = new Map(ids.map((i) => [i.id, i.unit ?? '(không có đơn vị)']))
  const perUnit = new Map<string, { name: string; records: number; changes: number }>()
  const bump = (id: number, key: 'records' | 'changes') => {
    const name = unitOf.get(id) ?? '(hồ sơ đã xóa)'
    const u = perUnit.get(name) ?? perUnit.set(name, { name, records: 0, changes: 0 }).get(name)!
    u[key]++
  }
  for (const r of records) bump(r.id, 'records')
  for (const c of changes) bump(c.staffId, 'changes')
  let pdf = await reportPdf(manifest, sha, [...perUnit.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')))

  // Sign everything before writing anything: a signer that fails leaves no package behind.
  const signatures: Array<[SignatureRole, Uint8Array]> = []
  for (const role of ROLES) {
    const signer = await loadSigner(role)
    try {
      signatures.push([role, await signDetachedCms(bytes, signer, now)])
      pdf = (await signPdf(pdf, { signer, role, fieldName: role === 'person' ? 'ky_ca_nhan' : 'ky_co_quan', level: 'B-B', signingTime: now, reason: `Phê duyệt dữ liệu tháng ${month}` })).bytes
    } finally {
      await signer.close?.()
    }
  }
  const tmp = `${dir}.tmp-${process.pid}`
  fs.rmSync(tmp, { recursive: true, force: true })
  fs.mkdirSync(tmp, { recursive: true })
  fs.writeFileSync(path.join(tmp, MANIFEST), bytes)
  for (const [role, cms] of signatures) fs.writeFileSync(path.join(tmp, signatureFile(role)), cms)
  fs.writeFileSync(path.join(tmp, 'report.pdf'), pdf)
  fs.writeFileSync(path.join(tmp, `${MANIFEST}.sha256`), `${sha}  ${MANIFEST}\n`)
  fs.mkdirSync(base, { recursive: true })
  fs.renameSync(tmp, dir)
  return { dir, manifestSha256: sha, records: records.length, changes: changes.length, previous: previous?.month ?? null }
}

export interface PackageVerification {
  valid: boolean
  month: string | null
  manifestSha256: string | null
  signatures: Array<{ role: SignatureRole } & DetachedCmsReport>
  problems: string[]
}

/** Checks a package directory (or its manifest.json): the manifest's shape, both signatures, the chain to the month before. */
export async function verifyPackage(target: string, trustAnchors: Uint8Array[], crls: Uint8Array[] = []): Promise<PackageVerification> {
  const file = fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.join(target, MANIFEST) : target
  const dir = path.dirname(file)
  const problems: string[] = []
  if (!fs.existsSync(file)) return { valid: false, month: null, manifestSha256: null, signatures: [], problems: [`Không có tệp / no file: ${file}`] }
  const bytes = new Uint8Array(fs.readFileSync(file))
  let manifest: PackageManifest | null = null
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes)) as PackageManifest
  } catch {
    problems.push('Bản kê không phải JSON / the manifest is not JSON')
  }
  if (manifest) problems.push(...manifestIssues(manifest))
  const signatures: PackageVerification['signatures'] = []
  for (const role of ROLES) {
    const sig = path.join(dir, path.basename(file) + `.${role}.p7s`)
    if (!fs.existsSync(sig)) {
      problems.push(`Thiếu chữ ký / missing signature: ${path.basename(sig)}`)
      continue
    }
    const report = await verifyDetachedCms(new Uint8Array(fs.readFileSync(sig)), bytes, trustAnchors, crls)
    signatures.push({ role, ...report })
    if (!report.integrity || !report.trusted) problems.push(...report.problems.map((p) => `${role}: ${p}`))
  }
  if (manifest?.previous && parseMonth(manifest.month)) {
    const prevFile = path.join(path.dirname(dir), manifest.previous.month, MANIFEST)
    if (fs.existsSync(prevFile)) problems.push(...chainIssues(manifest, readManifest(prevFile)))
    else if (manifest.previous.month === previousMonth(manifest.month)) problems.push(`Không tìm thấy gói tháng trước để đối chiếu / previous package not found: ${prevFile}`)
  }
  return { valid: problems.length === 0, month: manifest?.month ?? null, manifestSha256: manifest ? canonicalSha256(manifest) : null, signatures, problems }
}

/** Today in Việt Nam, for the approval window. */
export const vietnamToday = (now = new Date()) => civilDateInVietnam(now)
