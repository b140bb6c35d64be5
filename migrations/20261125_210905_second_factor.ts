import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "accounts" ADD COLUMN "totp_secret" varchar;
  ALTER TABLE "accounts" ADD COLUMN "totp_pending_secret" varchar;
  ALTER TABLE "accounts" ADD COLUMN "totp_last_step" numeric;
  ALTER TABLE "accounts" ADD COLUMN "mfa_failures" numeric;
  ALTER TABLE "accounts" ADD COLUMN "mfa_locked_until" timestamp(3) with time zone;
  ALTER TABLE "accounts" ADD COLUMN "totp_enabled_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "accounts" DROP COLUMN "totp_secret";
  ALTER TABLE "accounts" DROP COLUMN "totp_pending_secret";
  ALTER TABLE "accounts" DROP COLUMN "totp_last_step";
  ALTER TABLE "accounts" DROP COLUMN "mfa_failures";
  ALTER TABLE "accounts" DROP COLUMN "mfa_locked_until";
  ALTER TABLE "accounts" DROP COLUMN "totp_enabled_at";`)
}
