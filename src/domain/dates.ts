// The one date module of hoso. Dates are stored as UTC-midnight ISO strings ("2024-03-15T00:00:00.000Z"),
// so every computation here uses the UTC calendar fields; using local time would shift a date by one day on
// servers not running at UTC. Output follows the Vietnamese convention dd/mm/yyyy (domain.md §0).

export type DateInput = Date | string | null | undefined

const MS_PER_DAY = 86_400_000
/** Việt Nam uses UTC+07:00 all year (no daylight saving time). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

function isValidDate(d: Date): boolean {
  return !Number.isNaN(d.getTime())
}

function validCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

function daysInMonth(year: number, month1to12: number): number {
  return new Date(Date.UTC(year, month1to12, 0)).getUTCDate()
}

/**
 * Parse a date value. Accepts a Date, an ISO 8601 string ("2024-03-15", "2024-03-15T00:00:00.000Z",
 * with or without offset) or the Vietnamese display form "15/03/2024". Returns null for empty or invalid
 * input, including impossible calendar days such as "2023-02-30" (which `new Date()` would roll over).
 * A date-only string is read as UTC midnight, the storage convention.
 */
export function toDate(v: DateInput): Date | null {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return isValidDate(v) ? new Date(v.getTime()) : null
  if (typeof v !== 'string') return null
  const s = v.trim()
  if (s === '') return null

  const vn = VN_DATE.exec(s)
  if (vn) {
    const day = Number(vn[1])
    const month = Number(vn[2])
    const year = Number(vn[3])
    return validCalendarDay(year, month, day) ? new Date(Date.UTC(year, month - 1, day)) : null
  }

  const iso = ISO_DATE.exec(s)
  if (!iso) return null
  const year = Number(iso[1])
  const month = Number(iso[2])
  const day = Number(iso[3])
  if (!validCalendarDay(year, month, day)) return null
  if (iso[4] === undefined) return new Date(Date.UTC(year, month - 1, day))
  if (Number(iso[4]) > 23 || Number(iso[5]) > 59 || (iso[6] !== undefined && Number(iso[6]) > 59)) return null
  // A date-time without an offset is taken as UTC (storage convention), not as server local time.
  const withZone = iso[7] === undefined ? `${s.replace(' ', 'T')}Z` : s.replace(' ', 'T')
  const d = new Date(withZone)
  return isValidDate(d) ? d : null
}

/** 'dd/mm/yyyy', or '' when the value is empty or invalid. */
export function formatDate(d: DateInput): string {
  const date = toDate(d)
  if (!date) return ''
  return `${pad2(date.getUTCDate())}/${pad2(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`
}

/** 'mm/yyyy', or '' when the value is empty or invalid. */
export function formatMonthYear(d: DateInput): string {
  const date = toDate(d)
  if (!date) return ''
  return `${pad2(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`
}

/** The same calendar day at 00:00 UTC. */
export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}

/**
 * Today's calendar day in Việt Nam (UTC+07:00) as a UTC-midnight Date, comparable with stored dates.
 * Between 17:00 and 24:00 UTC it is already the next day in Việt Nam.
 */
export function todayInVietnam(now: Date): Date {
  return startOfUtcDay(new Date(now.getTime() + VIETNAM_OFFSET_MS))
}

/** Last day of a month (month 1–12) at 00:00 UTC. */
export function lastDayOfMonth(year: number, month1to12: number): Date {
  return new Date(Date.UTC(year, month1to12, 0))
}

/**
 * Add n calendar months (n may be negative) in UTC. When the day does not exist in the target month it is
 * clamped to that month's last day (31/01 + 1 month = 28/02 or 29/02), the usual reading of "đủ … tháng".
 * The UTC time of day is kept.
 */
export function addMonths(d: Date, n: number): Date {
  if (!Number.isInteger(n)) throw new RangeError(`addMonths: n must be an integer, got ${n}`)
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n
  const year = Math.floor(total / 12)
  const month0 = total - year * 12
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month0 + 1))
  return new Date(
    Date.UTC(year, month0, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
  )
}

function requireDate(v: DateInput, name: string): Date {
  const d = toDate(v)
  if (!d) throw new RangeError(`${name}: invalid or empty date ${String(v)}`)
  return d
}

/**
 * Completed whole months from a to b: the largest n with addMonths(a, n) <= b. Negative when b is before a
 * (−monthsBetween(b, a)). Both values are compared on their UTC calendar day.
 */
export function monthsBetween(a: DateInput, b: DateInput): number {
  const from = startOfUtcDay(requireDate(a, 'monthsBetween'))
  const to = startOfUtcDay(requireDate(b, 'monthsBetween'))
  if (to < from) return -monthsBetween(to, from)
  let n = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth())
  if (addMonths(from, n) > to) n -= 1
  return n
}

/**
 * Age on a given day in completed years and months (someone born 20/11/1964 is 61 years 6 months on
 * 20/05/2026 and still 61 years 5 months on 19/05/2026). A day before birth gives 0 years 0 months.
 * Throws on an empty/invalid date.
 */
export function ageOn(birthDate: DateInput, on: DateInput): { years: number; months: number } {
  const total = monthsBetween(birthDate, on)
  if (total < 0) return { years: 0, months: 0 }
  return { years: Math.floor(total / 12), months: total % 12 }
}

/** Whole days from a to b (b − a), on UTC calendar days. */
export function daysBetween(a: DateInput, b: DateInput): number {
  const from = startOfUtcDay(requireDate(a, 'daysBetween'))
  const to = startOfUtcDay(requireDate(b, 'daysBetween'))
  return Math.round((to.getTime() - from.getTime()) / MS_PER_DAY)
}

/** A moment as Vietnamese wall-clock time, "dd/mm/yyyy HH:MM:SS" (Asia/Ho_Chi_Minh, UTC+07:00). */
export function formatDateTimeInVietnam(d: DateInput): string {
  const t = toDate(d)
  if (!t) return ''
  const v = new Date(t.getTime() + VIETNAM_OFFSET_MS)
  return `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}:${pad2(v.getUTCSeconds())}`
}

/** The Vietnamese calendar day of a moment, "dd/mm/yyyy" (Asia/Ho_Chi_Minh), or '' when empty or invalid. */
export function formatDateInVietnam(d: DateInput): string {
  return formatDateTimeInVietnam(d).slice(0, 10)
}

/** The UTC instant of 00:00 Vietnamese time on a "yyyy-mm-dd" or "dd/mm/yyyy" calendar day (period filters). */
export function startOfVietnamDay(d: DateInput): Date | null {
  const t = toDate(d)
  if (!t) return null
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()) - VIETNAM_OFFSET_MS)
}
