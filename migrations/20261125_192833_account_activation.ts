import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "accounts" ADD COLUMN "activation_pending" boolean DEFAULT false;
  ALTER TABLE "accounts" ADD COLUMN "activation_sent_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "accounts" DROP COLUMN "activation_pending";
  ALTER TABLE "accounts" DROP COLUMN "activation_sent_at";`)
}
