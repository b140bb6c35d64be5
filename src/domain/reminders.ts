/**
 * Urging updates (QĐ 832/QĐ-BNV: units, by their management level, "đôn đốc" their staff to keep personal
 * information complete, accurate and current). Pure rules: which records need attention and why, the
 * content of the weekly digests, the period a scheduled send belongs to. No I/O; the SQL in
 * src/reminders/ computes the same inputs at scale and calls these to decide and to word the messages.
 */
import { REQUIRED_HISTORIES, REQUIRED_ITEMS, type CompletenessItem } from './completeness'
import { addMonths, formatDate, todayInVietnam } from './dates'

export { addMonths }

export interface ReminderSettings {
  /** A record not confirmed (approved declaration) for this many months is stale. */
  staleMonths: number
  /** A submitted declaration waiting longer than this many days is overdue for HR. */
  pendingDays: number
  /** A returned declaration not resubmitted for this many days is overdue for the person. */
  returnedDays: number
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { staleMonths: 12, pendingDays: 7, returnedDays: 7 }

const ENV_NAMES: Record<keyof ReminderSettings, string> = {
  staleMonths: 'REMINDER_STALE_MONTHS',
  pendingDays: 'REMINDER_PENDING_DAYS',
  returnedDays: 'REMINDER_RETURNED_DAYS',
}

/** Settings from the environment; a value that is not a positive integer is refused by name. */
export function reminderSettingsFrom(env: Record<string, string | undefined>): ReminderSettings {
  const out = { ...DEFAULT_REMINDER_SETTINGS }
  for (const key of Object.keys(ENV_NAMES) as Array<keyof ReminderSettings>) {
    const raw = env[ENV_NAMES[key]]
    if (raw === undefined || raw.trim() === '') continue
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1) throw new Error(`${ENV_NAMES[key]} must be a positive integer (got "${raw}")`)
    out[key] = n
  }
  return out
}

const DAY_MS = 86_400_000
const toDate = (v: Date | string | null | undefined): Date | null => (v == null || v === '' ? null : new Date(v))

/** Not confirmed (an approved declaration) for `months`, counting from creation when never confirmed. */
export function isStale(lastConfirmedAt: Date | string | null | undefined, createdAt: Date | string, now: Date, months: number): boolean {
  const since = toDate(lastConfirmedAt) ?? toDate(createdAt)!
  return addMonths(since, months).getTime() <= now.getTime()
}

/** Waiting at least `days` whole days since `since`. */
export function isOverdue(since: Date | string | null | undefined, now: Date, days: number): boolean {
  const d = toDate(since)
  return d !== null && now.getTime() - d.getTime() >= days * DAY_MS
}

/** Whole days between `since` and `now` (0 when missing). */
export function daysSince(since: Date | string | null | undefined, now: Date): number {
  const d = toDate(since)
  return d === null ? 0 : Math.max(0, Math.floor((now.getTime() - d.getTime()) / DAY_MS))
}

const ALL_ITEMS: ReadonlyArray<CompletenessItem> = [...REQUIRED_ITEMS, ...REQUIRED_HISTORIES]
const ITEM_BY_FIELD = new Map(ALL_ITEMS.map((i) => [i.field, i]))

/** Percent of required items filled, from the list of missing field names (same rule as `completeness`). */
export function percentFromMissing(missingFields: readonly string[]): number {
  const missing = new Set(missingFields.filter((f) => ITEM_BY_FIELD.has(f))).size
  return Math.floor(((ALL_ITEMS.length - missing) * 100) / ALL_ITEMS.length)
}

/** Missing field names → labelled items, in the order of the required lists. */
export function missingItems(missingFields: readonly string[]): CompletenessItem[] {
  const set = new Set(missingFields)
  return ALL_ITEMS.filter((i) => set.has(i.field)).map((i) => ({ field: i.field, vi: i.vi, en: i.en }))
}

/** One person's state as the database reports it. */
export interface PersonState {
  staffId: number
  fullName: string
  missing: readonly string[]
  lastConfirmedAt: Date | string | null
  createdAt: Date | string
  /** The open declaration, if any: 'draft' | 'submitted' | 'returned'. */
  requestStatus?: string | null
  submittedAt?: Date | string | null
  /** When it was returned (decision time). */
  decidedAt?: Date | string | null
  returnReason?: string | null
}

export interface PersonFlags {
  percent: number
  incomplete: boolean
  stale: boolean
  /** Submitted and waiting for HR at least `pendingDays`. */
  pendingOverdue: boolean
  pending: boolean
  /** Returned and not resubmitted for at least `returnedDays`. */
  returnedOverdue: boolean
  returned: boolean
}

export function personFlags(p: PersonState, settings: ReminderSettings, now: Date): PersonFlags {
  const percent = percentFromMissing(p.missing)
  const pending = p.requestStatus === 'submitted'
  const returned = p.requestStatus === 'returned'
  return {
    percent,
    incomplete: percent < 100,
    stale: isStale(p.lastConfirmedAt, p.createdAt, now, settings.staleMonths),
    pending,
    pendingOverdue: pending && isOverdue(p.submittedAt, now, settings.pendingDays),
    returned,
    returnedOverdue: returned && isOverdue(p.decidedAt, now, settings.returnedDays),
  }
}

export interface Bilingual {
  vi: string
  en: string
}

/** What the person's weekly digest says: null when there is nothing to ask of them. */
export interface PersonDigest {
  fullName: string
  percent: number
  reasons: Bilingual[]
  missing: CompletenessItem[]
  returnReason: string | null
  link: string
}

/** dd/mm/yyyy of the calendar day in Việt Nam. */
export const formatVietnamDay = (d: Date | string | null | undefined): string => {
  const x = toDate(d)
  return x ? formatDate(todayInVietnam(x)) : ''
}
const fmtDate = formatVietnamDay

/**
 * The digest for one person. A pending declaration asks nothing of the person (HR is chased instead);
 * incomplete, stale and returned-and-not-resubmitted records are reasons to write.
 */
export function personDigest(p: PersonState, settings: ReminderSettings, now: Date, selfServiceUrl: string): PersonDigest | null {
  const f = personFlags(p, settings, now)
  const reasons: Bilingual[] = []
  if (f.returnedOverdue) {
    const days = daysSince(p.decidedAt, now)
    reasons.push({
      vi: `Yêu cầu cập nhật hồ sơ của Anh/Chị đã được trả lại ngày ${fmtDate(p.decidedAt)} (${days} ngày trước) và chưa được gửi lại.`,
      en: `Your declaration was returned on ${fmtDate(p.decidedAt)} (${days} days ago) and has not been resubmitted.`,
    })
  }
  if (f.incomplete) {
    reasons.push({
      vi: `Hồ sơ của Anh/Chị mới đầy đủ ${f.percent}%: còn thiếu ${p.missing.length} mục.`,
      en: `Your record is ${f.percent}% complete: ${p.missing.length} item(s) missing.`,
    })
  }
  if (f.stale && !f.pending) {
    const confirmed = p.lastConfirmedAt ? fmtDate(p.lastConfirmedAt) : null
    reasons.push({
      vi: confirmed
        ? `Thông tin hồ sơ được xác nhận lần cuối ngày ${confirmed}, đã quá ${settings.staleMonths} tháng: đề nghị Anh/Chị rà soát và xác nhận lại.`
        : `Thông tin hồ sơ chưa được Anh/Chị rà soát, xác nhận trong ${settings.staleMonths} tháng qua.`,
      en: confirmed
        ? `Your record was last confirmed on ${confirmed}, more than ${settings.staleMonths} months ago: please review and confirm it.`
        : `You have not reviewed and confirmed your record in the last ${settings.staleMonths} months.`,
    })
  }
  if (!reasons.length) return null
  return {
    fullName: p.fullName,
    percent: f.percent,
    reasons,
    missing: missingItems(p.missing),
    returnReason: f.returnedOverdue ? (p.returnReason?.trim() || null) : null,
    link: selfServiceUrl,
  }
}

/** Per-unit figures for one unit's whole subtree (the unit and everything under it). */
export interface UnitAggregate {
  unitId: number
  name: string
  depth: number
  staff: number
  complete: number
  incomplete: number
  stale: number
  pending: number
  pendingOverdue: number
  returned: number
  oldestPendingAt: Date | string | null
  /** Required items missing, summed over the unit's records (for the average completeness). */
  missingItems: number
}

/**
 * Average completeness of a unit's records (the mean of each record's percent, rounded down): a unit whose people
 * each miss one item reads 96 %, where the share of complete records reads 0 %. A unit with no staff counts as 100.
 */
export const averageCompleteness = (u: Pick<UnitAggregate, 'staff' | 'missingItems'>): number =>
  u.staff === 0 ? 100 : Math.floor(100 - (u.missingItems * 100) / (u.staff * ALL_ITEMS.length))

/** Share of complete records, as an integer percent rounded down (a unit with no staff counts as 100). */
export const percentComplete = (u: Pick<UnitAggregate, 'staff' | 'complete'>): number =>
  u.staff === 0 ? 100 : Math.floor((u.complete * 100) / u.staff)

/**
 * The units most in need of urging: lowest share of complete records first, then most stale, then most
 * overdue approvals; units without staff are left out. Only leaf-most figures are compared fairly when
 * `units` holds one level; callers pass the level they want to rank.
 */
export function worstUnits(units: readonly UnitAggregate[], limit = 5): UnitAggregate[] {
  return units
    .filter((u) => u.staff > 0 && (u.incomplete > 0 || u.stale > 0 || u.pendingOverdue > 0 || u.returned > 0))
    .sort(
      (a, b) =>
        percentComplete(a) - percentComplete(b) ||
        b.stale / b.staff - a.stale / a.staff ||
        b.pendingOverdue - a.pendingOverdue ||
        a.unitId - b.unitId,
    )
    .slice(0, limit)
}

export interface HrDigest {
  fullName: string
  unitName: string
  pending: number
  pendingOverdue: number
  oldestPendingDays: number | null
  totals: { staff: number; percentComplete: number; incomplete: number; stale: number; returned: number }
  worst: Array<UnitAggregate & { percentComplete: number }>
  link: string
}

/**
 * The digest for one unit HR officer, from the aggregate of their own unit (the whole subtree) and the
 * aggregates of the units below it. Null when nothing waits for them and every record is complete and current.
 */
export function hrDigest(
  input: { fullName: string; root: UnitAggregate; units: readonly UnitAggregate[]; dashboardUrl: string },
  now: Date,
  worstLimit = 5,
): HrDigest | null {
  const r = input.root
  if (r.pending === 0 && r.incomplete === 0 && r.stale === 0 && r.returned === 0) return null
  const below = input.units.filter((u) => u.unitId !== r.unitId)
  return {
    fullName: input.fullName,
    unitName: r.name,
    pending: r.pending,
    pendingOverdue: r.pendingOverdue,
    oldestPendingDays: r.oldestPendingAt ? daysSince(r.oldestPendingAt, now) : null,
    totals: { staff: r.staff, percentComplete: percentComplete(r), incomplete: r.incomplete, stale: r.stale, returned: r.returned },
    worst: worstUnits(below.length ? below : [r], worstLimit).map((u) => ({ ...u, percentComplete: percentComplete(u) })),
    link: input.dashboardUrl,
  }
}

/**
 * The period a scheduled send belongs to: the ISO week in Vietnam's time (UTC+7, no daylight saving),
 * e.g. "2026-W48". A weekly digest is sent at most once per recipient and period.
 */
export function weekKey(now: Date): string {
  const local = new Date(now.getTime() + 7 * 3_600_000)
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()))
  const dow = d.getUTCDay() || 7
  d.setUTCDate(d.getUTCDate() + 4 - dow) // the Thursday of this ISO week decides its year
  const year = d.getUTCFullYear()
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7)
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** The period of a manual reminder: the day in Vietnam's time, so one person is urged at most once a day. */
export function dayKey(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
}

/**
 * Who sees the update dashboard and from which unit down: ministry HR the whole tree (null), unit HR and
 * unit heads their own unit's subtree ("theo phân cấp quản lý"); others nothing. Only HR urges people.
 */
export function reminderScope(actor: { roles: readonly string[]; unitId?: number | null } | null | undefined):
  | { kind: 'none' }
  | { kind: 'tree'; rootUnitId: number | null; mayUrge: boolean } {
  if (!actor) return { kind: 'none' }
  if (actor.roles.includes('ministry-hr')) return { kind: 'tree', rootUnitId: null, mayUrge: true }
  if (actor.unitId == null) return { kind: 'none' }
  if (actor.roles.includes('unit-hr')) return { kind: 'tree', rootUnitId: actor.unitId, mayUrge: true }
  if (actor.roles.includes('unit-head')) return { kind: 'tree', rootUnitId: actor.unitId, mayUrge: false }
  return { kind: 'none' }
}

export type PeopleFilter = 'all' | 'incomplete' | 'stale' | 'pending' | 'returned'
export const PEOPLE_FILTERS: readonly PeopleFilter[] = ['all', 'incomplete', 'stale', 'pending', 'returned']

export function matchesFilter(f: PersonFlags, filter: PeopleFilter): boolean {
  switch (filter) {
    case 'incomplete':
      return f.incomplete
    case 'stale':
      return f.stale
    case 'pending':
      return f.pending
    case 'returned':
      return f.returned
    default:
      return f.incomplete || f.stale || f.pending || f.returned
  }
}
