import type { Migration, Payload } from 'payload'

import { poolOf } from './pool'

/** The list in migrations/index.ts, passed in by the entry point (migrations/ sits above this floor). */
export type Migrations = ReadonlyArray<{ name: string }>

// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 0x686f736f // "hoso"

/**
 * Applies pending migrations. Several instances may start at once: a PostgreSQL advisory lock makes
 * them take turns, and each finds the work done by the first.
 */
export async function applyMigrations(payload: Payload, migrations: Migrations): Promise<void> {
  const pool = poolOf(payload)
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {})
    client.release()
  }
}

/** Names of migrations the code knows but the database has not applied (empty = current). */
export async function pendingMigrations(payload: Payload, migrations: Migrations): Promise<string[]> {
  const pool = poolOf(payload)
  const known = migrations.map((m) => m.name)
  const table = await pool.query(`SELECT to_regclass('public.payload_migrations') AS t`)
  if (!table.rows[0]?.t) return known
  const applied = await pool.query<{ name: string }>('SELECT name FROM payload_migrations')
  const done = new Set(applied.rows.map((r) => r.name))
  return known.filter((n) => !done.has(n))
}
