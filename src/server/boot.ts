import { getPayload, type Payload } from 'payload'

// Imported statically on purpose: a dynamic import() of the config from a CLI entry that uses
// top-level await deadlocked at random on cold starts (Node exit code 13, nodejs/node#55468 family).
// The config reads DATABASE_URL lazily, when the pool is created.
import { migrations } from '../../migrations/index'
import config from '../../payload.config'

import { dataKeyring } from '../crypto/dataKey'
import { SealedValueError } from '../crypto/fieldCipher'
import { isSealed } from '../domain/sealedValue'
import { guardPoolErrors, resolveDatabase, type ResolvedDatabase } from '../db/database'
import { logger } from '../db/logger'
import { applyMigrations } from '../db/migrations'
import { poolOf } from '../db/pool'

/** The cache key of the server's Payload instance (src/server/restApi.ts serves the REST API with it). */
export const SERVER_PAYLOAD_KEY = 'hoso-server'

export interface Booted {
  payload: Payload
  database: ResolvedDatabase
  /** Closes Payload's pool and stops an embedded PostgreSQL. */
  shutdown(): Promise<void>
}

/** Database (external or embedded) → Payload → migrations. Used by the server and the CLI commands. */
export async function boot(): Promise<Booted> {
  // The data key first: without one, production stops here with the reason (src/crypto/dataKey.ts).
  dataKeyring()
  const database = await resolveDatabase()
  try {
    // Own cache key: Next's route handlers (a separately bundled copy of Payload in production) must
    // build their own instance. Sharing one across the two copies breaks `instanceof` checks such as
    // the one that turns a ValidationError into field errors in REST responses.
    const payload = await getPayload({ config, key: SERVER_PAYLOAD_KEY })
    guardPoolErrors(payload.db)
    await applyMigrations(payload, migrations)
    await checkDataKey(payload)
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

/** A key that cannot open the stored identifiers (another machine's generated key, a lost rotation) stops the start. */
async function checkDataKey(payload: Payload): Promise<void> {
  const { rows } = await poolOf(payload).query<{ national_id: string }>(
    `SELECT national_id FROM staff WHERE national_id IS NOT NULL ORDER BY id DESC LIMIT 1`,
  )
  const sample = rows[0]?.national_id
  if (!isSealed(sample)) return
  try {
    dataKeyring().open(sample, 'nationalId')
  } catch (err) {
    if (!(err instanceof SealedValueError)) throw err
    throw new Error(`Khóa dữ liệu không mở được dữ liệu đã lưu / The data key cannot open the stored data: ${err.message}`)
  }
}
