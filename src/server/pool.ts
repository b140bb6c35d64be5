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

