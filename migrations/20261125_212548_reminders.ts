import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_reminder_sends_template" AS ENUM('person-digest', 'hr-digest', 'manual');
  CREATE TYPE "public"."enum_reminder_sends_status" AS ENUM('sending', 'sent', 'failed');
  CREATE TABLE "reminder_sends" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"recipient_id" integer NOT NULL,
  	"staff_id" integer,
  	"email" varchar NOT NULL,
  	"template" "enum_reminder_sends_template" NOT NULL,
  	"period_key" varchar NOT NULL,
  	"status" "enum_reminder_sends_status" DEFAULT 'sending' NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"error" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"requested_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "accounts" ADD COLUMN "reminder_opt_out" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reminder_sends_id" integer;
  ALTER TABLE "reminder_sends" ADD CONSTRAINT "reminder_sends_recipient_id_accounts_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reminder_sends" ADD CONSTRAINT "reminder_sends_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reminder_sends" ADD CONSTRAINT "reminder_sends_requested_by_id_accounts_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "reminder_sends_recipient_idx" ON "reminder_sends" USING btree ("recipient_id");
  CREATE INDEX "reminder_sends_staff_idx" ON "reminder_sends" USING btree ("staff_id");
  CREATE INDEX "reminder_sends_status_idx" ON "reminder_sends" USING btree ("status");
  CREATE INDEX "reminder_sends_requested_by_idx" ON "reminder_sends" USING btree ("requested_by_id");
  CREATE INDEX "reminder_sends_updated_at_idx" ON "reminder_sends" USING btree ("updated_at");
  CREATE INDEX "reminder_sends_created_at_idx" ON "reminder_sends" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reminder_sends_fk" FOREIGN KEY ("reminder_sends_id") REFERENCES "public"."reminder_sends"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_reminder_sends_id_idx" ON "payload_locked_documents_rels" USING btree ("reminder_sends_id");
  -- The jobs tables come with the backups migration; this task adds its slug to their enums.
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE IF NOT EXISTS 'sendWeeklyReminders';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE IF NOT EXISTS 'sendWeeklyReminders';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "reminder_sends" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "reminder_sends" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reminder_sends_fk";
  
  DROP INDEX "payload_locked_documents_rels_reminder_sends_id_idx";
  ALTER TABLE "accounts" DROP COLUMN "reminder_opt_out";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reminder_sends_id";
  DROP TYPE "public"."enum_reminder_sends_template";
  DROP TYPE "public"."enum_reminder_sends_status";`)
}
