import {
  addMonths,
  ageOn,
  daysBetween,
  formatDate,
  formatDateInVietnam,
  formatDateTimeInVietnam,
  formatMonthYear,
  lastDayOfMonth,
  monthsBetween,
  startOfUtcDay,
  toDate,
  todayInVietnam,
} from '../../src/domain/dates'

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

describe('toDate', () => {
  test('empty and invalid values give null', () => {
    expect(toDate(null)).toBeNull()
    expect(toDate(undefined)).toBeNull()
    expect(toDate('')).toBeNull()
    expect(toDate('   ')).toBeNull()
    expect(toDate('not a date')).toBeNull()
    expect(toDate(new Date(Number.NaN))).toBeNull()
    expect(toDate('2023-02-30')).toBeNull()
    expect(toDate('2023-13-01')).toBeNull()
    expect(toDate('31/02/2024')).toBeNull()
  })

  test('ISO date-only strings are UTC midnight', () => {
    expect(toDate('2024-03-15')?.toISOString()).toBe('2024-03-15T00:00:00.000Z')
  })

  test('stored ISO date-times are kept as is', () => {
    expect(toDate('2024-03-15T00:00:00.000Z')?.toISOString()).toBe('2024-03-15T00:00:00.000Z')
    expect(toDate('2024-03-15T07:00:00+07:00')?.toISOString()).toBe('2024-03-15T00:00:00.000Z')
    expect(toDate('2024-03-15T10:30:00')?.toISOString()).toBe('2024-03-15T10:30:00.000Z')
  })

  test('dd/mm/yyyy is read day first', () => {
    expect(toDate('01/02/2024')?.toISOString()).toBe('2024-02-01T00:00:00.000Z')
    expect(toDate('29/02/2024')?.toISOString()).toBe('2024-02-29T00:00:00.000Z')
  })

  test('a Date is copied, not shared', () => {
    const d = utc(2020, 1, 1)
    const copy = toDate(d)!
    expect(copy).not.toBe(d)
    expect(copy.getTime()).toBe(d.getTime())
  })
})

describe('formatDate / formatMonthYear', () => {
  test('dd/mm/yyyy with leading zeros, in UTC', () => {
    expect(formatDate('2024-03-05T00:00:00.000Z')).toBe('05/03/2024')
    expect(formatDate(utc(1964, 11, 20))).toBe('20/11/1964')
    // 23:30 UTC is still the same UTC day even though it is the next day in Việt Nam
    expect(formatDate('2024-12-31T23:30:00.000Z')).toBe('31/12/2024')
  })

  test('empty values format as empty strings', () => {
    expect(formatDate(null)).toBe('')
    expect(formatDate(undefined)).toBe('')
    expect(formatDate('')).toBe('')
    expect(formatDate('garbage')).toBe('')
    expect(formatMonthYear(null)).toBe('')
  })

  test('mm/yyyy', () => {
    expect(formatMonthYear('2026-05-31')).toBe('05/2026')
    expect(formatMonthYear(utc(2027, 12, 1))).toBe('12/2027')
  })
})

describe('lastDayOfMonth', () => {
  test('handles month lengths and leap years', () => {
    expect(lastDayOfMonth(2024, 2).toISOString()).toBe('2024-02-29T00:00:00.000Z')
    expect(lastDayOfMonth(2023, 2).toISOString()).toBe('2023-02-28T00:00:00.000Z')
    expect(lastDayOfMonth(1900, 2).toISOString()).toBe('1900-02-28T00:00:00.000Z')
    expect(lastDayOfMonth(2000, 2).toISOString()).toBe('2000-02-29T00:00:00.000Z')
    expect(lastDayOfMonth(2026, 5).toISOString()).toBe('2026-05-31T00:00:00.000Z')
    expect(lastDayOfMonth(2026, 4).toISOString()).toBe('2026-04-30T00:00:00.000Z')
    expect(lastDayOfMonth(2026, 12).toISOString()).toBe('2026-12-31T00:00:00.000Z')
  })
})

describe('addMonths', () => {
  test('adds calendar months across years', () => {
    expect(addMonths(utc(2020, 11, 15), 3).toISOString()).toBe('2021-02-15T00:00:00.000Z')
    expect(addMonths(utc(2020, 1, 1), 36).toISOString()).toBe('2023-01-01T00:00:00.000Z')
    expect(addMonths(utc(2020, 3, 10), -3).toISOString()).toBe('2019-12-10T00:00:00.000Z')
    expect(addMonths(utc(2020, 3, 10), 0).toISOString()).toBe('2020-03-10T00:00:00.000Z')
  })

  test('clamps the day to the end of a shorter month', () => {
    expect(addMonths(utc(2023, 1, 31), 1).toISOString()).toBe('2023-02-28T00:00:00.000Z')
    expect(addMonths(utc(2024, 1, 31), 1).toISOString()).toBe('2024-02-29T00:00:00.000Z')
    expect(addMonths(utc(2024, 3, 31), 1).toISOString()).toBe('2024-04-30T00:00:00.000Z')
    expect(addMonths(utc(2024, 2, 29), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z')
  })

  test('does not mutate its argument and rejects fractional months', () => {
    const d = utc(2020, 1, 31)
    addMonths(d, 1)
    expect(d.toISOString()).toBe('2020-01-31T00:00:00.000Z')
    expect(() => addMonths(d, 1.5)).toThrow(RangeError)
  })
})

describe('monthsBetween / ageOn', () => {
  test('counts completed months only', () => {
    expect(monthsBetween('2020-01-15', '2020-02-14')).toBe(0)
    expect(monthsBetween('2020-01-15', '2020-02-15')).toBe(1)
    expect(monthsBetween('2020-01-15', '2023-01-15')).toBe(36)
    expect(monthsBetween('2020-01-15', '2023-01-14')).toBe(35)
    expect(monthsBetween('2020-01-15', '2020-01-15')).toBe(0)
  })

  test('a month ending on a shorter month end counts as completed', () => {
    expect(monthsBetween('2023-01-31', '2023-02-28')).toBe(1)
    expect(monthsBetween('2023-01-31', '2023-02-27')).toBe(0)
  })

  test('is negative when b is before a', () => {
    expect(monthsBetween('2023-01-15', '2020-01-15')).toBe(-36)
  })

  test('ignores the time of day', () => {
    expect(monthsBetween('2020-01-15T00:00:00Z', '2020-02-15T00:00:00Z')).toBe(1)
    expect(monthsBetween('2020-01-15T18:00:00Z', '2020-02-15T01:00:00Z')).toBe(1)
  })

  test('age in completed years and months', () => {
    expect(ageOn('1964-11-20', '2026-05-20')).toEqual({ years: 61, months: 6 })
    expect(ageOn('1964-11-20', '2026-05-19')).toEqual({ years: 61, months: 5 })
    expect(ageOn('2000-06-01', '2018-05-31')).toEqual({ years: 17, months: 11 })
    expect(ageOn('2000-06-01', '2018-06-01')).toEqual({ years: 18, months: 0 })
    expect(ageOn('2000-06-01', '1999-01-01')).toEqual({ years: 0, months: 0 })
  })

  test('throws on an invalid date', () => {
    expect(() => ageOn('garbage', '2020-01-01')).toThrow(RangeError)
    expect(() => monthsBetween(null, '2020-01-01')).toThrow(RangeError)
  })
})

describe('day helpers', () => {
  test('startOfUtcDay and daysBetween', () => {
    expect(startOfUtcDay(new Date('2024-03-15T18:45:00Z')).toISOString()).toBe('2024-03-15T00:00:00.000Z')
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2)
  })

  test('todayInVietnam switches to the next day at 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2024-03-15T16:59:59Z')).toISOString()).toBe('2024-03-15T00:00:00.000Z')
    expect(todayInVietnam(new Date('2024-03-15T17:00:00Z')).toISOString()).toBe('2024-03-16T00:00:00.000Z')
  })
})

describe('moments shown in Vietnamese time', () => {
  test('the calendar day and the time are those of Asia/Ho_Chi_Minh (UTC+07:00), dd/mm/yyyy first', () => {
    // 17:30 UTC on 30/11 is already 00:30 on 01/12 in Việt Nam.
    const late = new Date(Date.UTC(2026, 10, 30, 17, 30, 5))
    expect(formatDateTimeInVietnam(late)).toBe('01/12/2026 00:30:05')
    expect(formatDateInVietnam(late)).toBe('01/12/2026')
    expect(formatDateInVietnam('2026-11-30T16:59:59Z')).toBe('30/11/2026')
    expect(formatDateInVietnam(null)).toBe('')
  })
})
