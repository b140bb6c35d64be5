import type { Pool } from 'pg'
import type { Payload } from 'payload'

/**
 * The pg Pool behind @payloadcms/db-postgres, for what SQL does better than the Local API (advisory
 * locks, KNN search, per-request lookups on hot paths). Payload's adapter type does not expose it.
 */
export function poolOf(payload: Payload): Pool {
  return (payload.db as unknown as { pool: Pool }).pool
}
