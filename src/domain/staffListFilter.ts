/**
 * The staff list's filter panel (collections/Staff/components/StaffListFilter.tsx) as pure data: the
 * filter a person picks ↔ the list URL's `where` (Payload's list view reads it, so a filter survives a
 * reload, can be bookmarked and composes with search, sort and pages). The `where` runs in PostgreSQL
 * together with the caller's access scope; it never widens what the caller may read.
 *
 * Age bands are birth-date ranges computed from today in Việt Nam: "30–39" means 30 to 39 completed years
 * on that day (the same reading as dates.ageOn). "Sắp nghỉ hưu" uses the retirement rule (NĐ 135/2020):
 * the retirement date depends on gender and birth month only and grows with the birth month, so "retires
 * within 12 months" is one birth-month range per gender.
 */
import { addMonths, lastDayOfMonth, toDate } from './dates'
import { NGHI_DINH_135_2020, retirementDate, type Gender, type RetirementRule } from './retirement'
import { subtreeToken } from './unitTree'

export type AgeBand = 'under-30' | '30-39' | '40-49' | '50-54' | '55-plus' | 'retiring-12m'

/** Completed years: from `minAge` to `maxAge` inclusive (open when absent). */
export const AGE_BANDS: ReadonlyArray<{ id: AgeBand; minAge?: number; maxAge?: number; vi: string; en: string }> = [
  { id: 'under-30', maxAge: 29, vi: 'Dưới 30', en: 'Under 30' },
  { id: '30-39', minAge: 30, maxAge: 39, vi: '30–39', en: '30–39' },
  { id: '40-49', minAge: 40, maxAge: 49, vi: '40–49', en: '40–49' },
  { id: '50-54', minAge: 50, maxAge: 54, vi: '50–54', en: '50–54' },
  { id: '55-plus', minAge: 55, vi: '55 trở lên', en: '55 and over' },
  { id: 'retiring-12m', vi: 'Sắp nghỉ hưu trong 12 tháng', en: 'Retiring within 12 months' },
]

export interface StaffListFilter {
  /** Unit subtree: the unit and every unit below it. */
  unitId?: number
  /** Ngạch công chức / chức danh nghề nghiệp (ranks collection). */
  rankId?: number
  /** Chức vụ, as stored. */
  position?: string
  gender?: Gender
  ageBand?: AgeBand
  /** Đảng viên: has a party joining date. A sensitive item (only those who may see it may filter on it). */
  partyMember?: boolean
  /** "Hồ sơ đã nghỉ": the archived records (the person has left) instead of the people who work here. */
  archived?: boolean
}

/** One condition of a Payload `where` (plain data: the domain does not import Payload). */
export type Condition = Record<string, unknown>

/**
 * The latest birth date (UTC midnight) of someone at least `age` completed years old on `today`: today
 * minus `age` years, except that on a month's last day everyone born later in that month also counts
 * (born 29/02/1996 → 30 years old on 28/02/2026, as dates.ageOn reads it).
 */
export function latestBirthForAge(today: Date, age: number): Date {
  const back = addMonths(today, -12 * age)
  const isLastDay = today.getUTCDate() === lastDayOfMonth(today.getUTCFullYear(), today.getUTCMonth() + 1).getUTCDate()
  return isLastDay ? lastDayOfMonth(back.getUTCFullYear(), back.getUTCMonth() + 1) : back
}

/** The birth dates of an age band on `today`: after `after` (exclusive) and up to `onOrBefore`. */
export function ageBandBirthRange(band: AgeBand, today: Date): { after?: Date; onOrBefore?: Date } {
  const b = AGE_BANDS.find((x) => x.id === band)
  if (!b || band === 'retiring-12m') throw new RangeError(`not an age band: ${band}`)
  return {
    ...(b.maxAge !== undefined ? { after: latestBirthForAge(today, b.maxAge + 1) } : {}),
    ...(b.minAge !== undefined ? { onOrBefore: latestBirthForAge(today, b.minAge) } : {}),
  }
}

/**
 * Per gender, the birth dates of people whose retirement date falls between today and 12 months from
 * today (inclusive): first day of the first birth month to last day of the last one. Empty for a gender
 * when nobody's retirement date falls in that window.
 */
export function retiringBirthRanges(today: Date, rule: RetirementRule = NGHI_DINH_135_2020): Array<{ gender: Gender; from: Date; to: Date }> {
  const horizon = addMonths(today, 12)
  const out: Array<{ gender: Gender; from: Date; to: Date }> = []
  for (const gender of ['male', 'female'] as const) {
    let from: Date | null = null
    let to: Date | null = null
    // Retirement ages lie between 55 and 62 years: birth months 50 to 70 years back cover every case.
    for (let back = 70 * 12; back >= 50 * 12; back--) {
      const m = addMonths(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)), -back)
      const r = retirementDate(m, gender, rule)
      if (r >= today && r <= horizon) {
        from ??= m
        to = lastDayOfMonth(m.getUTCFullYear(), m.getUTCMonth() + 1)
      }
    }
    if (from && to) out.push({ gender, from, to })
  }
  return out
}

const iso = (d: Date) => d.toISOString()

function retiringCondition(today: Date): Condition {
  const ranges = retiringBirthRanges(today)
  // Never empty under NĐ 135/2020; an impossible id keeps "nobody" from turning into "everybody".
  if (!ranges.length) return { id: { equals: -1 } }
  return {
    or: ranges.map((r) => ({
      and: [{ gender: { equals: r.gender } }, { birthDate: { greater_than_equal: iso(r.from) } }, { birthDate: { less_than_equal: iso(r.to) } }],
    })),
  }
}

function ageConditions(band: AgeBand, today: Date): Condition[] {
  if (band === 'retiring-12m') return [retiringCondition(today)]
  const r = ageBandBirthRange(band, today)
  return [
    ...(r.after ? [{ birthDate: { greater_than: iso(r.after) } }] : []),
    ...(r.onOrBefore ? [{ birthDate: { less_than_equal: iso(r.onOrBefore) } }] : []),
  ]
}

/** The conditions of a filter, one per chosen item, in the panel's order. */
export function filterConditions(f: StaffListFilter, today: Date): Condition[] {
  return [
    ...(f.unitId != null ? [{ unitPath: { like: subtreeToken(f.unitId) } }] : []),
    ...(f.rankId != null ? [{ rank: { equals: f.rankId } }] : []),
    ...(f.position ? [{ position: { equals: f.position } }] : []),
    ...(f.gender ? [{ gender: { equals: f.gender } }] : []),
    ...(f.ageBand ? ageConditions(f.ageBand, today) : []),
    ...(f.partyMember !== undefined ? [{ partyJoinDate: { exists: f.partyMember } }] : []),
  ]
}

/** The list's `where`: the filter's conditions and any other conditions kept from the URL; undefined when none. */
export function buildListWhere(f: StaffListFilter, today: Date, rest: Condition[] = []): { and: Condition[] } | undefined {
  const and = [...filterConditions(f, today), ...rest]
  return and.length ? { and } : undefined
}

/**
 * A single conjunction of conditions, as this panel writes it (`{and}`), as Payload's filter builder does
 * (`{or: [{and}]}`), or as a hand-written URL does (`{field: …, field2: …}`); null for anything else.
 */
function conjunction(where: unknown): Condition[] | null {
  if (!where || typeof where !== 'object') return []
  const w = where as Condition
  const keys = Object.keys(w)
  if (!keys.length) return []
  if (keys.length === 1 && Array.isArray(w.and)) return w.and as Condition[]
  if (keys.length === 1 && Array.isArray(w.or)) {
    const or = w.or as Condition[]
    if (or.length === 1 && Object.keys(or[0] ?? {}).length === 1 && Array.isArray(or[0]!.and)) return or[0]!.and as Condition[]
    return or.length === 0 ? [] : null
  }
  if (keys.includes('and') || keys.includes('or')) return null
  return keys.map((k) => ({ [k]: w[k] }))
}

const single = (c: Condition): [string, Record<string, unknown>] | null => {
  const keys = Object.keys(c)
  const ops = keys.length === 1 ? c[keys[0]!] : null
  if (!ops || typeof ops !== 'object' || Array.isArray(ops) || Object.keys(ops).length !== 1) return null
  return [keys[0]!, ops as Record<string, unknown>]
}

const positiveInt = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN
  return Number.isInteger(n) && n > 0 ? n : undefined
}

const sameInstant = (a: unknown, b: Date) => (typeof a === 'string' || a instanceof Date ? toDate(a)?.getTime() === b.getTime() : false)

const bool = (v: unknown): boolean | undefined => (v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined)

/**
 * Reads the list URL's `where` back into the panel: the conditions it recognises (for `today`: a bookmark
 * made on another day keeps its birth-date bounds as other conditions) and the rest, kept untouched.
 */
export function readListWhere(where: unknown, today: Date): { filter: StaffListFilter; rest: Condition[] } {
  const conds = conjunction(where)
  if (conds === null) return { filter: {}, rest: [where as Condition] }
  const filter: StaffListFilter = {}
  const rest: Condition[] = []
  const birth: Condition[] = []
  let retiring: string | undefined
  for (const c of conds) {
    const s = single(c)
    const [field, ops] = s ?? ['', {}]
    const [op, value] = Object.entries(ops)[0] ?? ['', undefined]
    const unit = field === 'unitPath' && op === 'like' && typeof value === 'string' ? /^\.(\d+)\.$/.exec(value) : null
    if (unit && filter.unitId === undefined) filter.unitId = Number(unit[1])
    else if (field === 'rank' && op === 'equals' && positiveInt(value) && filter.rankId === undefined) filter.rankId = positiveInt(value)
    else if (field === 'position' && op === 'equals' && typeof value === 'string' && value && !filter.position) filter.position = value
    else if (field === 'gender' && op === 'equals' && (value === 'male' || value === 'female') && !filter.gender) filter.gender = value
    else if (field === 'partyJoinDate' && op === 'exists' && bool(value) !== undefined && filter.partyMember === undefined) filter.partyMember = bool(value)
    else if (field === 'birthDate' && (op === 'greater_than' || op === 'less_than_equal')) birth.push(c)
    else if (!s && !filter.ageBand && JSON.stringify(c) === (retiring ??= JSON.stringify(retiringCondition(today)))) filter.ageBand = 'retiring-12m'
    else rest.push(c)
  }
  if (birth.length) {
    const band = AGE_BANDS.find((b) => {
      if (b.id === 'retiring-12m' || filter.ageBand) return false
      const expected = ageConditions(b.id, today)
      return expected.length === birth.length && expected.every((e) => birth.some((c) => {
        const [[f, ops]] = Object.entries(e) as Array<[string, Record<string, Date | string>]>
        const [[op, v]] = Object.entries(ops)
        const got = (c[f] as Record<string, unknown>)[op]
        return got !== undefined && sameInstant(got, toDate(v as string)!)
      }))
    })
    if (band) filter.ageBand = band.id
    else rest.push(...birth)
  }
  return { filter, rest }
}
