import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// The register of personal-data requests (collection data-requests, src/domain/dataRequests.ts). A request belongs
// to the person's record like a decision: it goes with the record (the retention job's deletion), never alone.
// Days are civil dates 'YYYY-MM-DD' (src/domain/calendar/civilDate.ts), checked here as in working_calendar.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_data_requests_type" AS ENUM('view', 'correct', 'provide', 'delete', 'restrict', 'object', 'withdraw-consent', 'protect', 'complain');
  CREATE TYPE "public"."enum_data_requests_state" AS ENUM('received', 'replied', 'closed');
  CREATE TYPE "public"."enum_data_requests_channel" AS ENUM('online', 'paper');
  CREATE TYPE "public"."enum_data_requests_outcome" AS ENUM('done', 'partly', 'refused');
  CREATE TYPE "public"."enum_data_requests_legal_basis" AS ENUM('article-19', 'harm-to-others', 'abusive', 'other-law', 'not-held');
  CREATE TABLE "data_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"type" "enum_data_requests_type" NOT NULL,
  	"staff_id" integer NOT NULL,
  	"subject" varchar NOT NULL,
  	"items" jsonb,
  	"text" varchar,
  	"third_parties" boolean,
  	"state" "enum_data_requests_state" DEFAULT 'received' NOT NULL,
  	"channel" "enum_data_requests_channel" NOT NULL,
  	"filed_by_id" integer,
  	"received_at" timestamp(3) with time zone,
  	"received_on" varchar,
  	"first_reply_due" varchar,
  	"due_date" varchar,
  	"extended_due_date" varchar,
  	"first_reply_text" varchar,
  	"first_replied_at" timestamp(3) with time zone,
  	"first_replied_on" varchar,
  	"first_replied_by_id" integer,
  	"extension_days" numeric,
  	"extension_reason" varchar,
  	"extended_at" timestamp(3) with time zone,
  	"outcome" "enum_data_requests_outcome",
  	"legal_basis" "enum_data_requests_legal_basis",
  	"outcome_reason" varchar,
  	"closed_at" timestamp(3) with time zone,
  	"closed_on" varchar,
  	"closed_by_id" integer,
  	"change_request_id" integer,
  	"correction_task" boolean,
  	"correction_done_at" timestamp(3) with time zone,
  	"correction_done_by_id" integer,
  	"correction_note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "data_requests_id" integer;
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_filed_by_id_accounts_id_fk" FOREIGN KEY ("filed_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_first_replied_by_id_accounts_id_fk" FOREIGN KEY ("first_replied_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_closed_by_id_accounts_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_correction_done_by_id_accounts_id_fk" FOREIGN KEY ("correction_done_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_days_are_civil_dates" CHECK (
    coalesce(received_on, '2000-01-01') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND coalesce(first_reply_due, '2000-01-01') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    AND coalesce(due_date, '2000-01-01') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND coalesce(extended_due_date, '2000-01-01') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    AND coalesce(first_replied_on, '2000-01-01') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND coalesce(closed_on, '2000-01-01') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
  -- An extension always has its reason and its new deadline (NĐ 356/2025 Điều 5: the reason is told to the person).
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_extension_once" CHECK (extension_days IS NULL OR (extension_days >= 1 AND extension_reason IS NOT NULL AND extended_due_date IS NOT NULL));
  CREATE INDEX "data_requests_type_idx" ON "data_requests" USING btree ("type");
  CREATE INDEX "data_requests_staff_idx" ON "data_requests" USING btree ("staff_id");
  CREATE INDEX "data_requests_state_idx" ON "data_requests" USING btree ("state");
  CREATE INDEX "data_requests_filed_by_idx" ON "data_requests" USING btree ("filed_by_id");
  CREATE INDEX "data_requests_first_replied_by_idx" ON "data_requests" USING btree ("first_replied_by_id");
  CREATE INDEX "data_requests_closed_by_idx" ON "data_requests" USING btree ("closed_by_id");
  CREATE INDEX "data_requests_change_request_idx" ON "data_requests" USING btree ("change_request_id");
  CREATE INDEX "data_requests_correction_task_idx" ON "data_requests" USING btree ("correction_task");
  CREATE INDEX "data_requests_correction_done_by_idx" ON "data_requests" USING btree ("correction_done_by_id");
  CREATE INDEX "data_requests_updated_at_idx" ON "data_requests" USING btree ("updated_at");
  CREATE INDEX "data_requests_created_at_idx" ON "data_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_data_requests_fk" FOREIGN KEY ("data_requests_id") REFERENCES "public"."data_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_data_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("data_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "data_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "data_requests" CASCADE;
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_data_requests_fk";
  
  DROP INDEX "payload_locked_documents_rels_data_requests_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "data_requests_id";
  DROP TYPE "public"."enum_data_requests_type";
  DROP TYPE "public"."enum_data_requests_state";
  DROP TYPE "public"."enum_data_requests_channel";
  DROP TYPE "public"."enum_data_requests_outcome";
  DROP TYPE "public"."enum_data_requests_legal_basis";`)
}
