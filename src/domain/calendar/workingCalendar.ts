/**
 * The working-day calendar of Việt Nam's state agencies: which days are worked, and the deadline arithmetic
 * the law uses — "N ngày làm việc" and "N ngày" rolled over rest days (Bộ luật Dân sự 2015 Điều 147–148).
 * Built from the statute (holidays.ts) and the yearly decisions entered as data; pure and synchronous, so a
 * service loads the entries once and every caller computes on the same object.
 */
import { addDays, civilDate, dayNumber, fromDayNumber, yearOf, type CivilDate } from './civilDate'
import { decidedOccasions, holidaysOfYear, inLunarRange, TET_DAYS, type Bilingual, type CalendarEntry } from './holidays'
import { LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR } from './lunarTable'

/**
 * - working       a weekday
 * - weekend       Saturday or Sunday
 * - holiday       a public holiday (Điều 112), also when it falls on a weekend
 * - compensatory  nghỉ bù: the next working day after a holiday that fell on a weekend (Điều 111 khoản 3)
 * - day-off       a working day swapped into a day off (ngày nghỉ hoán đổi)
 * - make-up       a weekend day worked instead (ngày làm bù)
 */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'compensatory' | 'day-off' | 'make-up'

export interface DayInfo {
  date: CivilDate
  kind: DayKind
  working: boolean
  /** The holiday's name (holiday), the holiday compensated (compensatory), or the entry's name. */
  name: Bilingual | null
  /** The day's status rests on a provisional rule (the year's decision is not entered yet). */
  provisional: boolean
}

export interface YearStatus {
  year: number
  /** Entries of the year in the data. */
  entries: number
  /** How many of the 5 Tết days are entered (5 = decided). */
  tetDaysEntered: number
  tetDecided: boolean
  nationalDayDecided: boolean
  daysOff: number
  makeUpDays: number
}

const KIND_CODES: DayKind[] = ['working', 'weekend', 'holiday', 'compensatory', 'day-off', 'make-up']
const isWorkingKind = (k: DayKind) => k === 'working' || k === 'make-up'

interface YearDays {
  first: number
  kinds: Uint8Array
  /** Working days from 1 January up to and including each day. */
  worked: Int32Array
  names: Map<number, Bilingual>
  provisional: Set<number>
}

export interface WorkingCalendar {
  isWorkingDay(date: CivilDate): boolean
  dayInfo(date: CivilDate): DayInfo
  /** The n-th working day after `date` (n > 0), before it (n < 0), or `date` itself (n = 0). */
  addWorkingDays(date: CivilDate, n: number): CivilDate
  /** Working days in (from, to]; negative when `to` is before `from`. addWorkingDays(d, n) is n working days after d. */
  workingDaysBetween(from: CivilDate, to: CivilDate): number
  /**
   * A period of n days after an event (BLDS 2015 Điều 147: it starts the next day, so it ends on date + n), and
   * when that last day is a weekend or holiday, it ends at the end of the next working day (Điều 148 khoản 1).
   */
  addDaysRolledOver(date: CivilDate, n: number): CivilDate
  /** `date` when it is a working day, otherwise the first working day after it. */
  nextWorkingDayFrom(date: CivilDate): CivilDate
  /** Days off other than ordinary weekends (holidays, nghỉ bù, swapped days) and make-up working days of a year. */
  specialDays(year: number): DayInfo[]
  yearStatus(year: number): YearStatus
  /** First and last year the calendar can compute (the committed lunar table). */
  readonly range: { first: number; last: number }
}

/** The calendar of the given entries (all years at once; each year computed on first use). */
export function createWorkingCalendar(entries: readonly CalendarEntry[], range: { first: number; last: number } = defaultRange()): WorkingCalendar {
  const cache = new Map<number, YearDays>()

  function computeYear(year: number): YearDays {
    if (year < range.first || year > range.last || !inLunarRange(year)) {
      throw new RangeError(`The working-day calendar covers ${range.first}–${range.last}; ${year} is outside it`)
    }
    // Scan from 1 December of the year before, so that a holiday there that fell on a weekend is compensated
    // in January of this year.
    const holidays = new Map<number, Bilingual>()
    const provisional = new Set<number>()
    for (const y of [year - 1, year]) {
      if (!inLunarRange(y)) continue
      for (const h of holidaysOfYear(y, entries)) {
        const n = dayNumber(h.date)
        if (!holidays.has(n)) holidays.set(n, h.name)
        if (h.provisional) provisional.add(n)
      }
    }
    const dayOff = new Map<number, Bilingual>()
    const makeUp = new Map<number, Bilingual>()
    for (const e of entries) {
      const y = yearOf(e.date)
      if (y !== year && y !== year - 1) continue
      const label = e.name ? { vi: e.name, en: e.name } : null
      if (e.kind === 'day-off') dayOff.set(dayNumber(e.date), label ?? { vi: 'Ngày nghỉ hoán đổi', en: 'Swapped day off' })
      if (e.kind === 'working-day') makeUp.set(dayNumber(e.date), label ?? { vi: 'Ngày làm bù', en: 'Make-up working day' })
    }
    const scanFrom = dayNumber(civilDate(year - 1, 12, 1))
    const first = dayNumber(civilDate(year, 1, 1))
    const last = dayNumber(civilDate(year, 12, 31))
    const kinds = new Uint8Array(last - first + 1)
    const names = new Map<number, Bilingual>()
    const dayProvisional = new Set<number>()
    const pending: Array<{ name: Bilingual; provisional: boolean }> = []
    for (let n = scanFrom; n <= last; n++) {
      const dow = (((n + 4) % 7) + 7) % 7
      const weekend = dow === 0 || dow === 6
      let kind: DayKind
      let name: Bilingual | null = null
      let prov = false
      if (holidays.has(n)) {
        kind = 'holiday'
        name = holidays.get(n)!
        prov = provisional.has(n)
        // Điều 111 khoản 3: a weekly rest day that is a holiday is given back on the next working day.
        if (weekend) pending.push({ name, provisional: prov })
      } else if (makeUp.has(n)) {
        kind = 'make-up'
        name = makeUp.get(n)!
      } else if (dayOff.has(n)) {
        kind = 'day-off'
        name = dayOff.get(n)!
      } else if (weekend) {
        kind = 'weekend'
      } else if (pending.length) {
        const owed = pending.shift()!
        kind = 'compensatory'
        name = { vi: `Nghỉ bù ${owed.name.vi}`, en: `Day off in lieu of ${owed.name.en}` }
        prov = owed.provisional
      } else {
        kind = 'working'
      }
      if (n < first) continue
      kinds[n - first] = KIND_CODES.indexOf(kind)
      if (name) names.set(n, name)
      if (prov) dayProvisional.add(n)
    }
    const worked = new Int32Array(kinds.length)
    for (let i = 0, c = 0; i < kinds.length; i++) worked[i] = c += isWorkingKind(KIND_CODES[kinds[i]]) ? 1 : 0
    return { first, kinds, worked, names, provisional: dayProvisional }
  }

  const yearOfNumber = (n: number) => new Date(n * 86_400_000).getUTCFullYear()

  /** Working days from 1 January of the calendar's first year up to and including day n. */
  function workedUpTo(n: number): number {
    const year = yearOfNumber(n)
    let total = 0
    for (let y = range.first; y < year; y++) {
      const days = yearDays(y)
      total += days.worked[days.worked.length - 1]
    }
    const days = yearDays(year)
    return total + days.worked[n - days.first]
  }

  function yearDays(year: number): YearDays {
    let y = cache.get(year)
    if (!y) {
      y = computeYear(year)
      cache.set(year, y)
    }
    return y
  }

  function infoOfNumber(n: number): DayInfo {
    const date = fromDayNumber(n)
    const y = yearDays(yearOf(date))
    const kind = KIND_CODES[y.kinds[n - y.first]]
    return { date, kind, working: isWorkingKind(kind), name: y.names.get(n) ?? null, provisional: y.provisional.has(n) }
  }

  function workingNumber(n: number): boolean {
    const y = yearDays(yearOfNumber(n))
    return isWorkingKind(KIND_CODES[y.kinds[n - y.first]])
  }

  const requireInt = (name: string, n: number) => {
    if (!Number.isInteger(n)) throw new RangeError(`${name}: n must be an integer, got ${n}`)
  }

  const calendar: WorkingCalendar = {
    range,
    isWorkingDay: (date) => workingNumber(dayNumber(date)),
    dayInfo: (date) => infoOfNumber(dayNumber(date)),
    addWorkingDays(date, n) {
      requireInt('addWorkingDays', n)
      let d = dayNumber(date)
      const step = n >= 0 ? 1 : -1
      for (let left = Math.abs(n); left > 0; ) {
        d += step
        if (workingNumber(d)) left--
      }
      return fromDayNumber(d)
    },
    workingDaysBetween(from, to) {
      const a = dayNumber(from)
      const b = dayNumber(to)
      if (a === b) return 0
      // Both ends must be inside the calendar (a day before its first year has no count).
      workingNumber(a)
      workingNumber(b)
      return workedUpTo(b) - workedUpTo(a)
    },
    addDaysRolledOver(date, n) {
      requireInt('addDaysRolledOver', n)
      if (n < 0) throw new RangeError(`addDaysRolledOver: a period has a non-negative length, got ${n}`)
      return calendar.nextWorkingDayFrom(addDays(date, n))
    },
    nextWorkingDayFrom(date) {
      let d = dayNumber(date)
      while (!workingNumber(d)) d++
      return fromDayNumber(d)
    },
    specialDays(year) {
      const y = yearDays(year)
      const out: DayInfo[] = []
      for (let i = 0; i < y.kinds.length; i++) {
        const kind = KIND_CODES[y.kinds[i]]
        if (kind !== 'working' && kind !== 'weekend') out.push(infoOfNumber(y.first + i))
      }
      return out
    },
    yearStatus(year) {
      const of = entries.filter((e) => yearOf(e.date) === year)
      const decided = decidedOccasions(entries, year)
      return {
        year,
        entries: of.length,
        tetDaysEntered: decided.tet,
        tetDecided: decided.tet >= TET_DAYS,
        nationalDayDecided: decided.nationalDay,
        daysOff: of.filter((e) => e.kind === 'day-off').length,
        makeUpDays: of.filter((e) => e.kind === 'working-day').length,
      }
    },
  }
  return calendar
}

/** The committed lunar table's years: the calendar cannot place Tết and Giỗ Tổ outside them. */
const defaultRange = () => ({ first: LUNAR_TABLE_FIRST_YEAR, last: LUNAR_TABLE_LAST_YEAR })
