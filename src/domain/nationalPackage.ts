/**
 * The monthly package of the national database data (TT 06/2023/TT-BNV: the agency approves its data by digital
 * signature "trong 05 ngày cuối từng tháng"; whether NĐ 27/2026 keeps this is UNCERTAIN — reports-and-rules.md §C.2 —
 * so it is a switchable feature). Pure part: the manifest's shape, its canonical bytes and hash, the month, the
 * approval window and the chain to the previous month's manifest.
 */
import { canonicalJson, canonicalSha256 } from './record/canonical'

export const PACKAGE_FORMAT = 'hoso.national-package/1'

export interface PackageChange {
  outboxId: number
  staffId: number
  kind: string
  groups: string[]
  recordSha256: string | null
  completedAt: string
  status: string
}

export interface PackageManifest {
  format: typeof PACKAGE_FORMAT
  month: string
  agencyCode: string | null
  createdAt: string
  /** The previous package this one follows: its month and the SHA-256 of its manifest's canonical bytes. */
  previous: { month: string; manifestSha256: string } | null
  recordSchema: string
  /** Every record as it stood when the package was made: the local id and the SHA-256 of its canonical JSON. */
  records: Array<{ id: number; recordSha256: string }>
  /** The official changes (outbox entries) since the previous package, up to the end of the month. */
  changes: { afterOutboxId: number; lastOutboxId: number; entries: PackageChange[] }
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** `YYYY-MM` → its first and last day, or null when it is not a month. */
export function parseMonth(text: unknown): { month: string; first: string; last: string } | null {
  const m = typeof text === 'string' ? MONTH.exec(text) : null
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { month: text as string, first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` }
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** TT 06/2023: the last `days` calendar days of the month (default 5). `today` is a Việt Nam day 'YYYY-MM-DD'. */
export function inApprovalWindow(today: string, month: string, days = 5): boolean {
  const p = parseMonth(month)
  if (!p || !today.startsWith(`${month}-`)) return false
  return Number(today.slice(8, 10)) > Number(p.last.slice(8, 10)) - days
}

export const manifestBytes = (m: PackageManifest): Uint8Array => new TextEncoder().encode(canonicalJson(m))
export const manifestSha256 = (m: PackageManifest): string => canonicalSha256(m)

/** What is wrong with a manifest's shape (a tampered or foreign file), in Vietnamese / English; [] when well formed. */
export function manifestIssues(value: unknown): string[] {
  const m = value as Partial<PackageManifest> | null
  if (!m || typeof m !== 'object') return ['Không phải bản kê / not a manifest']
  const issues: string[] = []
  if (m.format !== PACKAGE_FORMAT) issues.push(`Định dạng không phải ${PACKAGE_FORMAT} / format is not ${PACKAGE_FORMAT}`)
  if (!parseMonth(m.month)) issues.push('Tháng không hợp lệ / invalid month')
  if (!Array.isArray(m.records) || m.records.some((r) => !Number.isInteger(r?.id) || !/^[0-9a-f]{64}$/.test(String(r?.recordSha256)))) {
    issues.push('Danh sách hồ sơ không hợp lệ / invalid record list')
  }
  if (!m.changes || !Array.isArray(m.changes.entries)) issues.push('Danh sách thay đổi không hợp lệ / invalid change list')
  if (m.previous != null && (!parseMonth(m.previous.month) || !/^[0-9a-f]{64}$/.test(String(m.previous.manifestSha256)))) {
    issues.push('Liên kết tới gói trước không hợp lệ / invalid link to the previous package')
  }
  return issues
}

/** Does `manifest` follow `previous` (its month before, and the hash of its manifest)? */
export function chainIssues(manifest: PackageManifest, previous: PackageManifest | null): string[] {
  if (!manifest.previous) return previous ? ['Gói không liên kết tới gói tháng trước / the package does not link to the previous one'] : []
  if (!previous) return []
  const issues: string[] = []
  if (manifest.previous.month !== previous.month) issues.push(`Gói trước là tháng ${previous.month}, bản kê ghi ${manifest.previous.month} / previous package month differs`)
  if (manifest.previous.manifestSha256 !== manifestSha256(previous)) issues.push('Mã băm của gói trước không khớp / the previous package hash does not match')
  return issues
}
