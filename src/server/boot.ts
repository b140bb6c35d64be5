import { getPayload, type Payload } from 'payload'

// Imported statically on purpose: a dynamic import() of the config from a CLI entry that uses
// top-level await deadlocked at random on cold starts (Node exit code 13, nodejs/node#55468 family).
// The config reads DATABASE_URL lazily, when the pool is created.
import config from '../../payload.config'

import { guardPoolErrors, resolveDatabase, type ResolvedDatabase } from './database'
import { logger } from './logger'
import { applyMigrations } from './migrations'

export interface Booted {
  payload: Payload
  database: ResolvedDatabase
  /** Closes Payload's pool and stops an embedded PostgreSQL. */
  shutdown(): Promise<void>
}

/** Database (external or embedded) → Payload → migrations. Used by the server and the CLI commands. */
export async function boot(): Promise<Booted> {
  const database = await resolveDatabase()
  try {
    // Own cache key: Next's route handlers (a separately bundled copy of Payload in production) must
    // build their own instance. Sharing one across the two copies breaks `instanceof` checks such as
    // the one that turns a ValidationError into field errors in REST responses.
    const payload = await getPayload({ config, key: 'hoso-server' })
    guardPoolErrors(payload.db)
    await applyMigrations(payload)
    return {
      payload,
      database,
      async shutdown() {
        // db-postgres keeps one pool client checked out, so pool.end() would hang: destroy without awaiting it.
        void payload.destroy().catch(() => {})
        await new Promise((r) => setTimeout(r, 100))
        if (database.embedded) await database.embedded.stop()
      },
    }
  } catch (err) {
    logger.error({ err }, 'start-up failed')
    if (database.embedded) await database.embedded.stop().catch(() => {})
    throw err
  }
}
