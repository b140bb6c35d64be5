// Normal retirement age: Bộ luật Lao động 2019 Điều 169 + Nghị định 135/2020/NĐ-CP (from 01/01/2021).
// Phụ lục I of NĐ 135/2020 assigns the age by BIRTH MONTH: men 60y3m for births 01–09/1961, then +3 months
// per 9-month cohort up to 62y; women 55y4m for births 01–08/1966, then +4 months per 8-month cohort up to
// 60y (domain.md §7.1). The schedule is passed in as data (domain.md §0: anything a decree can change is data);
// NGHI_DINH_135_2020 is the default. Not modelled: early retirement (Phụ lục II), late retirement, armed forces
// → callers apply a manual override with its legal basis.

import { lastDayOfMonth, toDate, type DateInput } from './dates'

export type Gender = 'male' | 'female'

/** One gender's schedule. k = months from the first cohort's birth month (January of baseYear). */
export interface RetirementSchedule {
  /** Birth year of the first cohort (its January is k = 0). */
  baseYear: number
  /** Age in months for births before the first cohort (the pre-2021 age, BLLĐ 2012). */
  beforeBaseMonths: number
  /** Age in months for the first cohort. */
  startMonths: number
  /** Birth months per cohort. */
  cohortLength: number
  /** Months added per cohort. */
  stepMonths: number
  /** Final age in months (the 2028 / 2035 target). */
  capMonths: number
}

export interface RetirementRule {
  source: string
  male: RetirementSchedule
  female: RetirementSchedule
}

export const NGHI_DINH_135_2020: RetirementRule = {
  source: 'Nghị định 135/2020/NĐ-CP, Phụ lục I; Bộ luật Lao động 2019 Điều 169',
  // men:   k = (year−1961)·12 + (month−1); k<0 → 720; else min(723 + 3·floor(k/9), 744)
  male: { baseYear: 1961, beforeBaseMonths: 720, startMonths: 723, cohortLength: 9, stepMonths: 3, capMonths: 744 },
  // women: k = (year−1966)·12 + (month−1); k<0 → 660; else min(664 + 4·floor(k/8), 720)
  female: { baseYear: 1966, beforeBaseMonths: 660, startMonths: 664, cohortLength: 8, stepMonths: 4, capMonths: 720 },
}

function requireBirth(birthDate: DateInput): Date {
  const d = toDate(birthDate)
  if (!d) throw new RangeError(`retirement: invalid or empty birth date ${String(birthDate)}`)
  return d
}

function ageInMonths(birth: Date, gender: Gender, rule: RetirementRule): number {
  const s = gender === 'male' ? rule.male : rule.female
  const k = (birth.getUTCFullYear() - s.baseYear) * 12 + birth.getUTCMonth()
  if (k < 0) return s.beforeBaseMonths
  return Math.min(s.startMonths + s.stepMonths * Math.floor(k / s.cohortLength), s.capMonths)
}

/** Normal retirement age for a birth date (only the birth year and month matter). */
export function retirementAge(
  birthDate: DateInput,
  gender: Gender,
  rule: RetirementRule = NGHI_DINH_135_2020,
): { years: number; months: number } {
  const total = ageInMonths(requireBirth(birthDate), gender, rule)
  return { years: Math.floor(total / 12), months: total % 12 }
}

/**
 * Retirement date: the last day of the month in which the retirement age is reached (the person retires at
 * the end of that day). Computed on year/month only, so a birth on the 31st never shifts the month.
 * e.g. nam 20/11/1964 → 61y6m → 31/05/2026; nữ 15/03/1970 → 57y4m → 31/07/2027.
 */
export function retirementDate(birthDate: DateInput, gender: Gender, rule: RetirementRule = NGHI_DINH_135_2020): Date {
  const birth = requireBirth(birthDate)
  const monthIndex = birth.getUTCFullYear() * 12 + birth.getUTCMonth() + ageInMonths(birth, gender, rule)
  const year = Math.floor(monthIndex / 12)
  return lastDayOfMonth(year, monthIndex - year * 12 + 1)
}

/** Pension starts on the first day of the month after the retirement date. */
export function pensionStartDate(birthDate: DateInput, gender: Gender, rule: RetirementRule = NGHI_DINH_135_2020): Date {
  const last = retirementDate(birthDate, gender, rule)
  return new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1))
}

/**
 * People whose retirement date falls in [from, to] (inclusive, compared on the UTC day), sorted by that date
 * ("đến hạn nghỉ hưu" alerts; the agency decides). People without a valid birth date or gender are skipped.
 * The sort is stable, so ties keep their input order.
 */
export function reachingRetirement<T extends { birthDate?: DateInput; gender?: Gender | null }>(
  people: T[],
  from: Date,
  to: Date,
  rule: RetirementRule = NGHI_DINH_135_2020,
): Array<T & { retirementDate: Date }> {
  const lo = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate())
  const hi = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate())
  const out: Array<T & { retirementDate: Date }> = []
  for (const p of people) {
    if ((p.gender !== 'male' && p.gender !== 'female') || !toDate(p.birthDate)) continue
    const date = retirementDate(p.birthDate, p.gender, rule)
    if (date.getTime() >= lo && date.getTime() <= hi) out.push({ ...p, retirementDate: date })
  }
  return out.sort((a, b) => a.retirementDate.getTime() - b.retirementDate.getTime())
}

/**
 * The first day of the earliest birth month whose people have NOT yet passed their retirement date on `on`: people
 * born before it (of that gender) are past retirement on that day (retirementDate < on). The retirement date only
 * grows with the birth month, so one date per gender answers "past retirement on D" for a whole table by a
 * comparison (reports, src/reports/snapshotSql.ts) instead of the rule per row.
 */
export function pastRetirementBirthCutoff(on: Date, gender: Gender, rule: RetirementRule = NGHI_DINH_135_2020): Date {
  const target = on.getTime()
  // Birth months as an index (year·12 + month0); search the last month that is past retirement.
  let lo = (on.getUTCFullYear() - 100) * 12
  let hi = on.getUTCFullYear() * 12 + on.getUTCMonth()
  const past = (m: number) => retirementDate(new Date(Date.UTC(Math.floor(m / 12), m % 12, 1)), gender, rule).getTime() < target
  if (!past(lo)) return new Date(Date.UTC(Math.floor(lo / 12), lo % 12, 1))
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (past(mid)) lo = mid
    else hi = mid
  }
  const first = past(hi) ? hi + 1 : hi
  return new Date(Date.UTC(Math.floor(first / 12), first % 12, 1))
}
