import type { Pool } from 'pg'
import type { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

/**
 * The pg Pool behind @payloadcms/db-postgres, for what SQL does better than the Local API (advisory
 * locks, KNN search, per-request lookups on hot paths). Payload's adapter type does not expose it.
 */
export function poolOf(payload: Payload): Pool {
  return (payload.db as unknown as { pool: Pool }).pool
}

export type Drizzle = { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: Array<Record<string, unknown>> }> }

/** The drizzle handle of the request's transaction (so bulk rows commit or roll back with everything else). */
export async function transactionDb(payload: Payload, req: PayloadRequest): Promise<Drizzle> {
  const id = await req.transactionID
  const db = payload.db as unknown as { sessions?: Record<string, { db: Drizzle }>; drizzle: Drizzle }
  return (id != null && db.sessions?.[String(id)]?.db) || db.drizzle
}


/**
 * Runs `work` while holding a session-level PostgreSQL advisory lock, or returns null at once when
 * another session (another app instance) holds it: how jobs that fire on every instance run on one.
 * A string key is hashed by the database (`hashtext`).
 */
export async function withAdvisoryLock<T>(payload: Payload, key: number | string, work: () => Promise<T>): Promise<{ value: T } | null> {
  const client = await poolOf(payload).connect()
  const lockKey: { sql: string; params: unknown[] } = typeof key === 'number' ? { sql: '$1::bigint', params: [key] } : { sql: 'hashtext($1)', params: [key] }
  try {
    const { rows } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${lockKey.sql}) AS ok`, lockKey.params)
    if (!rows[0]?.ok) return null
    try {
      return { value: await work() }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${lockKey.sql})`, lockKey.params).catch(() => {})
    }
  } finally {
    client.release()
  }
}
