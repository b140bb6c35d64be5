import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Reminders of personal-data request deadlines go through reminder_sends (src/dataRequests/reminders.ts).
// The record's foreign keys of decisions and data requests stay ON DELETE cascade (their own migrations).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_reminder_sends_template" ADD VALUE IF NOT EXISTS 'data-request';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DELETE FROM "reminder_sends" WHERE "template" = 'data-request';
  ALTER TABLE "reminder_sends" ALTER COLUMN "template" SET DATA TYPE text;
  DROP TYPE "public"."enum_reminder_sends_template";
  CREATE TYPE "public"."enum_reminder_sends_template" AS ENUM('person-digest', 'hr-digest', 'manual');
  ALTER TABLE "reminder_sends" ALTER COLUMN "template" SET DATA TYPE "public"."enum_reminder_sends_template" USING "template"::"public"."enum_reminder_sends_template";`)
}
