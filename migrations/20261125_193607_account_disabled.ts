import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "accounts" ADD COLUMN "disabled" boolean DEFAULT false;
  CREATE INDEX "accounts_disabled_idx" ON "accounts" USING btree ("disabled");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "accounts_disabled_idx";
  ALTER TABLE "accounts" DROP COLUMN "disabled";`)
}
