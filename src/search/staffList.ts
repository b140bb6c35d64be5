import type { Pool } from 'pg'

import type { Scope } from '../domain/access'
import { LEFT_STATUSES, WORKING_STATUSES } from '../domain/lifecycle'
import { ageBandBirthRange, retiringBirthRanges, type StaffListFilter } from '../domain/staffListFilter'
import { pagination, type ListSort, type StaffListQuery } from '../domain/staffListQuery'
import { subtreePattern } from '../domain/unitTree'
import { inScopeSql, LIST_ROW_COLUMNS, listRow, type ListRowColumns, type StaffListRow } from './staffSearch'

/** Vietnamese order by name (sort_name: tên, then họ đệm, ICU "vi" collation); id breaks ties so pages never overlap. */
const ORDER: Record<ListSort, string> = {
  name: 's.sort_name, s.id',
  '-name': 's.sort_name DESC, s.id DESC',
  staffCode: 's.staff_code, s.id',
  '-staffCode': 's.staff_code DESC, s.id DESC',
  birthDate: 's.birth_date, s.id',
  '-birthDate': 's.birth_date DESC, s.id DESC',
}

/**
 * The WHERE clause of a filter within a read scope, with its parameters. The same conditions as the list
 * view's `where` (staffListFilter.filterConditions), written for PostgreSQL directly: the unit subtree and
 * the scope use the indexes on unit_path.
 */
export function listWhere(
  filter: StaffListFilter,
  scope: Exclude<Scope, { kind: 'none' }>,
  today: Date,
  unitPath?: string | null,
): { sql: string; params: unknown[] } {
  const params: unknown[] = []
  const p = (v: unknown) => `$${params.push(v)}`
  const and: string[] = []
  if (scope.kind === 'some') and.push(inScopeSql(scope, p))
  // With the unit's own path the subtree is a prefix range (btree, exact estimates); without it, '%.id.%' (trigram).
  if (filter.unitId != null) and.push(`s.unit_path LIKE ${p(unitPath ? `${unitPath}%` : subtreePattern(filter.unitId))}`)
  if (filter.rankId != null) and.push(`s.rank_id = ${p(filter.rankId)}`)
  if (filter.position) and.push(`s.position = ${p(filter.position)}`)
  if (filter.gender) and.push(`s.gender = ${p(filter.gender)}`)
  if (filter.ageBand === 'retiring-12m') {
    const ranges = retiringBirthRanges(today)
    and.push(ranges.length ? `(${ranges.map((r) => `(s.gender = ${p(r.gender)} AND s.birth_date BETWEEN ${p(r.from)} AND ${p(r.to)})`).join(' OR ')})` : 'false')
  } else if (filter.ageBand) {
    const r = ageBandBirthRange(filter.ageBand, today)
    if (r.after) and.push(`s.birth_date > ${p(r.after)}`)
    if (r.onOrBefore) and.push(`s.birth_date <= ${p(r.onOrBefore)}`)
  }
  if (filter.partyMember !== undefined) and.push(`s.party_join_date IS ${filter.partyMember ? 'NOT ' : ''}NULL`)
  // People who work here, or with archived=true "Hồ sơ đã nghỉ" (src/domain/lifecycle.ts); read scope still applies.
  and.push(`s.employment_status::text = ANY(${p(filter.archived ? [...LEFT_STATUSES] : [...WORKING_STATUSES])})`)
  return { sql: and.length ? `WHERE ${and.join(' AND ')}` : '', params }
}

export interface StaffListPage extends ReturnType<typeof pagination> {
  docs: StaffListRow[]
  /** True when the total is the planner's estimate: a result over EXACT_TOTAL_UP_TO records is not counted one by one. */
  totalIsEstimate: boolean
}

/** Totals are exact up to here; above, an estimate (a ministry's whole list at national scale is ~10⁶ rows). */
export const EXACT_TOTAL_UP_TO = 10_000

/**
 * One page of the staff list within the caller's read scope, and the total, in Payload's paginated shape. The
 * page's ids come first from the order index, which carries unit_path (an index-only scan for a subtree), then
 * their columns; the total is counted up to EXACT_TOTAL_UP_TO and estimated above, so neither grows with the
 * size of the subtree. The caller checks that the filter's items are ones it may filter on (party membership is
 * sensitive).
 */
export async function listStaff(pool: Pool, query: StaffListQuery, scope: Scope, today = new Date()): Promise<StaffListPage> {
  const { page, limit } = query
  if (scope.kind === 'none') return { docs: [], ...pagination(0, page, limit), totalIsEstimate: false }
  let unitPath: string | null = null
  if (query.filter.unitId != null) {
    const { rows } = await pool.query<{ path: string | null }>('SELECT path FROM units WHERE id = $1', [query.filter.unitId])
    if (!rows[0]?.path) return { docs: [], ...pagination(0, page, limit), totalIsEstimate: false }
    unitPath = rows[0].path
  }
  const where = listWhere(query.filter, scope, today, unitPath)
  const n = where.params.length
  const [rows, total] = await Promise.all([
    pool.query<ListRowColumns>(
      `WITH page AS (SELECT s.id FROM staff s ${where.sql} ORDER BY ${ORDER[query.sort]} LIMIT $${n + 1} OFFSET $${n + 2})
       SELECT ${LIST_ROW_COLUMNS} FROM page JOIN staff s ON s.id = page.id ORDER BY ${ORDER[query.sort]}`,
      [...where.params, limit, (page - 1) * limit],
    ),
    countUpTo(pool, where),
  ])
  return { docs: rows.rows.map(listRow), ...pagination(total.n, page, limit), totalIsEstimate: total.estimate }
}

async function countUpTo(pool: Pool, where: { sql: string; params: unknown[] }): Promise<{ n: number; estimate: boolean }> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM staff s ${where.sql} LIMIT ${EXACT_TOTAL_UP_TO + 1}) t`,
    where.params,
  )
  const counted = Number(rows[0]!.n)
  if (counted <= EXACT_TOTAL_UP_TO) return { n: counted, estimate: false }
  const plan = await pool.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM staff s ${where.sql}`, where.params)
  return { n: Math.max(counted, Math.round(plan.rows[0]!['QUERY PLAN'][0]!.Plan['Plan Rows'])), estimate: true }
}

/**
 * Every id of the list (the same filter, scope and order as listStaff, unpaginated): what the Excel export writes
 * (issue 22). Ids only — the export loads the records batch by batch.
 */
export async function listStaffIds(pool: Pool, query: StaffListQuery, scope: Scope, today = new Date()): Promise<number[]> {
  if (scope.kind === 'none') return []
  let unitPath: string | null = null
  if (query.filter.unitId != null) {
    const { rows } = await pool.query<{ path: string | null }>('SELECT path FROM units WHERE id = $1', [query.filter.unitId])
    if (!rows[0]?.path) return []
    unitPath = rows[0].path
  }
  const where = listWhere(query.filter, scope, today, unitPath)
  const { rows } = await pool.query<{ id: number }>(`SELECT s.id FROM staff s ${where.sql} ORDER BY ${ORDER[query.sort]}`, where.params)
  return rows.map((r) => r.id)
}
