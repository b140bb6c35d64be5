/**
 * Public holidays of Bộ luật Lao động 2019 (Luật 45/2019/QH14) Điều 112 khoản 1, and what is data.
 *
 *   a) Tết Dương lịch: 01 ngày (01/01)             d) Quốc tế lao động: 01 ngày (01/5)
 *   b) Tết Âm lịch: 05 ngày                        đ) Quốc khánh: 02 ngày (02/9 và 01 ngày liền kề trước hoặc sau)
 *   c) Ngày Chiến thắng: 01 ngày (30/4)            e) Giỗ Tổ Hùng Vương: 01 ngày (10/3 âm lịch)
 *
 * Điều 112 khoản 3: the Prime Minister decides each year which days of b) and đ) are taken — those are data
 * (`CalendarEntry`, occasion 'tet' / 'national-day'), as are the swaps of a working day against a weekend day
 * (ngày nghỉ hoán đổi / ngày làm bù) and any holiday a later law adds (occasion 'other', e.g. the 24/11 "Ngày
 * Văn hóa Việt Nam" once Điều 112 is amended). Until a year's decision is entered, the calendar uses a
 * provisional rule and says so (`YearStatus`).
 *
 * Điều 111 khoản 3: "Nếu ngày nghỉ hằng tuần trùng với ngày nghỉ lễ, tết quy định tại khoản 1 Điều 112 … thì
 * người lao động được nghỉ bù ngày nghỉ hằng tuần vào ngày làm việc kế tiếp" — computed, never entered
 * (workingCalendar.ts). Weekly rest days of state agencies: Saturday and Sunday (QĐ 188/1999/QĐ-TTg, 40-hour week).
 */
import { addDays, civilDate, isCivilDate, weekday, yearOf, type CivilDate } from './civilDate'
import { LUNAR_TABLE, LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR } from './lunarTable'

export type Occasion = 'new-year' | 'tet' | 'hung-kings' | 'victory' | 'labour' | 'national-day' | 'other'
/** What a ministry HR officer enters: a holiday day the PM fixed, a swapped day off, a make-up working day. */
export type EntryKind = 'holiday' | 'day-off' | 'working-day'
/** Occasions whose days are data: the ones Điều 112 khoản 3 leaves to the PM, and holidays added later. */
export type DecidedOccasion = 'tet' | 'national-day' | 'other'
export const ENTRY_KINDS: readonly EntryKind[] = ['holiday', 'day-off', 'working-day']
export const DECIDED_OCCASIONS: readonly DecidedOccasion[] = ['tet', 'national-day', 'other']

export interface CalendarEntry {
  date: CivilDate
  kind: EntryKind
  /** Required for kind 'holiday'. */
  occasion?: DecidedOccasion | null
  name?: string | null
  /** The legal text: the PM's decision or the ministry's notice that carries it. */
  source?: string | null
}

export interface Bilingual {
  vi: string
  en: string
}

export interface Holiday {
  date: CivilDate
  occasion: Occasion
  name: Bilingual
  /** True when the day comes from the provisional rule, not from an entered decision. */
  provisional: boolean
}

export const TET_DAYS = 5

export const OCCASION_NAMES: Record<Occasion, Bilingual> = {
  'new-year': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
  'hung-kings': { vi: 'Giỗ Tổ Hùng Vương', en: 'Hung Kings Commemoration Day' },
  victory: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labour: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
  'national-day': { vi: 'Quốc khánh', en: 'National Day' },
  other: { vi: 'Ngày nghỉ lễ', en: 'Public holiday' },
}

export function inLunarRange(year: number): boolean {
  return year >= LUNAR_TABLE_FIRST_YEAR && year <= LUNAR_TABLE_LAST_YEAR
}

export function requireLunarYear(year: number) {
  const row = LUNAR_TABLE[year]
  if (!row) throw new RangeError(`The working-day calendar covers ${LUNAR_TABLE_FIRST_YEAR}–${LUNAR_TABLE_LAST_YEAR}; ${year} is outside it`)
  return row
}

/** Mùng 1 Tết of a year. */
export const lunarNewYear = (year: number): CivilDate => requireLunarYear(year).tet

/** Provisional Tết days: the last day of the old lunar year and mùng 1–4, the most frequent choice of past decisions. */
export function provisionalTetDays(year: number): CivilDate[] {
  const tet = lunarNewYear(year)
  return [-1, 0, 1, 2, 3].map((n) => addDays(tet, n))
}

/**
 * Provisional day next to 2/9: the one that joins 2/9 to a weekend or needs no bridge — Monday 2/9 takes Tuesday
 * 3/9 (as in 2024), Thursday takes Friday 3/9 (2021), any other day takes 1/9 (2022, 2023, 2025).
 */
export function provisionalNationalDayAdjacent(year: number): CivilDate {
  const dow = weekday(civilDate(year, 9, 2))
  return dow === 1 || dow === 4 ? civilDate(year, 9, 3) : civilDate(year, 9, 1)
}

const entriesOf = (entries: readonly CalendarEntry[], year: number, occasion: DecidedOccasion) =>
  entries.filter((e) => e.kind === 'holiday' && e.occasion === occasion && isCivilDate(e.date) && yearOf(e.date) === year)

/** Whether the PM's days for Tết (all 5) and for 2/9's adjacent day are entered for a year. */
export function decidedOccasions(entries: readonly CalendarEntry[], year: number): { tet: number; nationalDay: boolean } {
  return { tet: entriesOf(entries, year, 'tet').length, nationalDay: entriesOf(entries, year, 'national-day').length > 0 }
}

/** Every public holiday of a year, statutory dates from the law, the PM's days from the entries (or provisional). */
export function holidaysOfYear(year: number, entries: readonly CalendarEntry[]): Holiday[] {
  const row = requireLunarYear(year)
  const fixed = (month: number, day: number, occasion: Occasion): Holiday => ({
    date: civilDate(year, month, day),
    occasion,
    name: OCCASION_NAMES[occasion],
    provisional: false,
  })
  const named = (e: CalendarEntry, occasion: Occasion): Holiday => ({
    date: e.date,
    occasion,
    name: e.name ? { vi: e.name, en: e.name } : OCCASION_NAMES[occasion],
    provisional: false,
  })
  const tetEntries = entriesOf(entries, year, 'tet')
  const tet: Holiday[] =
    tetEntries.length >= TET_DAYS
      ? tetEntries.map((e) => ({ ...named(e, 'tet'), name: OCCASION_NAMES.tet }))
      : provisionalTetDays(year).map((date): Holiday => ({ date, occasion: 'tet', name: OCCASION_NAMES.tet, provisional: true }))
  const adjacent = entriesOf(entries, year, 'national-day')
  const nationalDay: Holiday[] = adjacent.length
    ? adjacent.map((e) => ({ ...named(e, 'national-day'), name: OCCASION_NAMES['national-day'] }))
    : [{ date: provisionalNationalDayAdjacent(year), occasion: 'national-day', name: OCCASION_NAMES['national-day'], provisional: true }]
  const all: Holiday[] = [
    fixed(1, 1, 'new-year'),
    ...tet,
    { date: row.hungKings, occasion: 'hung-kings', name: OCCASION_NAMES['hung-kings'], provisional: false },
    fixed(4, 30, 'victory'),
    fixed(5, 1, 'labour'),
    fixed(9, 2, 'national-day'),
    ...nationalDay,
    ...entriesOf(entries, year, 'other').map((e) => named(e, 'other')),
  ]
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/** Statutory days fixed by the law itself (never an entry). */
export function statutoryFixedDates(year: number): CivilDate[] {
  return [civilDate(year, 1, 1), requireLunarYear(year).hungKings, civilDate(year, 4, 30), civilDate(year, 5, 1), civilDate(year, 9, 2)]
}

export { LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR }
