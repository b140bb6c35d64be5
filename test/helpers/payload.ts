import { getPayload, type Payload } from 'payload'

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
  // Concurrent writers in a test wait for a pool connection instead of failing after the production 10 s
  // when the machine is busy; only this in-process instance, not servers a test spawns (recovery tests).
  const connectTimeout = process.env.DATABASE_CONNECT_TIMEOUT_MS
  process.env.DATABASE_CONNECT_TIMEOUT_MS ??= '120000'
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  if (connectTimeout === undefined) delete process.env.DATABASE_CONNECT_TIMEOUT_MS
  guardPoolErrors(payload.db)
  return { payload, databaseUrl }
}

export async function stopTestPayload(payload: Payload | undefined): Promise<void> {
  // db-postgres keeps one pool client checked out forever; don't await the pool (Jest runs --forceExit).
  if (payload) void payload.destroy().catch(() => {})
}
