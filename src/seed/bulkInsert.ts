import { sql } from '@payloadcms/db-postgres'

/** Payload's column naming: camelCase field → snake_case column; a group field "economy_incomeSalary" → economy_income_salary. */
export function columnName(key: string, relationship: boolean): string {
  const snake = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
  return relationship ? `${snake}_id` : snake
}

import type { Drizzle } from '../db/pool'

export { transactionDb } from '../db/pool'

/**
 * Inserts many rows of a collection's main table in one statement per batch, for seeding large data
 * sets (100k staff) where one Local API call per row would take far too long. Rows use Payload field
 * names; `relationships` names the fields stored as `<name>_id`. Database triggers still run.
 * Returns the value of `returning` for each inserted row, in insertion order.
 */
export async function bulkInsert(
  db: Drizzle,
  table: string,
  rows: Array<Record<string, unknown>>,
  relationships: ReadonlySet<string>,
  returning = 'id',
  batchSize = 2000,
): Promise<unknown[]> {
  if (!rows.length) return []
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  const columns = keys.map((k) => columnName(k, relationships.has(k)))
  const now = new Date().toISOString()
  const cols = [...columns, 'created_at', 'updated_at']
  const colList = sql.raw(cols.map((c) => `"${c}"`).join(', '))
  const out: unknown[] = []
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize).map((r) => {
      const o: Record<string, unknown> = { created_at: now, updated_at: now }
      keys.forEach((k, j) => (o[columns[j]!] = r[k] ?? null))
      return o
    })
    const result = await db.execute(
      sql`INSERT INTO ${sql.raw(`"${table}"`)} (${colList}) SELECT ${colList} FROM json_populate_recordset(NULL::${sql.raw(`"${table}"`)}, ${JSON.stringify(batch)}::json) RETURNING ${sql.raw(`"${returning}"`)}`,
    )
    for (const row of result.rows) out.push(row[returning])
  }
  return out
}
