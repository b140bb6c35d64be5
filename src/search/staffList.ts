import type { Pool } from 'pg'

import type { Scope } from '../domain/access'
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
 * the scope use the trigram index on unit_path, like Payload's `like` does.
 */
export function listWhere(filter: StaffListFilter, scope: Exclude<Scope, { kind: 'none' }>, today: Date): { sql: string; params: unknown[] } {
  const params: unknown[] = []
  const p = (v: unknown) => `$${params.push(v)}`
  const and: string[] = []
  if (scope.kind === 'some') and.push(inScopeSql(scope, p))
  if (filter.unitId != null) and.push(`s.unit_path LIKE ${p(subtreePattern(filter.unitId))}`)
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
  return { sql: and.length ? `WHERE ${and.join(' AND ')}` : '', params }
}

export interface StaffListPage extends ReturnType<typeof pagination> {
  docs: StaffListRow[]
}

/**
 * One page of the staff list within the caller's read scope, and the total: two indexed queries run side
 * by side (the page and the count), in Payload's paginated shape. The caller checks that the filter's
 * items are ones it may filter on (party membership is sensitive).
 */
export async function listStaff(pool: Pool, query: StaffListQuery, scope: Scope, today = new Date()): Promise<StaffListPage> {
  const { page, limit } = query
  if (scope.kind === 'none') return { docs: [], ...pagination(0, page, limit) }
  const where = listWhere(query.filter, scope, today)
  const n = where.params.length
  const [rows, count] = await Promise.all([
    pool.query<ListRowColumns>(
      `SELECT ${LIST_ROW_COLUMNS} FROM staff s ${where.sql} ORDER BY ${ORDER[query.sort]} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...where.params, limit, (page - 1) * limit],
    ),
    pool.query<{ n: string }>(`SELECT count(*) AS n FROM staff s ${where.sql}`, where.params),
  ])
  return { docs: rows.rows.map(listRow), ...pagination(Number(count.rows[0]!.n), page, limit) }
}
