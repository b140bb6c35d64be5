import { formatCoefficient, formatMoney } from '../../src/domain/money'
import { BASE_SALARY, baseSalaryOn, baseSalaryRowOn } from '../../src/domain/reference/baseSalary'
import { coefficientFor } from '../../src/domain/reference/ranks'

describe('formatMoney', () => {
  test.each([
    [2_340_000, '2.340.000 đồng'],
    [1_800_000, '1.800.000 đồng'],
    [0, '0 đồng'],
    [999, '999 đồng'],
    [1_000, '1.000 đồng'],
    [12_345_678_901, '12.345.678.901 đồng'],
    [-5_310_000, '-5.310.000 đồng'],
    [6_247_799.999999, '6.247.800 đồng'],
    [-0.4, '0 đồng'],
  ])('%p → %s', (amount, text) => {
    expect(formatMoney(amount)).toBe(text)
  })

  test('rejects non-finite amounts', () => {
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError)
    expect(() => formatMoney(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe('formatCoefficient', () => {
  test.each([
    [2.3, '2,30'],
    [2.34, '2,34'],
    [8, '8,00'],
    [0, '0,00'],
    [2.675, '2,68'],
    [4.005, '4,01'],
    [1.004, '1,00'],
    [-1.5, '-1,50'],
  ])('%p → %s', (x, text) => {
    expect(formatCoefficient(x)).toBe(text)
  })

  test('rejects non-finite values', () => {
    expect(() => formatCoefficient(Number.NaN)).toThrow(RangeError)
  })
})

describe('lương cơ sở (§7.4)', () => {
  test('rows are sourced and ascending', () => {
    expect(BASE_SALARY.map((r) => r.from)).toEqual(['2023-07-01', '2024-07-01'])
    for (const r of BASE_SALARY) expect(r.source).toMatch(/^NĐ \d+\/\d{4}\/NĐ-CP/)
  })

  test.each([
    ['2023-06-30', null],
    ['2023-07-01', 1_800_000],
    ['2024-06-30', 1_800_000],
    ['2024-07-01', 2_340_000],
    ['2026-01-01', 2_340_000],
    ['15/08/2024', 2_340_000],
  ])('on %s → %p', (date, amount) => {
    expect(baseSalaryOn(date)).toBe(amount)
  })

  test('accepts stored UTC-midnight Dates and rejects invalid input', () => {
    expect(baseSalaryOn(new Date(Date.UTC(2024, 6, 1)))).toBe(2_340_000)
    expect(baseSalaryOn(new Date(Date.UTC(2024, 5, 30)))).toBe(1_800_000)
    expect(baseSalaryOn('not a date')).toBeNull()
    expect(baseSalaryOn(null)).toBeNull()
  })

  test('the row in force carries its legal source', () => {
    expect(baseSalaryRowOn('2024-07-01')?.source).toBe('NĐ 73/2024/NĐ-CP Điều 3')
  })

  test('a caller-supplied table is used instead of the default', () => {
    const rows = [...BASE_SALARY, { from: '2026-07-01', amount: 9_999_000, source: 'test' }]
    expect(baseSalaryOn('2026-07-01', rows)).toBe(9_999_000)
    expect(baseSalaryOn('2026-07-01')).toBe(2_340_000)
  })

  test('salary = hệ số × lương cơ sở, formatted once', () => {
    const coefficient = coefficientFor('01.003', 2)!
    expect(formatCoefficient(coefficient)).toBe('2,67')
    expect(formatMoney(coefficient * baseSalaryOn('2024-07-01')!)).toBe('6.247.800 đồng')
  })
})
