import { createWorkingCalendar, KNOWN_DECISIONS, weekday } from '../../src/domain/calendar'
import {
  checkExtension,
  checkFirstReply,
  checkNewDataRequest,
  checkOutcome,
  DATA_REQUEST_TYPES,
  dataRequestDeadlines,
  DEADLINE_RULES,
  dueState,
  extendedDueDate,
  type DataRequestStateInput,
} from '../../src/domain/dataRequests'
import { DomainError } from '../../src/domain/errors'

const calendar = createWorkingCalendar(KNOWN_DECISIONS)

const refusal = (f: () => unknown): DomainError => {
  try {
    f()
  } catch (e) {
    if (e instanceof DomainError) return e
    throw e
  }
  throw new Error('expected a refusal')
}

describe('deadlines of NĐ 356/2025 Điều 5 on the working-day calendar', () => {
  test('across Tết 2026 (16–20/02): first reply 2 working days, view 10 days rolled over the weekend after Tết', () => {
    // Thursday 12/02/2026: Friday 13/02 is the first working day, Monday 23/02 the second (Tết and two weekends between).
    const d = dataRequestDeadlines(calendar, 'view', '2026-02-12')
    expect(d.firstReplyDue).toBe('2026-02-23')
    // 12/02 + 10 = Sunday 22/02 → Monday 23/02 (Bộ luật Dân sự Điều 148).
    expect(d.dueDate).toBe('2026-02-23')
  })

  test('a 10-day period ending inside Tết ends on the first working day after it', () => {
    // Friday 06/02/2026 + 10 = Monday 16/02, first day of Tết → Monday 23/02.
    expect(dataRequestDeadlines(calendar, 'provide', '2026-02-06').dueDate).toBe('2026-02-23')
    // Saturday 18/01/2025 + 10 = Tuesday 28/01/2025, inside Tết 2025 (27–31/01) → Monday 03/02/2025.
    expect(dataRequestDeadlines(calendar, 'correct', '2025-01-18').dueDate).toBe('2025-02-03')
    // Friday 24/01/2025: the next working days are 03/02 and 04/02.
    expect(dataRequestDeadlines(calendar, 'correct', '2025-01-24').firstReplyDue).toBe('2025-02-04')
  })

  test('each kind of request has its own period, longer when third parties must act', () => {
    const on = '2026-02-12'
    expect(dataRequestDeadlines(calendar, 'delete', on).dueDate).toBe('2026-03-04') // Wednesday
    // + 30 = Saturday 14/03 → Monday 16/03.
    expect(dataRequestDeadlines(calendar, 'delete', on, true).dueDate).toBe('2026-03-16')
    expect(dataRequestDeadlines(calendar, 'withdraw-consent', on).dueDate).toBe('2026-02-27')
    expect(dataRequestDeadlines(calendar, 'restrict', on, true).dueDate).toBe('2026-03-04')
    expect(dataRequestDeadlines(calendar, 'view', on, true).dueDate).toBe('2026-02-27')
    expect(dataRequestDeadlines(calendar, 'complain', on)).toEqual({ firstReplyDue: '2026-02-23', dueDate: null })
  })

  test('an ordinary weekend: received on Friday or on Saturday', () => {
    expect(dataRequestDeadlines(calendar, 'view', '2026-03-06').firstReplyDue).toBe('2026-03-10')
    expect(dataRequestDeadlines(calendar, 'view', '2026-03-07').firstReplyDue).toBe('2026-03-10')
    expect(dataRequestDeadlines(calendar, 'view', '2026-03-06').dueDate).toBe('2026-03-16')
  })

  test('no deadline ever falls on a day off, and none comes before the plain count', () => {
    for (const type of DATA_REQUEST_TYPES) {
      for (let day = 1; day <= 60; day++) {
        const on = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10)
        for (const third of [false, true]) {
          const d = dataRequestDeadlines(calendar, type, on, third)
          expect(calendar.isWorkingDay(d.firstReplyDue)).toBe(true)
          if (d.dueDate) {
            expect(calendar.isWorkingDay(d.dueDate)).toBe(true)
            const days = third ? DEADLINE_RULES[type].daysWithThirdParties! : DEADLINE_RULES[type].days!
            expect(Date.parse(d.dueDate) - Date.parse(on)).toBeGreaterThanOrEqual(days * 86_400_000)
          }
        }
      }
    }
    expect(weekday('2026-02-23')).toBe(1)
  })
})

describe('steps of a request', () => {
  const open: DataRequestStateInput = { type: 'view', state: 'replied', dueDate: '2026-02-23' }

  test('what is filed: a known type and what it is about', () => {
    expect(checkNewDataRequest({ type: 'view', subject: 'Quá trình công tác' })).toEqual([])
    expect(checkNewDataRequest({ type: 'erase-everything', subject: '' }).map((i) => i.field)).toEqual(['type', 'subject'])
  })

  test('the first reply is sent once, with text', () => {
    expect(() => checkFirstReply({ ...open, state: 'received' }, 'Đã tiếp nhận')).not.toThrow()
    expect(refusal(() => checkFirstReply({ ...open, state: 'received' }, '  ')).issues[0]!.field).toBe('text')
    expect(refusal(() => checkFirstReply(open, 'Lần hai')).kind).toBe('conflict')
  })

  test('one extension at most, not longer than the period, with a reason, before the deadline passes', () => {
    expect(() => checkExtension(open, 10, 'Cần đối chiếu hồ sơ giấy', '2026-02-20')).not.toThrow()
    expect(extendedDueDate(calendar, '2026-02-23', 10)).toBe('2026-03-05')
    const second = refusal(() => checkExtension({ ...open, extensionDays: 5 }, 3, 'Thêm lần nữa', '2026-02-20'))
    expect(second.kind).toBe('conflict')
    expect(second.issues[0]!.vi).toContain('01 lần')
    expect(refusal(() => checkExtension(open, 11, 'Dài hơn', '2026-02-20')).issues[0]!.field).toBe('days')
    expect(refusal(() => checkExtension(open, 5, '', '2026-02-20')).issues.map((i) => i.field)).toEqual(['reason'])
    expect(refusal(() => checkExtension(open, 5, 'Muộn', '2026-02-24')).kind).toBe('conflict')
    expect(() => checkExtension({ type: 'delete', state: 'replied', dueDate: '2026-03-04' }, 20, 'Phức tạp', '2026-03-01')).not.toThrow()
    expect(refusal(() => checkExtension({ type: 'delete', state: 'replied', dueDate: '2026-03-04' }, 21, 'Phức tạp', '2026-03-01')).issues[0]!.field).toBe('days')
  })

  test('a refusal names its legal basis and its reason; Điều 19 cannot refuse view, correct or provide', () => {
    expect(checkOutcome(open, { outcome: 'done' })).toEqual({ outcome: 'done', legalBasis: null, reason: null })
    expect(refusal(() => checkOutcome(open, { outcome: 'refused' })).issues.map((i) => i.field)).toEqual(['legalBasis', 'reason'])
    for (const type of ['view', 'correct', 'provide'] as const) {
      const e = refusal(() => checkOutcome({ ...open, type }, { outcome: 'refused', legalBasis: 'article-19', reason: 'Dữ liệu phục vụ quản lý' }))
      expect(e.issues[0]!.field).toBe('legalBasis')
      expect(e.issues[0]!.vi).toContain('Điều 19')
    }
    for (const type of ['delete', 'restrict', 'object', 'withdraw-consent'] as const) {
      expect(checkOutcome({ ...open, type }, { outcome: 'refused', legalBasis: 'article-19', reason: 'Hồ sơ cán bộ phải lưu giữ theo quy định' }).legalBasis).toBe('article-19')
    }
    expect(checkOutcome(open, { outcome: 'partly', legalBasis: 'harm-to-others', reason: 'Thông tin của người khác' }).outcome).toBe('partly')
    expect(refusal(() => checkOutcome({ ...open, state: 'closed' }, { outcome: 'done' })).kind).toBe('conflict')
  })

  test('due and overdue: the first reply counts until it is sent, then the (extended) deadline', () => {
    const r = { state: 'received' as const, firstReplyDue: '2026-02-23', dueDate: '2026-02-23' }
    expect(dueState(r, '2026-02-12')).toBe('on-time')
    expect(dueState(r, '2026-02-21')).toBe('due-soon')
    expect(dueState(r, '2026-02-24')).toBe('overdue')
    const replied = { state: 'replied' as const, firstReplyDue: '2026-02-13', firstRepliedOn: '2026-02-13', dueDate: '2026-02-23', extendedDueDate: '2026-03-05' }
    expect(dueState(replied, '2026-02-24')).toBe('on-time')
    expect(dueState(replied, '2026-03-06')).toBe('overdue')
    expect(dueState({ ...replied, state: 'closed', closedOn: '2026-03-05' }, '2026-04-01')).toBe('closed-on-time')
    expect(dueState({ ...replied, state: 'closed', closedOn: '2026-03-06' }, '2026-04-01')).toBe('closed-late')
    expect(dueState({ ...replied, state: 'closed', firstRepliedOn: '2026-02-16', closedOn: '2026-02-20' }, '2026-04-01')).toBe('closed-late')
    // Closed without a separate first reply: the answer was the first reply, late after 13/02.
    expect(dueState({ ...replied, state: 'closed', firstRepliedOn: null, closedOn: '2026-02-13' }, '2026-04-01')).toBe('closed-on-time')
    expect(dueState({ ...replied, state: 'closed', firstRepliedOn: null, closedOn: '2026-02-16' }, '2026-04-01')).toBe('closed-late')
  })
})

describe('reminders to the officer', () => {
  test('the working day before a deadline, and once it has passed; across Tết the day before is the Friday before', async () => {
    const { dataRequestReminder } = await import('../../src/domain/dataRequests')
    const r = { state: 'received' as const, firstReplyDue: '2026-02-23', dueDate: '2026-02-23' }
    // Friday 13/02 is the working day before Monday 23/02 (Tết between): remind then, not on Thursday 12/02.
    expect(dataRequestReminder(r, '2026-02-12', calendar)).toBeNull()
    expect(dataRequestReminder(r, '2026-02-13', calendar)).toEqual({ deadline: 'first-reply', on: '2026-02-23', stage: 'due-soon' })
    expect(dataRequestReminder(r, '2026-02-23', calendar)).toEqual({ deadline: 'first-reply', on: '2026-02-23', stage: 'due-soon' })
    expect(dataRequestReminder(r, '2026-02-24', calendar)).toEqual({ deadline: 'first-reply', on: '2026-02-23', stage: 'overdue' })
    const replied = { ...r, state: 'replied' as const, dueDate: '2026-03-04', extendedDueDate: '2026-03-16' }
    expect(dataRequestReminder(replied, '2026-03-04', calendar)).toBeNull()
    expect(dataRequestReminder(replied, '2026-03-13', calendar)).toEqual({ deadline: 'answer', on: '2026-03-16', stage: 'due-soon' })
    expect(dataRequestReminder({ ...replied, state: 'closed' }, '2026-04-01', calendar)).toBeNull()
  })
})
