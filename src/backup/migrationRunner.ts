import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import type pg from 'pg'

import { migrations as knownMigrations } from '../../migrations/index'

type MigrationFile = (typeof knownMigrations)[number]

/**
 * Runs migrations' `up` on any database given a pg client, without a Payload instance (Payload is one
 * per process and bound to DATABASE_URL; a restore targets another database). Each migration runs in
 * its own transaction and is recorded in payload_migrations like Payload does. Our migrations only use
 * `db.execute(sql…)`; one that reached for the Local API would fail here with a clear message.
 */
export async function runMigrations(client: pg.Client, list: MigrationFile[], batch: number): Promise<void> {
  const db = drizzle({ client })
  const noPayload = new Proxy(
    {},
    {
      get() {
        throw new Error('migrations run during a restore have no Payload instance (schema SQL only)')
      },
    },
  )
  for (const m of list) {
    await client.query('BEGIN')
    try {
      await m.up({ db, payload: noPayload, req: {} } as never)
      await client.query('INSERT INTO payload_migrations (name, batch) VALUES ($1, $2)', [m.name, batch])
      await client.query('COMMIT')
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw new Error(`migration ${m.name} failed: ${(err as Error).message}`)
    }
  }
}

/**
 * Splits the known migrations into those the archive was made with and the newer ones. An archive
 * whose migrations are not a prefix of the known list comes from newer (or other) code: refused.
 */
export function planMigrations(archiveMigrations: string[]): { upToArchive: MigrationFile[]; newer: MigrationFile[] } {
  const known = knownMigrations.map((m) => m.name)
  archiveMigrations.forEach((name, i) => {
    if (known[i] !== name) {
      throw new Error(
        `Bản sao lưu được tạo bởi phiên bản phần mềm khác hoặc mới hơn (migration ${name}); hãy khôi phục bằng phiên bản tương ứng / ` +
          `the archive was made by other or newer code (migration ${name} is not known here at position ${i + 1})`,
      )
    }
  })
  return { upToArchive: knownMigrations.slice(0, archiveMigrations.length), newer: knownMigrations.slice(archiveMigrations.length) }
}
