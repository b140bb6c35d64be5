import fc from 'fast-check'

import {
  addDays,
  calendarWarnings,
  civilDateInVietnam,
  createWorkingCalendar,
  dayNumber,
  fromDayNumber,
  KNOWN_DECISIONS,
  parseCivilDate,
  validateCalendarEntry,
  weekday,
  type CalendarEntry,
  type CivilDate,
} from '../../src/domain/calendar'

const known = createWorkingCalendar(KNOWN_DECISIONS)
const bare = createWorkingCalendar([])

/** Every day of [from, to] and whether it is worked, as 'YYYY-MM-DD' → boolean. */
function range(from: CivilDate, to: CivilDate): CivilDate[] {
  const out: CivilDate[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}
const off = (cal = known) => (d: CivilDate) => !cal.isWorkingDay(d)

describe('civil dates', () => {
  test('parse what a person types, refuse impossible days and instants', () => {
    expect(parseCivilDate('17/02/2026')).toBe('2026-02-17')
    expect(parseCivilDate('2026-02-17')).toBe('2026-02-17')
    expect(parseCivilDate('29/02/2025')).toBeNull()
    expect(parseCivilDate('2026-02-17T00:00:00Z')).toBeNull()
    expect(parseCivilDate('02-17-2026')).toBeNull()
  })

  test('the day in Hà Nội at an instant: 17:30 UTC is already the next day', () => {
    expect(civilDateInVietnam(new Date('2026-02-16T16:59:59Z'))).toBe('2026-02-16')
    expect(civilDateInVietnam(new Date('2026-02-16T17:00:00Z'))).toBe('2026-02-17')
  })

  test('weekdays and day numbers', () => {
    expect(weekday('2026-02-17')).toBe(2) // Tuesday
    expect(weekday('1969-12-31')).toBe(3)
    expect(fromDayNumber(dayNumber('2024-02-29') + 1)).toBe('2024-03-01')
  })
})

describe('published holiday calendars of state agencies (công chức, viên chức)', () => {
  test('2024: Tết 08/02–14/02 (5 days of Tết and 2 nghỉ bù, Điều 111 khoản 3), 30/4 swap, Quốc khánh 31/8–03/9', () => {
    expect(range('2024-02-08', '2024-02-14').every(off())).toBe(true)
    expect(known.isWorkingDay('2024-02-07')).toBe(true)
    expect(known.isWorkingDay('2024-02-15')).toBe(true)
    expect(known.dayInfo('2024-02-13').kind).toBe('compensatory')
    expect(known.dayInfo('2024-02-14').kind).toBe('compensatory')
    expect(known.dayInfo('2024-04-18').kind).toBe('holiday')
    expect(range('2024-04-27', '2024-05-01').every(off())).toBe(true)
    expect(known.dayInfo('2024-04-29').kind).toBe('day-off')
    expect(known.dayInfo('2024-05-04')).toMatchObject({ kind: 'make-up', working: true })
    expect(range('2024-08-31', '2024-09-03').every(off())).toBe(true)
    expect(known.isWorkingDay('2024-08-30')).toBe(true)
    expect(known.isWorkingDay('2024-09-04')).toBe(true)
  })

  test('2025: Tết 25/01–02/02, Giỗ Tổ 07/04, 30/4–04/5 with làm bù on Saturday 26/04, Quốc khánh 30/8–02/9', () => {
    expect(range('2025-01-25', '2025-02-02').every(off())).toBe(true)
    expect(known.isWorkingDay('2025-01-24')).toBe(true)
    expect(known.isWorkingDay('2025-02-03')).toBe(true)
    expect(known.isWorkingDay('2025-04-07')).toBe(false)
    expect(range('2025-04-30', '2025-05-04').every(off())).toBe(true)
    expect(known.isWorkingDay('2025-04-26')).toBe(true)
    expect(range('2025-08-30', '2025-09-02').every(off())).toBe(true)
    expect(known.isWorkingDay('2025-09-03')).toBe(true)
  })

  test('2026: Tết Dương lịch 01–04/01 with làm bù 10/01, Tết 14/02–22/02, Giỗ Tổ on Sunday 26/04 → nghỉ bù 27/04, 30/4–03/5', () => {
    expect(range('2026-01-01', '2026-01-04').every(off())).toBe(true)
    expect(known.isWorkingDay('2026-01-05')).toBe(true)
    expect(known.isWorkingDay('2026-01-10')).toBe(true)
    expect(range('2026-02-14', '2026-02-22').every(off())).toBe(true)
    expect(known.isWorkingDay('2026-02-13')).toBe(true)
    expect(known.isWorkingDay('2026-02-23')).toBe(true)
    expect(known.dayInfo('2026-04-26').kind).toBe('holiday')
    expect(known.dayInfo('2026-04-27')).toMatchObject({ kind: 'compensatory', name: { vi: 'Nghỉ bù Giỗ Tổ Hùng Vương' } })
    expect(range('2026-04-30', '2026-05-03').every(off())).toBe(true)
    expect(known.isWorkingDay('2026-05-04')).toBe(true)
  })

  test('2023 from the statute alone: Giỗ Tổ on Saturday 29/04 and 30/04 on Sunday are given back on 02/05 and 03/05', () => {
    expect(range('2023-04-29', '2023-05-03').every(off(bare))).toBe(true)
    expect(bare.dayInfo('2023-05-02').kind).toBe('compensatory')
    expect(bare.dayInfo('2023-05-03').kind).toBe('compensatory')
    expect(bare.isWorkingDay('2023-05-04')).toBe(true)
  })

  test('a year without its decision uses the provisional rule and says so', () => {
    expect(known.dayInfo('2027-02-05')).toMatchObject({ kind: 'holiday', provisional: true }) // the eve of Tết 2027 (06/02)
    expect(known.yearStatus(2026)).toMatchObject({ tetDecided: true, nationalDayDecided: false })
    expect(known.yearStatus(2025)).toMatchObject({ tetDecided: true, nationalDayDecided: true, daysOff: 1, makeUpDays: 1 })
    expect(known.dayInfo('2026-09-01')).toMatchObject({ kind: 'holiday', provisional: true })
  })

  test('every year 2000–2050 from the statute: 11 holiday days, and each one on a weekend is given back on a weekday', () => {
    for (let y = 2000; y <= 2050; y++) {
      const days = bare.specialDays(y)
      expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(11)
      const weekdaysOff = range(`${y}-01-01`, `${y}-12-31`).filter((d) => weekday(d) % 6 !== 0 && !bare.isWorkingDay(d))
      expect(weekdaysOff).toHaveLength(11)
    }
  })

  test('outside the lunar table the calendar refuses to guess', () => {
    expect(() => known.isWorkingDay('2051-03-02')).toThrow(RangeError)
    expect(() => known.isWorkingDay('1999-12-31')).toThrow(RangeError)
  })
})

describe('deadlines', () => {
  test('"02 ngày làm việc" from Thursday 12/02/2026 crosses Tết: Friday 13/02, then Monday 23/02', () => {
    expect(known.addWorkingDays('2026-02-12', 1)).toBe('2026-02-13')
    expect(known.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23')
    expect(known.workingDaysBetween('2026-02-12', '2026-02-23')).toBe(2)
    expect(known.addWorkingDays('2026-02-23', -2)).toBe('2026-02-12')
    expect(known.addWorkingDays('2026-02-15', 0)).toBe('2026-02-15')
  })

  test('"03 ngày làm việc" from Friday 29/08/2025 skips Quốc khánh: 03/09, 04/09, 05/09', () => {
    expect(known.addWorkingDays('2025-08-29', 3)).toBe('2025-09-05')
  })

  test('"10 ngày" (BLDS Điều 147–148): counted from the next day, ending on a holiday rolls to the next working day', () => {
    expect(known.addDaysRolledOver('2026-02-03', 10)).toBe('2026-02-13') // a Friday, worked
    expect(known.addDaysRolledOver('2026-02-10', 10)).toBe('2026-02-23') // 20/02 is Tết
    expect(known.addDaysRolledOver('2025-04-20', 10)).toBe('2025-05-05') // 30/04 … 04/05 off
    expect(known.addDaysRolledOver('2025-04-16', 10)).toBe('2025-04-26') // the make-up Saturday is a working day
    expect(() => known.addDaysRolledOver('2025-04-16', -1)).toThrow(RangeError)
  })
})

describe('properties (fast-check)', () => {
  const day = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2049-06-30') }).map(fromDayNumber)
  const n = fc.integer({ min: 0, max: 60 })
  const calendars = fc.constantFrom(known, bare)

  test('addWorkingDays(d, n) is n working days after d and, for n ≥ 1, lands on a working day', () => {
    fc.assert(
      fc.property(calendars, day, n, (cal, d, k) => {
        const r = cal.addWorkingDays(d, k)
        expect(cal.workingDaysBetween(d, r)).toBe(k)
        if (k > 0) expect(cal.isWorkingDay(r)).toBe(true)
        // no working day is skipped: the day before the result leaves one fewer
        if (k > 0) expect(cal.workingDaysBetween(d, addDays(r, -1))).toBe(k - 1)
      }),
      { numRuns: 300 },
    )
  })

  test('addWorkingDays is monotone in the date and in n; back and forth returns to a working day', () => {
    fc.assert(
      fc.property(calendars, day, day, n, n, (cal, a, b, k1, k2) => {
        const [d1, d2] = a <= b ? [a, b] : [b, a]
        const [m1, m2] = k1 <= k2 ? [k1, k2] : [k2, k1]
        expect(cal.addWorkingDays(d1, m1) <= cal.addWorkingDays(d2, m1)).toBe(true)
        expect(cal.addWorkingDays(d1, m1) <= cal.addWorkingDays(d1, m2)).toBe(true)
        if (cal.isWorkingDay(d1)) expect(cal.addWorkingDays(cal.addWorkingDays(d1, m1), -m1)).toBe(d1)
      }),
      { numRuns: 300 },
    )
  })

  test('addDaysRolledOver never lands on a day off, never before date + n, and skips only days off', () => {
    fc.assert(
      fc.property(calendars, day, day, n, (cal, a, b, k) => {
        const r = cal.addDaysRolledOver(a, k)
        expect(cal.isWorkingDay(r)).toBe(true)
        expect(r >= addDays(a, k)).toBe(true)
        for (let d = addDays(a, k); d < r; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false)
        const [d1, d2] = a <= b ? [a, b] : [b, a]
        expect(cal.addDaysRolledOver(d1, k) <= cal.addDaysRolledOver(d2, k)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  test('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(calendars, day, day, day, (cal, a, b, c) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0)
        expect(cal.workingDaysBetween(a, c)).toBe(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c))
      }),
      { numRuns: 100 },
    )
  })
})

describe('entries (ministry HR) and the warning', () => {
  const entry = (e: Partial<CalendarEntry>) => ({ source: 'Thông báo số 1/TB-BNV', ...e })
  const messages = (issues: Array<{ field: string; vi: string }>) => issues.map((i) => `${i.field}: ${i.vi}`)

  test('the known decisions are each valid against the others', () => {
    for (const e of KNOWN_DECISIONS) expect(validateCalendarEntry(e, KNOWN_DECISIONS.filter((o) => o !== e))).toEqual([])
  })

  test('a swap needs a working day off and a weekend make-up day', () => {
    expect(messages(validateCalendarEntry(entry({ date: '2027-03-06', kind: 'day-off' }), KNOWN_DECISIONS))).toEqual([
      'date: Ngày 06/03/2027 không phải ngày làm việc (ngày nghỉ hằng tuần): không thể hoán đổi thành ngày nghỉ.',
    ])
    expect(messages(validateCalendarEntry(entry({ date: '2027-03-05', kind: 'working-day' }), KNOWN_DECISIONS))[0]).toMatch(/^date: Ngày làm bù phải là thứ Bảy/)
    expect(validateCalendarEntry(entry({ date: '05/03/2027', kind: 'day-off' }), KNOWN_DECISIONS)).toEqual([])
    // Monday 27/04/2026 is already nghỉ bù for Giỗ Tổ: entering it again would give the day twice
    expect(messages(validateCalendarEntry(entry({ date: '2026-04-27', kind: 'day-off' }), KNOWN_DECISIONS))[0]).toContain('ngày nghỉ bù')
  })

  test('Tết days: near Tết, five at most; the day next to 2/9: 1/9 or 3/9, once', () => {
    expect(messages(validateCalendarEntry(entry({ date: '2026-02-23', kind: 'holiday', occasion: 'tet' }), KNOWN_DECISIONS))).toEqual([
      'occasion: Năm 2026 đã có đủ 5 ngày nghỉ Tết Âm lịch (Bộ luật Lao động Điều 112).',
    ])
    expect(messages(validateCalendarEntry(entry({ date: '2027-03-20', kind: 'holiday', occasion: 'tet' }), []))[0]).toContain('06/02/2027')
    expect(messages(validateCalendarEntry(entry({ date: '2026-09-02', kind: 'holiday', occasion: 'national-day' }), KNOWN_DECISIONS))[0]).toMatch(/01\/09 hoặc 03\/09/)
    expect(validateCalendarEntry(entry({ date: '2026-09-01', kind: 'holiday', occasion: 'national-day' }), KNOWN_DECISIONS)).toEqual([])
    expect(messages(validateCalendarEntry(entry({ date: '2025-09-03', kind: 'holiday', occasion: 'national-day' }), KNOWN_DECISIONS))).toEqual([
      'occasion: Năm 2025 đã có ngày nghỉ liền kề Quốc khánh.',
    ])
  })

  test('date, kind, source and occasion are required and named; English too', () => {
    const issues = validateCalendarEntry({ date: '31/02/2027', kind: 'holiday' }, [])
    expect(issues.map((i) => i.field).sort()).toEqual(['date', 'occasion', 'source'])
    expect(issues.find((i) => i.field === 'date')?.en).toBe('Invalid date: use dd/mm/yyyy.')
    expect(messages(validateCalendarEntry(entry({ date: '2051-01-02', kind: 'day-off' }), []))[0]).toContain('2000 đến năm 2050')
    expect(messages(validateCalendarEntry(entry({ date: '2026-02-17', kind: 'day-off' }), KNOWN_DECISIONS))[0]).toContain('đã có trong lịch')
  })

  test('the warning: this year provisional items always, next year from October when it has no entry', () => {
    expect(calendarWarnings(known, '2025-11-20').map((w) => w.year)).toEqual([2026])
    const october = calendarWarnings(known, '2026-10-01')
    expect(october.map((w) => w.vi)).toEqual([
      'Năm 2026 chưa có ngày nghỉ liền kề Quốc khánh: các ngày này đang tạm tính.',
      'Chưa nhập lịch nghỉ lễ, Tết năm 2027 (ngày nghỉ Tết Âm lịch, ngày liền kề Quốc khánh, ngày hoán đổi): thời hạn tính theo ngày làm việc đang dùng lịch tạm tính.',
    ])
    expect(calendarWarnings(known, '2026-09-30').map((w) => w.year)).toEqual([2026])
    expect(calendarWarnings(known, '2025-03-01')).toEqual([])
    const unbalanced = createWorkingCalendar([...KNOWN_DECISIONS.filter((e) => e.date !== '2025-04-26')])
    expect(calendarWarnings(unbalanced, '2025-03-01')[0].vi).toBe('Năm 2025 có 1 ngày nghỉ hoán đổi nhưng 0 ngày làm bù: kiểm tra lại.')
  })
})
