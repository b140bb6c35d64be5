/**
 * `npm run bench -- reports [--staff N] [--iterations N]`: the BM01-layout report (so-luong-chat-luong-cong-chuc)
 * for the whole ministry at today's date and three years ago (one SQL query each, src/reports/run.ts), a
 * drill-down of one department's party-member cell, and the Excel export (run + workbook). Measured in process on
 * the service functions (no HTTP, no sign-in, no audit write: the report endpoints add those).
 */
import type { Pool } from 'pg'

import { todayInVietnam } from '../src/domain/dates'
import { allowedGroups, SHIPPED_DEFINITIONS } from '../src/domain/reports'
import { peopleInCell, runReport } from '../src/reports/run'
import { reportWorkbook } from '../src/reports/xlsx'
import { stats, time } from './run'

export async function benchReports(pool: Pool, iterations: number) {
  const def = SHIPPED_DEFINITIONS[0]!
  const roots = (await pool.query<{ id: number }>('SELECT id FROM units WHERE parent_id IS NULL')).rows.map((r) => r.id)
  const today = todayInVietnam(new Date())
  const past = new Date(Date.UTC(today.getUTCFullYear() - 3, 5, 30))
  const allowed = allowedGroups(true)
  const run = (date: Date) => runReport(pool, def, { date, rootUnitIds: roots, allowed })
  // The department (level 1) with the most people: the drill-down's row.
  const first = await run(today)
  const dept = first.rows.filter((r) => r.level === 1).sort((a, b) => b.cells['tong-so']! - a.cells['tong-so']!)[0]!
  const drill = () => peopleInCell(pool, def, { date: today, rowUnitId: dept.unit.id, col: 'dang-vien', allowed, readable: () => 'true' })
  const excel = async () => reportWorkbook(await run(today))
  for (let i = 0; i < 2; i++) await Promise.all([run(today), drill(), excel()])
  const samples = { reportToday: [] as number[], reportPast: [] as number[], drillDown: [] as number[], excel: [] as number[] }
  let drillSize = 0
  let xlsxBytes = 0
  for (let i = 0; i < iterations; i++) {
    samples.reportToday.push(await time(() => run(today)))
    samples.reportPast.push(await time(() => run(past)))
    samples.drillDown.push(await time(async () => void (drillSize = (await drill()).total)))
    samples.excel.push(await time(async () => void (xlsxBytes = (await excel()).length)))
  }
  return {
    report: def.code,
    people: first.totals['tong-so'],
    rows: first.rows.length,
    columns: first.leaves.length,
    drillDown: { unit: dept.unit.name, column: 'dang-vien', people: drillSize },
    xlsxBytes,
    reportToday: stats(samples.reportToday),
    reportThreeYearsAgo: stats(samples.reportPast),
    drillDownMs: stats(samples.drillDown),
    excelMs: stats(samples.excel),
  }
}
