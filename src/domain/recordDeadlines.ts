/**
 * Deadlines of the electronic record (NĐ 27/2026/NĐ-CP, per the summaries in reports-and-rules.md §C.2 — the
 * official text was not read):
 * - Điều 18: the managing agency creates the record "trong thời hạn 03 ngày" from the decision that recruits,
 *   appoints, elects or designates the person — calendar days, counted as Bộ luật Dân sự 2015 Điều 147–148 count a
 *   period of days (from the next day; a last day on a rest day or holiday rolls to the next working day);
 * - Điều 19: the person declares their data "trong thời hạn 03 ngày làm việc" once the record exists (hoso also
 *   waits for their account: they cannot declare without one);
 * - Điều 19: the agency updates data arising from its own HR business "within three working days" — hoso applies it
 *   to the approval of a declaration (from its submission).
 * Reading a decree's "03 ngày" as BLDS calendar days is our reading; the functions take the calendar
 * (src/domain/calendar) so that holidays and Tết are those ministry HR entered.
 */
import { civilDateInVietnam, type CivilDate, type WorkingCalendar } from './calendar'

export type DeadlineKind = 'record-creation' | 'first-declaration' | 'approval'

export const DEADLINE_LABELS: Record<DeadlineKind, { vi: string; en: string }> = {
  'record-creation': { vi: 'Tạo hồ sơ điện tử (03 ngày từ quyết định)', en: 'Create the electronic record (3 days from the decision)' },
  'first-declaration': { vi: 'Kê khai lần đầu (03 ngày làm việc)', en: 'First declaration (3 working days)' },
  approval: { vi: 'Duyệt thông tin kê khai (03 ngày làm việc)', en: 'Approve the declaration (3 working days)' },
}

/** Điều 18: the last day to create the record of a person whose decision was issued on `decisionDate`. */
export function recordCreationDue(calendar: WorkingCalendar, decisionDate: CivilDate): CivilDate {
  return calendar.addDaysRolledOver(decisionDate, 3)
}

/**
 * Điều 19: the last day for the person's first declaration — 3 working days after the later of the record's creation
 * and their account's (both days in Việt Nam time).
 */
export function firstDeclarationDue(calendar: WorkingCalendar, recordCreated: CivilDate, accountCreated: CivilDate): CivilDate {
  return calendar.addWorkingDays(recordCreated > accountCreated ? recordCreated : accountCreated, 3)
}

/** The last day for HR to approve (or return) a declaration submitted on `submitted`. */
export function approvalDue(calendar: WorkingCalendar, submitted: CivilDate): CivilDate {
  return calendar.addWorkingDays(submitted, 3)
}

export type DeadlineState = 'due' | 'overdue' | 'met' | 'missed'

/** Open and not yet past its last day: due; open and past it: overdue; done on or before it: met; after: missed. */
export function deadlineState(due: CivilDate, done: CivilDate | null, today: CivilDate): DeadlineState {
  if (done != null) return done <= due ? 'met' : 'missed'
  return today <= due ? 'due' : 'overdue'
}

/** Working days left until the last day (0 on the day itself), or the negative number of working days it is late. */
export function workingDaysLeft(calendar: WorkingCalendar, due: CivilDate, today: CivilDate): number {
  return calendar.workingDaysBetween(today, due)
}

/** An instant → its day in Việt Nam (deadlines count days there). */
export const vietnamDay = (instant: Date): CivilDate => civilDateInVietnam(instant)
