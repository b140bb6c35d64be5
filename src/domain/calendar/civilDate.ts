/**
 * Civil (calendar) dates of Việt Nam as 'YYYY-MM-DD' strings. A deadline is a day on the wall calendar, not an
 * instant: a JS Date at midnight UTC is 07:00 in Hà Nội and a Date at local midnight of a UTC+7 server is the
 * previous day in UTC, so every off-by-one starts there. Arithmetic runs on day numbers (days since 1970-01-01),
 * which have no time zone.
 */
import { toDate } from '../dates'

export type CivilDate = string

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** True for a real calendar day written 'YYYY-MM-DD' (2023-02-29 is not one). */
export function isCivilDate(v: unknown): v is CivilDate {
  if (typeof v !== 'string') return false
  const m = CIVIL.exec(v)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/**
 * A civil date from what a person types: 'YYYY-MM-DD' or the Vietnamese 'dd/mm/yyyy'. Null for anything else,
 * including a date-time (an instant is not a day: use civilDateInVietnam).
 */
export function parseCivilDate(text: unknown): CivilDate | null {
  if (typeof text !== 'string') return null
  const s = text.trim()
  if (isCivilDate(s)) return s
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s)) return null
  const d = toDate(s)
  return d ? `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : null
}

function requireCivil(d: CivilDate): [number, number, number] {
  const m = CIVIL.exec(d)
  if (!m || !isCivilDate(d)) throw new RangeError(`Not a civil date (YYYY-MM-DD): ${String(d)}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

/** Days since 1970-01-01. */
export function dayNumber(d: CivilDate): number {
  const [y, m, day] = requireCivil(d)
  return Date.UTC(y, m - 1, day) / MS_PER_DAY
}

export function fromDayNumber(n: number): CivilDate {
  const t = new Date(n * MS_PER_DAY)
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

export function addDays(d: CivilDate, n: number): CivilDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`)
  return fromDayNumber(dayNumber(d) + n)
}

/** b − a in days. */
export function daysFromTo(a: CivilDate, b: CivilDate): number {
  return dayNumber(b) - dayNumber(a)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: CivilDate): number {
  return (((dayNumber(d) + 4) % 7) + 7) % 7
}

export const yearOf = (d: CivilDate): number => requireCivil(d)[0]

export const civilDate = (year: number, month: number, day: number): CivilDate => `${pad(year, 4)}-${pad(month)}-${pad(day)}`

/** The day on the wall calendar in Việt Nam (UTC+07:00, no daylight saving time) at an instant. */
export function civilDateInVietnam(instant: Date): CivilDate {
  return fromDayNumber(Math.floor((instant.getTime() + VIETNAM_OFFSET_MS) / MS_PER_DAY))
}
