import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * At most one open change request (draft, submitted or returned) per staff record, enforced by the
 * database so that two concurrent first saves cannot both create one.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE UNIQUE INDEX change_requests_one_open_idx ON change_requests (staff_id) WHERE status IN ('draft', 'submitted', 'returned');`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP INDEX IF EXISTS change_requests_one_open_idx;`)
}
