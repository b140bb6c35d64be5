/**
 * The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm ("Thuật toán tính âm
 * lịch", built on the astronomical formulas of Jean Meeus, "Astronomical Algorithms", 1998): a lunar month
 * starts on the local day of the new moon; month 11 holds the winter solstice; in a year with 13 months the
 * leap month is the first one holding no major solar term. Computed for a time zone: Việt Nam uses UTC+7,
 * China UTC+8, which is why the two calendars disagree in some years (Tết 1985, 2007).
 *
 * Used only to generate the committed table src/domain/calendar/lunarTable.ts (scripts/generate-lunar-table.ts);
 * the application never computes the lunar calendar at run time.
 */

const PI = Math.PI
const INT = Math.floor

/** Julian day number of a Gregorian date (Julian calendar before 15/10/1582). */
export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12)
  const y = yy + 4800 - a
  const m = mm + 12 * a - 3
  let jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045
  if (jd < 2299161) jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - 32083
  return jd
}

/** The Gregorian date of a Julian day number, [day, month, year]. */
export function jdToDate(jd: number): [number, number, number] {
  let a: number, b: number, c: number
  if (jd > 2299160) {
    a = jd + 32044
    b = INT((4 * a + 3) / 146097)
    c = a - INT((b * 146097) / 4)
  } else {
    b = 0
    c = jd + 32082
  }
  const d = INT((4 * c + 3) / 1461)
  const e = c - INT((1461 * d) / 4)
  const m = INT((5 * e + 2) / 153)
  const day = e - INT((153 * m + 2) / 5) + 1
  const month = m + 3 - 12 * INT(m / 10)
  const year = b * 100 + d - 4800 + INT(m / 10)
  return [day, month, year]
}

/** Local day (Julian day number) of the k-th new moon after 1900-01-01 in the given time zone. */
export function newMoonDay(k: number, timeZone: number): number {
  const T = k / 1236.85
  const T2 = T * T
  const T3 = T2 * T
  const dr = PI / 180
  let Jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
  Jd1 = Jd1 + 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr)
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M)
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr)
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr)
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr))
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M))
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr))
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M))
  const deltat =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2
  const JdNew = Jd1 + C1 - deltat
  return INT(JdNew + 0.5 + timeZone / 24)
}

/** The sun's longitude at local midnight of a day, as one of 12 sectors of 30° (0 = [0°, 30°) …). */
export function sunLongitudeSector(jdn: number, timeZone: number): number {
  const T = (jdn - 2451545.5 - timeZone / 24) / 36525
  const T2 = T * T
  const dr = PI / 180
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M)
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M)
  let L = (L0 + DL) * dr
  L = L - PI * 2 * INT(L / (PI * 2))
  return INT((L / PI) * 6)
}

/** First day of lunar month 11 (the month of the winter solstice) of a Gregorian year. */
export function lunarMonth11(yy: number, timeZone: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021
  const k = INT(off / 29.530588853)
  let nm = newMoonDay(k, timeZone)
  if (sunLongitudeSector(nm, timeZone) >= 9) nm = newMoonDay(k - 1, timeZone)
  return nm
}

/** Offset, counted from month 11, of the leap month in a 13-month lunar year starting at month 11 `a11`. */
export function leapMonthOffset(a11: number, timeZone: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5)
  let last = 0
  let i = 1
  let arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone)
  do {
    last = arc
    i++
    arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone)
  } while (arc !== last && i < 14)
  return i - 1
}

export interface LunarDate {
  day: number
  month: number
  year: number
  leap: boolean
}

/** The lunar date of a Gregorian date. */
export function solarToLunar(dd: number, mm: number, yy: number, timeZone: number): LunarDate {
  const dayNumber = jdFromDate(dd, mm, yy)
  const k = INT((dayNumber - 2415021.076998695) / 29.530588853)
  let monthStart = newMoonDay(k + 1, timeZone)
  if (monthStart > dayNumber) monthStart = newMoonDay(k, timeZone)
  let a11 = lunarMonth11(yy, timeZone)
  let b11 = a11
  let lunarYear: number
  if (a11 >= monthStart) {
    lunarYear = yy
    a11 = lunarMonth11(yy - 1, timeZone)
  } else {
    lunarYear = yy + 1
    b11 = lunarMonth11(yy + 1, timeZone)
  }
  const lunarDay = dayNumber - monthStart + 1
  const diff = INT((monthStart - a11) / 29)
  let leap = false
  let lunarMonth = diff + 11
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone)
    if (diff >= leapDiff) {
      lunarMonth = diff + 10
      if (diff === leapDiff) leap = true
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap }
}

/** The Gregorian date [day, month, year] of a lunar date; null when that leap month does not exist. */
export function lunarToSolar(lunar: LunarDate, timeZone: number): [number, number, number] | null {
  let a11: number, b11: number
  if (lunar.month < 11) {
    a11 = lunarMonth11(lunar.year - 1, timeZone)
    b11 = lunarMonth11(lunar.year, timeZone)
  } else {
    a11 = lunarMonth11(lunar.year, timeZone)
    b11 = lunarMonth11(lunar.year + 1, timeZone)
  }
  let off = lunar.month - 11
  if (off < 0) off += 12
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone)
    let leapMonth = leapOff - 2
    if (leapMonth < 0) leapMonth += 12
    if (lunar.leap && lunar.month !== leapMonth) return null
    if (lunar.leap || off >= leapOff) off += 1
  } else if (lunar.leap) return null
  const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853)
  const monthStart = newMoonDay(k + off, timeZone)
  return jdToDate(monthStart + lunar.day - 1)
}

/** The leap month (1–12) of a lunar year, or null when it has 12 months. */
export function leapMonthOf(lunarYear: number, timeZone: number): number | null {
  for (let month = 1; month <= 12; month++) if (lunarToSolar({ day: 1, month, year: lunarYear, leap: true }, timeZone)) return month
  return null
}

const pad = (n: number) => String(n).padStart(2, '0')
/** [d, m, y] → 'YYYY-MM-DD'. */
export const isoOf = ([d, m, y]: [number, number, number]) => `${y}-${pad(m)}-${pad(d)}`

/** The Vietnamese lunar New Year (mùng 1 tháng Giêng) of a lunar year, as 'YYYY-MM-DD'. */
export function lunarNewYear(year: number, timeZone = 7): string {
  return isoOf(lunarToSolar({ day: 1, month: 1, year, leap: false }, timeZone)!)
}

/** Giỗ Tổ Hùng Vương, 10 tháng 3 âm lịch (the regular month 3, never a leap one), as 'YYYY-MM-DD'. */
export function hungKingsDay(year: number, timeZone = 7): string {
  return isoOf(lunarToSolar({ day: 10, month: 3, year, leap: false }, timeZone)!)
}
