import { hungKingsDay, leapMonthOf, lunarNewYear, solarToLunar } from '../../scripts/lunar-calendar'
import { lunarTableSource } from '../../scripts/generate-lunar-table'
import { LUNAR_TABLE } from '../../src/domain/calendar'
import fs from 'node:fs'
import path from 'node:path'

describe('the committed lunar table (src/domain/calendar/lunarTable.ts)', () => {
  test('is exactly what scripts/generate-lunar-table.ts writes', () => {
    const committed = fs.readFileSync(path.resolve('src/domain/calendar/lunarTable.ts'), 'utf8')
    expect(committed).toBe(lunarTableSource())
  })

  test('covers 2000–2050', () => {
    expect(Object.keys(LUNAR_TABLE).map(Number)).toEqual(Array.from({ length: 51 }, (_, i) => 2000 + i))
  })

  // Published dates: the government's holiday notices print the lunar day beside the solar one.
  test.each([
    // "nghỉ Tết Âm lịch năm 2020 … từ thứ Năm ngày 23/1/2020 đến hết thứ Tư ngày 29/1/2020 (tức từ ngày 29 tháng Chạp năm Kỷ Hợi đến hết ngày mùng 5 tháng Giêng năm Canh Tý)"
    [2020, '2020-01-25'],
    // "từ thứ Năm ngày 8-2-2024 (tức ngày 29 tháng Chạp năm Quý Mão) đến hết thứ Tư ngày 14-2-2024 (tức ngày mồng 5 tháng Giêng năm Giáp Thìn)"
    [2024, '2024-02-10'],
    // Tết Ất Tỵ: Wednesday 29/01/2025 (Thông báo 6150/TB-BLĐTBXH: nghỉ 25/01–02/02/2025)
    [2025, '2025-01-29'],
    // "từ thứ Bảy 14/2/2026 (tức 27 tháng Chạp, năm Ất Tỵ) đến hết Chủ nhật 22/2/2026 (tức mùng 6 tháng Giêng, năm Bính Ngọ)"
    [2026, '2026-02-17'],
  ])('Tết %i is %s', (year, date) => {
    expect(LUNAR_TABLE[year].tet).toBe(date)
  })

  test.each([
    // "Giỗ Tổ Hùng Vương (10/3 Âm lịch) rơi vào ngày 29/4 Dương lịch" (2023, a year with a leap 2nd month)
    [2023, '2023-04-29'],
    // "Giỗ Tổ Hùng Vương năm 2024, người lao động được nghỉ ngày 18/4" (chinhphu.vn)
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    // Sunday 26/04/2026: nghỉ bù on Monday 27/04
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, date) => {
    expect(LUNAR_TABLE[year].hungKings).toBe(date)
  })

  test('the press dates of the lunar days around Tết 2024–2026 agree with the algorithm', () => {
    expect(solarToLunar(8, 2, 2024, 7)).toEqual({ day: 29, month: 12, year: 2023, leap: false })
    expect(solarToLunar(14, 2, 2024, 7)).toEqual({ day: 5, month: 1, year: 2024, leap: false })
    expect(solarToLunar(14, 2, 2026, 7)).toEqual({ day: 27, month: 12, year: 2025, leap: false })
    expect(solarToLunar(22, 2, 2026, 7)).toEqual({ day: 6, month: 1, year: 2026, leap: false })
  })

  test('UTC+7 is what makes it the Vietnamese calendar: Tết 1985 and 2007 differ from the Chinese one (UTC+8)', () => {
    expect(lunarNewYear(1985, 7)).toBe('1985-01-21')
    expect(lunarNewYear(1985, 8)).toBe('1985-02-20')
    expect(lunarNewYear(2007, 7)).toBe('2007-02-17')
    expect(lunarNewYear(2007, 8)).toBe('2007-02-18')
    expect(hungKingsDay(2007)).toBe('2007-04-26')
  })

  test('leap months of recent years (2020 nhuận tháng 4, 2023 tháng 2, 2025 tháng 6) are found, and Giỗ Tổ never takes a leap 3rd month', () => {
    expect(leapMonthOf(2020, 7)).toBe(4)
    expect(leapMonthOf(2023, 7)).toBe(2)
    expect(leapMonthOf(2025, 7)).toBe(6)
    expect(leapMonthOf(2024, 7)).toBeNull()
    const withLeap3 = Object.entries(LUNAR_TABLE).filter(([, r]) => r.leapMonth === 3)
    expect(withLeap3.length).toBeGreaterThan(0)
    for (const [year, row] of withLeap3) {
      const [y, m, d] = row.hungKings.split('-').map(Number)
      expect(solarToLunar(d, m, y, 7)).toEqual({ day: 10, month: 3, year: Number(year), leap: false })
    }
  })
})
