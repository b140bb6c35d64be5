import type { Pool } from 'pg'

import type { Scope } from '../domain/access'
import { searchKey } from '../domain/names'
import { subtreePattern } from '../domain/unitTree'

/** One row of a result list (search, unit list): the columns a list shows (none of them sensitive), in the REST API's shape. */
export interface StaffListRow {
  id: number
  staffCode: string
  fullName: string
  gender: string
  birthDate: string
  employmentType: string
  unit: number
  position: string | null
  rank: number | null
  unitPath: string
}

/** A search result: a list row and how well the name matched (1 = exactly). */
export interface StaffMatch extends StaffListRow {
  _score: number
}

/** The record fields a list row carries (checked against the sensitive items in test/unit/staffSearch.test.ts). */
export const SEARCH_RESULT_FIELDS = ['staffCode', 'fullName', 'gender', 'birthDate', 'employmentType', 'unit', 'position', 'rank', 'unitPath'] as const

/** The SELECT list of a list row, on `staff s`. */
export const LIST_ROW_COLUMNS = `s.id, s.staff_code, s.full_name, s.gender, s.birth_date, s.employment_type, s.unit_id, s.position, s.rank_id, s.unit_path`

/**
 * A read scope of kind "some" as a condition on `staff s`: the rows of its subtrees (trigram index on
 * unit_path) or the records it names. `param` adds a query parameter and returns its placeholder.
 */
export function inScopeSql(scope: Extract<Scope, { kind: 'some' }>, param: (value: unknown) => string): string {
  return `(s.unit_path LIKE ANY(${param(scope.subtreeUnitIds.map(subtreePattern))}::text[]) OR s.id = ANY(${param(scope.staffIds)}::int[]))`
}

export type ListRowColumns = {
  id: number; staff_code: string; full_name: string; gender: string; birth_date: Date; employment_type: string
  unit_id: number; position: string | null; rank_id: number | null; unit_path: string
}

type Row = ListRowColumns & { distance: number }

/** A row of LIST_ROW_COLUMNS in the REST API's shape. */
export function listRow(r: ListRowColumns): StaffListRow {
  return {
    id: Number(r.id),
    staffCode: r.staff_code,
    fullName: r.full_name,
    gender: r.gender,
    birthDate: r.birth_date.toISOString(),
    employmentType: r.employment_type,
    unit: Number(r.unit_id),
    position: r.position,
    rank: r.rank_id == null ? null : Number(r.rank_id),
    unitPath: r.unit_path,
  }
}

/**
 * Accent-insensitive, typo-tolerant name search: the query is unaccented like the stored search_name,
 * then matched by trigram word similarity (pg_trgm `<%`), nearest first: `<<->` is the word-similarity
 * distance; the trigram GIN index on the distinct names finds the candidates, the nearest 25 are sorted out.
 * The scan runs over the distinct names (`staff_names`, kept by triggers: migrations/*_staff_names.ts),
 * a fifth of the rows for Vietnamese names; the `limit` nearest names hold the `limit` nearest people,
 * who come back nearest first, then in Vietnamese name order.
 *
 * `scope` is the caller's read scope (src/domain/access.ts `recordScope`, the rule behind the staff
 * collection's read access), applied in the same query: a unit HR officer's best matches are the best
 * matches *in their subtree*, not the best of the whole database with the foreign ones dropped afterwards.
 */
export async function searchStaff(pool: Pool, query: string, limit: number, scope: Scope = { kind: 'all' }): Promise<StaffMatch[]> {
  const q = searchKey(query)
  if (q.length < 2 || scope.kind === 'none') return []
  const params: unknown[] = [q, limit]
  const param = (v: unknown) => `$${params.push(v)}`
  const { rows } =
    scope.kind === 'all'
      ? await pool.query<Row>(
          // Each name brings at most a page of its people, in name order, from (search_name, sort_name, id):
          // at 1 000 000 staff a common name is carried by hundreds.
          `WITH names AS MATERIALIZED (
             SELECT search_name, $1 <<-> search_name AS distance FROM staff_names
              WHERE $1 <% search_name ORDER BY $1 <<-> search_name LIMIT $2
           )
           SELECT p.*, n.distance FROM names n
             CROSS JOIN LATERAL (
               SELECT ${LIST_ROW_COLUMNS}, s.sort_name FROM staff s WHERE s.search_name = n.search_name ORDER BY s.sort_name, s.id LIMIT $2
             ) p
            ORDER BY n.distance, p.sort_name, p.id
            LIMIT $2`,
          params,
        )
      : // A scoped search reads the scope first (trigram index on unit_path) and ranks only those names: its
        // cost grows with the scope (a department's few thousand names), never with the whole table. Combining
        // the two indexes instead makes PostgreSQL collect every similar name of the database (10 000+ rows
        // for a common name) before intersecting.
        await pool.query<Row>(
          `WITH scoped AS MATERIALIZED (
             SELECT s.id, s.search_name FROM staff s WHERE ${inScopeSql(scope, param)}
           ), top AS (
             SELECT id, $1 <<-> search_name AS distance FROM scoped WHERE $1 <% search_name ORDER BY 2 LIMIT $2
           )
           SELECT ${LIST_ROW_COLUMNS}, top.distance FROM top JOIN staff s ON s.id = top.id ORDER BY top.distance`,
          params,
        )
  return rows.map((r) => ({
    ...listRow(r),
    _score: Math.round((1 - Number(r.distance)) * 100) / 100,
  }))
}
