import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * Snapshot only: two migrations written side by side (encrypted_identifiers and role_requests) each carried
 * a schema snapshot without the other's change; this one's JSON is the schema as it now is, so the next
 * `npm run migrate:create` compares against the truth. Nothing to change in the database.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
