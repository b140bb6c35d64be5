// Lương cơ sở (base salary), dated (domain.md §7.4). Salary = hệ số × lương cơ sở. Not lương tối thiểu vùng.
// Pure data + lookup: a new decree adds a row here (or the caller passes its own dated, sourced table).

import { toDate, type DateInput } from '../dates'

export interface BaseSalaryRow {
  /** First day the amount applies (ISO yyyy-mm-dd); it applies until the next row's `from`. */
  from: string
  /** đồng/tháng */
  amount: number
  /** The legal text. */
  source: string
}

/** Rows in ascending `from` order. Later amounts: UNCERTAIN, add a row when a decree is issued. */
export const BASE_SALARY: readonly BaseSalaryRow[] = Object.freeze([
  Object.freeze({ from: '2023-07-01', amount: 1_800_000, source: 'NĐ 24/2023/NĐ-CP' }),
  Object.freeze({ from: '2024-07-01', amount: 2_340_000, source: 'NĐ 73/2024/NĐ-CP Điều 3' }),
])

function isoDay(d: Date): string {
  // Stored dates are UTC-midnight (see dates.ts), so the UTC calendar day is the date meant.
  return d.toISOString().slice(0, 10)
}

/**
 * The row in force on a day: the last row whose `from` is on or before it. Null for an empty/invalid date
 * or a day before the first row (the table does not go back that far).
 */
export function baseSalaryRowOn(date: DateInput, rows: readonly BaseSalaryRow[] = BASE_SALARY): BaseSalaryRow | null {
  const d = toDate(date)
  if (!d) return null
  const day = isoDay(d)
  let found: BaseSalaryRow | null = null
  for (const row of rows) if (row.from <= day && (!found || row.from > found.from)) found = row
  return found
}

/** Lương cơ sở (đồng/tháng) in force on a day; null when unknown (see baseSalaryRowOn). */
export function baseSalaryOn(date: DateInput, rows: readonly BaseSalaryRow[] = BASE_SALARY): number | null {
  return baseSalaryRowOn(date, rows)?.amount ?? null
}
