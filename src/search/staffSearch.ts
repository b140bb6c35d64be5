import type { Pool } from 'pg'

import { searchKey } from '../domain/names'

export interface NameMatch {
  id: number
  score: number
}

/**
 * Accent-insensitive, typo-tolerant name search: the query is unaccented like the stored search_name,
 * then matched by trigram word similarity (pg_trgm `<%`), nearest first: `<<->` is the word-similarity
 * distance, and the GiST trigram index returns rows in that order (KNN), so only the top rows are read.
 * Only ids come back; the caller loads the documents through Payload so that access rules apply.
 */
export async function searchStaffIds(pool: Pool, query: string, limit: number): Promise<NameMatch[]> {
  const q = searchKey(query)
  if (q.length < 2) return []
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
