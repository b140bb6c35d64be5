import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * GiST trigram index on search_name: lets the name search read the nearest names first
 * (ORDER BY query <<-> search_name LIMIT n, a KNN index scan) instead of ranking every candidate.
 * The GIN index stays for substring filters (ILIKE '%…%').
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE INDEX staff_search_name_gist_idx ON staff USING gist (search_name gist_trgm_ops);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP INDEX IF EXISTS staff_search_name_gist_idx;`)
}
