import { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * No schema change. Several features' migrations were written in parallel, each against the schema snapshot
 * before the others; this migration's snapshot (the .json beside it) is the whole schema after all of them,
 * so that the next `npm run migrate:create` compares against the real schema.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
