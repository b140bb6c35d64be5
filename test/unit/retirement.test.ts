import { formatDate } from '../../src/domain/dates'
import {
  NGHI_DINH_135_2020,
  pensionStartDate,
  reachingRetirement,
  retirementAge,
  retirementDate,
  type RetirementRule,
} from '../../src/domain/retirement'

const ym = (months: number) => ({ years: Math.floor(months / 12), months: months % 12 })

// domain.md §7.1 table (NĐ 135/2020 Phụ lục I): [first birth month, last birth month, age in months]
const MEN: Array<[string, string, number]> = [
  ['1961-01', '1961-09', 60 * 12 + 3],
  ['1961-10', '1962-06', 60 * 12 + 6],
  ['1962-07', '1963-03', 60 * 12 + 9],
  ['1963-04', '1963-12', 61 * 12],
  ['1964-01', '1964-09', 61 * 12 + 3],
  ['1964-10', '1965-06', 61 * 12 + 6],
  ['1965-07', '1966-03', 61 * 12 + 9],
]
const WOMEN: Array<[string, string, number]> = [
  ['1966-01', '1966-08', 55 * 12 + 4],
  ['1966-09', '1967-04', 55 * 12 + 8],
  ['1967-05', '1967-12', 56 * 12],
  ['1968-01', '1968-08', 56 * 12 + 4],
  ['1968-09', '1969-04', 56 * 12 + 8],
  ['1969-05', '1969-12', 57 * 12],
  ['1970-01', '1970-08', 57 * 12 + 4],
  ['1970-09', '1971-04', 57 * 12 + 8],
  ['1971-05', '1971-12', 58 * 12],
  ['1972-01', '1972-08', 58 * 12 + 4],
  ['1972-09', '1973-04', 58 * 12 + 8],
  ['1973-05', '1973-12', 59 * 12],
  ['1974-01', '1974-08', 59 * 12 + 4],
  ['1974-09', '1975-04', 59 * 12 + 8],
]

describe('retirementAge: every cohort of NĐ 135/2020 Phụ lục I', () => {
  test.each(MEN)('men born %s … %s', (first, last, months) => {
    expect(retirementAge(`${first}-01`, 'male')).toEqual(ym(months))
    expect(retirementAge(`${last}-28`, 'male')).toEqual(ym(months))
  })

  test.each(WOMEN)('women born %s … %s', (first, last, months) => {
    expect(retirementAge(`${first}-01`, 'female')).toEqual(ym(months))
    expect(retirementAge(`${last}-28`, 'female')).toEqual(ym(months))
  })

  test('the cohort boundaries are exact', () => {
    expect(retirementAge('1961-09-30', 'male')).toEqual({ years: 60, months: 3 })
    expect(retirementAge('1961-10-01', 'male')).toEqual({ years: 60, months: 6 })
    expect(retirementAge('1966-08-31', 'female')).toEqual({ years: 55, months: 4 })
    expect(retirementAge('1966-09-01', 'female')).toEqual({ years: 55, months: 8 })
  })

  test('caps: men from 04/1966 → 62, women from 05/1975 → 60', () => {
    expect(retirementAge('1966-04-01', 'male')).toEqual({ years: 62, months: 0 })
    expect(retirementAge('1970-06-15', 'male')).toEqual({ years: 62, months: 0 })
    expect(retirementAge('1990-01-01', 'male')).toEqual({ years: 62, months: 0 })
    expect(retirementAge('1975-05-01', 'female')).toEqual({ years: 60, months: 0 })
    expect(retirementAge('1980-02-10', 'female')).toEqual({ years: 60, months: 0 })
  })

  test('before the first cohort: men 60, women 55', () => {
    expect(retirementAge('1960-06-15', 'male')).toEqual({ years: 60, months: 0 })
    expect(retirementAge('1960-12-31', 'male')).toEqual({ years: 60, months: 0 })
    expect(retirementAge('1965-12-31', 'female')).toEqual({ years: 55, months: 0 })
  })

  test('throws on an invalid birth date', () => {
    expect(() => retirementAge('', 'male')).toThrow(RangeError)
  })
})

describe('retirementDate / pensionStartDate', () => {
  test('worked example: nam 20/11/1964 → 61y6m → 31/05/2026', () => {
    expect(retirementAge('1964-11-20', 'male')).toEqual({ years: 61, months: 6 })
    expect(formatDate(retirementDate('1964-11-20', 'male'))).toBe('31/05/2026')
    expect(formatDate(pensionStartDate('1964-11-20', 'male'))).toBe('01/06/2026')
  })

  test('worked example: nữ 15/03/1970 → 57y4m → 31/07/2027', () => {
    expect(retirementAge('1970-03-15', 'female')).toEqual({ years: 57, months: 4 })
    expect(formatDate(retirementDate('1970-03-15', 'female'))).toBe('31/07/2027')
    expect(formatDate(pensionStartDate('1970-03-15', 'female'))).toBe('01/08/2027')
  })

  test('retirement date is a UTC-midnight last day of month, leap February included', () => {
    // born 31/05/1966 (man, 62y) → May 2028; born 29/02/1980 (woman, 60y) → February 2040 (leap)
    expect(retirementDate('1966-05-31', 'male').toISOString()).toBe('2028-05-31T00:00:00.000Z')
    expect(retirementDate('1980-02-29', 'female').toISOString()).toBe('2040-02-29T00:00:00.000Z')
    expect(formatDate(pensionStartDate('1980-02-29', 'female'))).toBe('01/03/2040')
  })

  test('a year-end retirement rolls the pension into January', () => {
    // born 15/12/1970 man → 62y → December 2032
    expect(formatDate(retirementDate('1970-12-15', 'male'))).toBe('31/12/2032')
    expect(formatDate(pensionStartDate('1970-12-15', 'male'))).toBe('01/01/2033')
  })

  test('first cohort: man born 01/1961 retired 30/04/2021', () => {
    expect(formatDate(retirementDate('1961-01-10', 'male'))).toBe('30/04/2021')
  })

  test('the schedule is data: a replacement rule is honoured', () => {
    const rule: RetirementRule = {
      ...NGHI_DINH_135_2020,
      source: 'test',
      male: { ...NGHI_DINH_135_2020.male, capMonths: 730 },
    }
    expect(retirementAge('1970-01-01', 'male', rule)).toEqual({ years: 60, months: 10 })
  })
})

describe('reachingRetirement', () => {
  const people = [
    { id: 'a', birthDate: '1970-03-15', gender: 'female' as const }, // 31/07/2027
    { id: 'b', birthDate: '1964-11-20', gender: 'male' as const }, // 31/05/2026
    { id: 'c', birthDate: '1980-01-01', gender: 'male' as const }, // 31/01/2042
    { id: 'd', birthDate: null, gender: 'male' as const },
    { id: 'e', birthDate: '1964-12-01', gender: null },
    { id: 'f', birthDate: '1964-10-05', gender: 'male' as const }, // 61y6m → 30/04/2026
  ]

  test('filters to the window, sorted by date, with the date attached', () => {
    const result = reachingRetirement(people, new Date('2026-01-01T00:00:00Z'), new Date('2027-12-31T00:00:00Z'))
    expect(result.map((p) => p.id)).toEqual(['f', 'b', 'a'])
    expect(result.map((p) => formatDate(p.retirementDate))).toEqual(['30/04/2026', '31/05/2026', '31/07/2027'])
    expect(result[0]).toMatchObject({ id: 'f', birthDate: '1964-10-05', gender: 'male' })
  })

  test('the window is inclusive on both ends', () => {
    const result = reachingRetirement(people, new Date('2026-05-31T00:00:00Z'), new Date('2026-05-31T00:00:00Z'))
    expect(result.map((p) => p.id)).toEqual(['b'])
    const later = reachingRetirement(people, new Date('2026-05-31T12:00:00Z'), new Date('2027-07-31T23:59:00Z'))
    expect(later.map((p) => p.id)).toEqual(['b', 'a'])
  })

  test('empty window → empty list', () => {
    expect(reachingRetirement(people, new Date('2030-01-01'), new Date('2030-12-31'))).toEqual([])
  })
})
