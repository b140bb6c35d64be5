import path from 'node:path'

import { logger } from './logger'
import { removeLibrarySignalHooks, startEmbeddedPostgres, type EmbeddedDatabase } from './embeddedPostgres'

export interface ResolvedDatabase {
  url: string
  embedded: EmbeddedDatabase | null
}

/**
 * DATABASE_URL wins (how a ministry deploys); otherwise an embedded PostgreSQL under ./.data/pg.
 * Sets process.env.DATABASE_URL so that every later import of payload.config sees the same database.
 */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL
  if (external) {
    removeLibrarySignalHooks()
    return { url: external, embedded: null }
  }
  const dataDir = path.resolve(process.env.HOSO_DATA_DIR ?? '.data', 'pg')
  const started = Date.now()
  const embedded = await startEmbeddedPostgres({
    dataDir,
    log: (line) => logger.debug({ component: 'embedded-postgres' }, line),
  })
  logger.info(
    { component: 'embedded-postgres', dataDir: embedded.dataDir, port: embedded.port, ms: Date.now() - started },
    embedded.attached ? 'connected to the embedded PostgreSQL the running app started' : 'embedded PostgreSQL started',
  )
  process.env.DATABASE_URL = embedded.url
  return { url: embedded.url, embedded }
}

/**
 * pg's Pool re-emits errors of idle clients (a restarted or failed-over PostgreSQL, a dropped test
 * database); without a listener Node crashes the process. Log them instead: the pool reconnects.
 */
export function guardPoolErrors(db: unknown): void {
  const pool = (db as { pool?: import('pg').Pool }).pool
  if (pool && pool.listenerCount('error') === 0) {
    pool.on('error', (err) => logger.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'idle database connection lost'))
  }
}
