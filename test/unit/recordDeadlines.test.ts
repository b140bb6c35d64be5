import { createWorkingCalendar, KNOWN_DECISIONS } from '../../src/domain/calendar'
import { approvalDue, deadlineState, firstDeclarationDue, recordCreationDue, vietnamDay, workingDaysLeft } from '../../src/domain/recordDeadlines'

// The calendar with the Prime Minister's decisions seeded for 2024–2026 (Tết 2025: 27–31/01; Tết 2026: 16–20/02).
const calendar = createWorkingCalendar(KNOWN_DECISIONS)

describe('NĐ 27/2026 deadlines across Tết, on a fixed clock', () => {
  test('record created within 3 days of the decision: a last day on Sunday before Tết 2026 rolls past the whole Tết', () => {
    // Thu 12/02/2026 + 3 days = Sun 15/02; Mon 16 – Fri 20 are Tết, Sat 21 and Sun 22 weekend → Mon 23/02.
    expect(recordCreationDue(calendar, '2026-02-12')).toBe('2026-02-23')
    // An ordinary week: Mon 02/03/2026 + 3 days = Thu 05/03.
    expect(recordCreationDue(calendar, '2026-03-02')).toBe('2026-03-05')
  })

  test('first declaration within 03 working days of the record and the account, whichever came later', () => {
    // Record Fri 13/02/2026, account Thu 12/02: 3 working days after Fri 13/02 skip Tết → Mon 23, Tue 24, Wed 25/02.
    expect(firstDeclarationDue(calendar, '2026-02-13', '2026-02-12')).toBe('2026-02-25')
    // The account came a week later: its day counts.
    expect(firstDeclarationDue(calendar, '2026-02-13', '2026-02-24')).toBe('2026-02-27')
  })

  test('HR approval within 03 working days of the submission (Tết 2025: 27–31/01)', () => {
    expect(approvalDue(calendar, '2025-01-24')).toBe('2025-02-05')
    expect(approvalDue(calendar, '2026-02-11')).toBe('2026-02-23')
    expect(approvalDue(calendar, '2026-03-02')).toBe('2026-03-05')
  })

  test('due, overdue, met, missed on a fixed clock', () => {
    const due = approvalDue(calendar, '2026-02-11') // 23/02/2026
    // 17:30 on 23/02/2026 in Hà Nội is still the last day; 00:00 on 24/02 is past it.
    expect(deadlineState(due, null, vietnamDay(new Date('2026-02-23T10:30:00Z')))).toBe('due')
    expect(deadlineState(due, null, vietnamDay(new Date('2026-02-23T17:00:00Z')))).toBe('overdue')
    expect(deadlineState(due, '2026-02-23', '2026-03-01')).toBe('met')
    expect(deadlineState(due, '2026-02-24', '2026-03-01')).toBe('missed')
    // In the middle of Tết, one working day is left; the day after the deadline it is one working day late.
    expect(workingDaysLeft(calendar, due, '2026-02-18')).toBe(1)
    expect(workingDaysLeft(calendar, due, '2026-02-24')).toBe(-1)
  })
})
