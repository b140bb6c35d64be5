import { getPayload, type Payload } from 'payload'
import pg from 'pg'

import { guardPoolErrors } from '../../src/db/database'
import { createTestDatabase } from './db'

/**
 * Payload's Local API on this test file's own database. Call once per file (beforeAll);
 * Payload is a per-process singleton and each Jest test file runs in its own module registry.
 */
export async function startTestPayload(): Promise<{ payload: Payload; databaseUrl: string }> {
  const databaseUrl = await createTestDatabase()
  process.env.DATABASE_URL = databaseUrl
  process.env.PAYLOAD_SECRET ??= 'integration-test-secret'
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  guardPoolErrors(payload.db)
  return { payload, databaseUrl }
}

export async function stopTestPayload(payload: Payload | undefined): Promise<void> {
  // db-postgres keeps one pool client checked out forever; don't await the pool (Jest runs --forceExit).
  if (payload) void payload.destroy().catch(() => {})
}

/**
 * A test file's Local API with `staff` seeded demo people, photos under `mediaDir`, and a small pool on the same
 * database for checks in SQL.
 */
export async function startSeededPayload(opts: { staff: number; mediaDir?: string }): Promise<{ payload: Payload; databaseUrl: string; sql: pg.Pool }> {
  if (opts.mediaDir) process.env.MEDIA_DIR = opts.mediaDir
  const started = await startTestPayload()
  const { seedDemoData } = await import('../../src/seed/seed')
  await seedDemoData(started.payload, { staff: opts.staff })
  return { ...started, sql: new pg.Pool({ connectionString: started.databaseUrl, max: 2 }) }
}
