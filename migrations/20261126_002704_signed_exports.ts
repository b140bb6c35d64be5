import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_signed_exports_form" AS ENUM('2c', 'hs02', 'full');
  CREATE TYPE "public"."enum_signed_exports_status" AS ENUM('queued', 'awaiting-person', 'awaiting-agency', 'done', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sign-export';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sign-export';
  CREATE TABLE "signed_exports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"staff_id" integer NOT NULL,
  	"form" "enum_signed_exports_form" NOT NULL,
  	"batch" varchar NOT NULL,
  	"status" "enum_signed_exports_status" DEFAULT 'queued' NOT NULL,
  	"requested_by_id" integer,
  	"person_name" varchar,
  	"person_certificate" varchar,
  	"person_issuer" varchar,
  	"person_serial" varchar,
  	"person_transport" varchar,
  	"person_signed_at" timestamp(3) with time zone,
  	"agency_name" varchar,
  	"agency_certificate" varchar,
  	"agency_issuer" varchar,
  	"agency_serial" varchar,
  	"agency_transport" varchar,
  	"agency_signed_at" timestamp(3) with time zone,
  	"level" varchar,
  	"sha256" varchar,
  	"size" numeric,
  	"error" varchar,
  	"pending" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "signed_exports_id" integer;
  ALTER TABLE "signed_exports" ADD CONSTRAINT "signed_exports_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "signed_exports" ADD CONSTRAINT "signed_exports_requested_by_id_accounts_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "signed_exports_code_idx" ON "signed_exports" USING btree ("code");
  CREATE INDEX "signed_exports_staff_idx" ON "signed_exports" USING btree ("staff_id");
  CREATE INDEX "signed_exports_batch_idx" ON "signed_exports" USING btree ("batch");
  CREATE INDEX "signed_exports_status_idx" ON "signed_exports" USING btree ("status");
  CREATE INDEX "signed_exports_requested_by_idx" ON "signed_exports" USING btree ("requested_by_id");
  CREATE INDEX "signed_exports_sha256_idx" ON "signed_exports" USING btree ("sha256");
  CREATE INDEX "signed_exports_updated_at_idx" ON "signed_exports" USING btree ("updated_at");
  CREATE INDEX "signed_exports_created_at_idx" ON "signed_exports" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_signed_exports_fk" FOREIGN KEY ("signed_exports_id") REFERENCES "public"."signed_exports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_signed_exports_id_idx" ON "payload_locked_documents_rels" USING btree ("signed_exports_id");`)
  // Hand-written: the bytes of each export by stage (src/signing/files.ts). The final file is written in
  // the transaction that marks the export done; intermediate stages are dropped then or on failure.
  await db.execute(sql`
  CREATE TABLE "signed_export_files" (
    "export_id" integer NOT NULL REFERENCES "signed_exports"("id") ON DELETE CASCADE,
    "stage" text NOT NULL CHECK ("stage" IN ('unsigned', 'person', 'final')),
    "bytes" bytea NOT NULL,
    "layout" jsonb,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("export_id", "stage")
  );
  -- A done export always has its final file; nothing else may be marked done.
  CREATE FUNCTION signed_export_done_has_file() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.status = 'done' AND NOT EXISTS (SELECT 1 FROM signed_export_files f WHERE f.export_id = NEW.id AND f.stage = 'final') THEN
      RAISE EXCEPTION 'signed export % marked done without its final file', NEW.id;
    END IF;
    RETURN NEW;
  END $$;
  CREATE CONSTRAINT TRIGGER signed_export_done_has_file AFTER INSERT OR UPDATE OF status ON signed_exports
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION signed_export_done_has_file();`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "signed_export_files";
   DROP TRIGGER signed_export_done_has_file ON signed_exports;
   DROP FUNCTION signed_export_done_has_file();`)
  await db.execute(sql`
   ALTER TABLE "signed_exports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "signed_exports" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_signed_exports_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'backup', 'sendWeeklyReminders');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'backup', 'sendWeeklyReminders');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_signed_exports_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "signed_exports_id";
  DROP TYPE "public"."enum_signed_exports_form";
  DROP TYPE "public"."enum_signed_exports_status";`)
}
