import type { Pool } from 'pg'

import type { Scope } from '../domain/access'
import { searchKey } from '../domain/names'
import { subtreeToken } from '../domain/unitTree'

export interface NameMatch {
  id: number
  score: number
}

/**
 * Accent-insensitive, typo-tolerant name search: the query is unaccented like the stored search_name,
 * then matched by trigram word similarity (pg_trgm `<%`), nearest first: `<<->` is the word-similarity
 * distance, and the GiST trigram index returns rows in that order (KNN), so only the top rows are read.
 *
 * `scope` is the caller's read scope (src/domain/access.ts `recordScope`), applied in the same query so that
 * a unit HR officer's best matches are the best matches *in their subtree* — not the best of the whole
 * database with the foreign ones dropped afterwards. Only ids come back; the caller still loads the
 * documents through Payload, whose access rules (records and fields) apply again.
 */
export async function searchStaffIds(pool: Pool, query: string, limit: number, scope: Scope = { kind: 'all' }): Promise<NameMatch[]> {
  const q = searchKey(query)
  if (q.length < 2 || scope.kind === 'none') return []
  if (scope.kind === 'all') {
    const { rows } = await pool.query<{ id: number; score: number }>(
      `SELECT id, 1 - ($1 <<-> search_name) AS score
         FROM staff
        WHERE $1 <% search_name
        ORDER BY $1 <<-> search_name
        LIMIT $2`,
      [q, limit],
    )
    return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }))
  }
  // A scoped search reads the scope first (trigram index on unit_path) and ranks only those names: its cost
  // grows with the scope (a department's few thousand names), never with the whole table. Combining the
  // two indexes instead makes PostgreSQL collect every similar name of the database (10 000+ rows for a
  // common name) before intersecting.
  const { rows } = await pool.query<{ id: number; score: number }>(
    `WITH scoped AS MATERIALIZED (
       SELECT id, search_name FROM staff WHERE unit_path LIKE ANY($3::text[]) OR id = ANY($4::int[])
     )
     SELECT id, 1 - ($1 <<-> search_name) AS score
       FROM scoped
      WHERE $1 <% search_name
      ORDER BY $1 <<-> search_name
      LIMIT $2`,
    [q, limit, scope.subtreeUnitIds.map((u) => `%${subtreeToken(u)}%`), scope.staffIds],
  )
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }))
}
