/**
 * Checks on a calendar entry (a day the PM fixed, a swap) before it is stored, and the warning ministry HR sees
 * while a year's decisions are missing. Messages name the field, in Vietnamese and English.
 */
import { formatDate } from '../dates'
import type { FieldIssue } from '../errors'
import { civilDate, daysFromTo, parseCivilDate, weekday, yearOf, type CivilDate } from './civilDate'
import {
  DECIDED_OCCASIONS,
  ENTRY_KINDS,
  inLunarRange,
  lunarNewYear,
  LUNAR_TABLE_FIRST_YEAR,
  LUNAR_TABLE_LAST_YEAR,
  statutoryFixedDates,
  TET_DAYS,
  type CalendarEntry,
  type DecidedOccasion,
  type EntryKind,
} from './holidays'
import { createWorkingCalendar, type WorkingCalendar } from './workingCalendar'

export interface EntryInput {
  date?: unknown
  kind?: unknown
  occasion?: unknown
  name?: unknown
  source?: unknown
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

/**
 * The issues of one entry given the other entries already stored (the one being edited excluded). An entry
 * is refused when the calendar without it would not make sense of it: a swapped day off that is not a working
 * day, a make-up day that is not a weekend, a Tết day far from Tết, a sixth Tết day, a second day next to 2/9.
 */
export function validateCalendarEntry(input: EntryInput, others: readonly CalendarEntry[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  const date = parseCivilDate(input.date)
  const kind = ENTRY_KINDS.includes(input.kind as EntryKind) ? (input.kind as EntryKind) : null
  const occasion = DECIDED_OCCASIONS.includes(input.occasion as DecidedOccasion) ? (input.occasion as DecidedOccasion) : null
  if (!date) issues.push({ field: 'date', vi: 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.', en: 'Invalid date: use dd/mm/yyyy.' })
  else if (!inLunarRange(yearOf(date))) {
    issues.push({
      field: 'date',
      vi: `Lịch ngày làm việc chỉ tính được từ năm ${LUNAR_TABLE_FIRST_YEAR} đến năm ${LUNAR_TABLE_LAST_YEAR}.`,
      en: `The working-day calendar covers ${LUNAR_TABLE_FIRST_YEAR} to ${LUNAR_TABLE_LAST_YEAR} only.`,
    })
  }
  if (!kind) issues.push({ field: 'kind', vi: 'Chọn loại ngày.', en: 'Choose the kind of day.' })
  if (!text(input.source)) {
    issues.push({ field: 'source', vi: 'Ghi văn bản quy định (số, ngày, cơ quan ban hành).', en: 'Give the legal source (number, date, issuer).' })
  }
  if (kind === 'holiday' && !occasion) issues.push({ field: 'occasion', vi: 'Chọn dịp lễ, Tết của ngày nghỉ.', en: 'Choose the holiday this day belongs to.' })
  if (kind === 'holiday' && occasion === 'other' && !text(input.name)) {
    issues.push({ field: 'name', vi: 'Ghi tên ngày lễ.', en: 'Give the name of the holiday.' })
  }
  if (!date || !kind || issues.some((i) => i.field === 'date')) return issues

  const shown = formatDate(date)
  const year = yearOf(date)
  const same = others.find((e) => e.date === date)
  if (same) {
    issues.push({ field: 'date', vi: `Ngày ${shown} đã có trong lịch.`, en: `${shown} is already in the calendar.` })
    return issues
  }
  const calendar = createWorkingCalendar(others)
  const before = calendar.dayInfo(date)
  if (kind === 'holiday' && occasion === 'tet') {
    const tet = lunarNewYear(year)
    const offset = daysFromTo(tet, date)
    if (offset < -5 || offset > 7) {
      issues.push({
        field: 'date',
        vi: `Ngày nghỉ Tết Âm lịch phải gần Tết Nguyên đán (mùng 1 Tết năm ${year} là ${formatDate(tet)}).`,
        en: `A Tết day must be close to the Lunar New Year (${formatDate(tet)} in ${year}).`,
      })
    }
    const entered = others.filter((e) => e.kind === 'holiday' && e.occasion === 'tet' && yearOf(e.date) === year).length
    if (entered >= TET_DAYS) {
      issues.push({
        field: 'occasion',
        vi: `Năm ${year} đã có đủ ${TET_DAYS} ngày nghỉ Tết Âm lịch (Bộ luật Lao động Điều 112).`,
        en: `${year} already has its ${TET_DAYS} Tết days (Labour Code Article 112).`,
      })
    }
  }
  if (kind === 'holiday' && occasion === 'national-day') {
    if (date !== civilDate(year, 9, 1) && date !== civilDate(year, 9, 3)) {
      issues.push({
        field: 'date',
        vi: 'Ngày nghỉ liền kề Quốc khánh là 01/09 hoặc 03/09 (ngày 02/09 đã do luật quy định).',
        en: 'The day next to National Day is 1 or 3 September (2 September is set by the law).',
      })
    }
    if (others.some((e) => e.kind === 'holiday' && e.occasion === 'national-day' && yearOf(e.date) === year)) {
      issues.push({
        field: 'occasion',
        vi: `Năm ${year} đã có ngày nghỉ liền kề Quốc khánh.`,
        en: `${year} already has its day next to National Day.`,
      })
    }
  }
  if (kind === 'holiday' && occasion === 'other' && statutoryFixedDates(year).includes(date)) {
    issues.push({ field: 'date', vi: `Ngày ${shown} đã là ngày lễ theo Bộ luật Lao động.`, en: `${shown} is already a statutory holiday.` })
  }
  if (kind === 'day-off' && before.kind !== 'working') {
    issues.push({
      field: 'date',
      vi: `Ngày ${shown} không phải ngày làm việc (${dayKindLabel(before.kind).vi}): không thể hoán đổi thành ngày nghỉ.`,
      en: `${shown} is not a working day (${dayKindLabel(before.kind).en}): it cannot be swapped into a day off.`,
    })
  }
  if (kind === 'working-day' && before.kind !== 'weekend') {
    issues.push({
      field: 'date',
      vi: `Ngày làm bù phải là thứ Bảy hoặc Chủ nhật không trùng ngày lễ; ngày ${shown} là ${dayKindLabel(before.kind).vi}.`,
      en: `A make-up working day must be a Saturday or Sunday that is no holiday; ${shown} is a ${dayKindLabel(before.kind).en}.`,
    })
  }
  return issues
}

export function dayKindLabel(kind: ReturnType<WorkingCalendar['dayInfo']>['kind']): { vi: string; en: string } {
  switch (kind) {
    case 'working':
      return { vi: 'ngày làm việc', en: 'working day' }
    case 'weekend':
      return { vi: 'ngày nghỉ hằng tuần', en: 'weekend day' }
    case 'holiday':
      return { vi: 'ngày nghỉ lễ, Tết', en: 'public holiday' }
    case 'compensatory':
      return { vi: 'ngày nghỉ bù', en: 'day off in lieu' }
    case 'day-off':
      return { vi: 'ngày nghỉ hoán đổi', en: 'swapped day off' }
    case 'make-up':
      return { vi: 'ngày làm bù', en: 'make-up working day' }
  }
}

export interface CalendarWarning {
  year: number
  vi: string
  en: string
}

/** From this month on, the next year's missing decisions are announced (the PM usually decides in Oct–Dec). */
export const NEXT_YEAR_WARNING_FROM_MONTH = 10

/**
 * What ministry HR must be told on `today`: this year's Tết or 2/9 days still provisional, a swap without its
 * counterpart, and — from October — a next year with no entry at all. Empty when all is in order.
 */
export function calendarWarnings(calendar: WorkingCalendar, today: CivilDate): CalendarWarning[] {
  const out: CalendarWarning[] = []
  const year = yearOf(today)
  const check = (y: number, whole: boolean) => {
    if (y < calendar.range.first || y > calendar.range.last) {
      out.push({
        year: y,
        vi: `Năm ${y} nằm ngoài bảng âm lịch của hệ thống (${calendar.range.first}–${calendar.range.last}): thời hạn không tính được.`,
        en: `${y} is outside the system's lunar table (${calendar.range.first}–${calendar.range.last}): deadlines cannot be computed.`,
      })
      return
    }
    const s = calendar.yearStatus(y)
    if (whole && s.entries === 0) {
      out.push({
        year: y,
        vi: `Chưa nhập lịch nghỉ lễ, Tết năm ${y} (ngày nghỉ Tết Âm lịch, ngày liền kề Quốc khánh, ngày hoán đổi): thời hạn tính theo ngày làm việc đang dùng lịch tạm tính.`,
        en: `No holiday decisions entered for ${y} (Tết days, the day next to National Day, swaps): working-day deadlines use a provisional calendar.`,
      })
      return
    }
    const missing: Array<{ vi: string; en: string }> = []
    if (!s.tetDecided) missing.push({ vi: `ngày nghỉ Tết Âm lịch (đã nhập ${s.tetDaysEntered}/${TET_DAYS})`, en: `the Tết days (${s.tetDaysEntered}/${TET_DAYS} entered)` })
    if (!s.nationalDayDecided) missing.push({ vi: 'ngày nghỉ liền kề Quốc khánh', en: 'the day next to National Day' })
    if (missing.length) {
      out.push({
        year: y,
        vi: `Năm ${y} chưa có ${missing.map((m) => m.vi).join(' và ')}: các ngày này đang tạm tính.`,
        en: `${y} still lacks ${missing.map((m) => m.en).join(' and ')}: those days are provisional.`,
      })
    }
    if (s.daysOff !== s.makeUpDays) {
      out.push({
        year: y,
        vi: `Năm ${y} có ${s.daysOff} ngày nghỉ hoán đổi nhưng ${s.makeUpDays} ngày làm bù: kiểm tra lại.`,
        en: `${y} has ${s.daysOff} swapped days off but ${s.makeUpDays} make-up days: check the entries.`,
      })
    }
  }
  check(year, false)
  if (Number(today.slice(5, 7)) >= NEXT_YEAR_WARNING_FROM_MONTH) check(year + 1, true)
  return out
}

/** Day of the week in Vietnamese ("Thứ Hai" … "Chủ nhật"), for calendar listings. */
export function weekdayName(date: CivilDate): { vi: string; en: string } {
  const vi = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']
  const en = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
  const d = weekday(date)
  return { vi: vi[d], en: en[d] }
}

/**
 * After a change or a deletion, every stored entry must still make sense against the others (a swapped day off
 * must still be a working day once a Tết day moved onto it). The issues of the first entry that no longer does,
 * named after it; empty when the set is consistent.
 */
export function entriesConsistency(entries: readonly CalendarEntry[]): FieldIssue[] {
  for (const e of entries) {
    const issues = validateCalendarEntry(e, entries.filter((o) => o !== e))
    if (issues.length) {
      const what = formatDate(e.date)
      return issues.map((i) => ({
        field: 'date',
        vi: `Thay đổi này làm ngày ${what} đã nhập không còn hợp lệ: ${i.vi}`,
        en: `This change makes the entry of ${what} invalid: ${i.en}`,
      }))
    }
  }
  return []
}
