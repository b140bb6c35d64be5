import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Decisions (quyết định) and the staff record's employment status (src/domain/lifecycle.ts). A decision belongs
// to its record like a history row: it goes with the record (the retention job's deletion), never alone.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_staff_employment_status" AS ENUM('active', 'seconded', 'retired', 'resigned', 'transferred', 'deceased');
  CREATE TYPE "public"."enum_decisions_kind" AS ENUM('recruitment', 'reception', 'appointment', 'reappointment', 'reassignment', 'rotation', 'secondment', 'secondment-end', 'salary-step', 'rank-promotion', 'service-extension', 'retirement', 'resignation', 'transfer-out', 'discipline', 'dismissal', 'death');
  CREATE TYPE "public"."enum_decisions_state" AS ENUM('pending-approval', 'approved', 'applied', 'revoked');
  CREATE TABLE "decisions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_decisions_kind" NOT NULL,
  	"staff_id" integer NOT NULL,
  	"number" varchar NOT NULL,
  	"signed_date" timestamp(3) with time zone NOT NULL,
  	"effective_date" timestamp(3) with time zone NOT NULL,
  	"signer" varchar NOT NULL,
  	"issuing_body" varchar NOT NULL,
  	"changes_unit_id" integer,
  	"changes_position" varchar,
  	"changes_rank_id" integer,
  	"changes_salary_step" numeric,
  	"changes_salary_coefficient" numeric,
  	"changes_to_agency" varchar,
  	"note" varchar,
  	"corrects_id" integer,
  	"correction_reason" varchar,
  	"state" "enum_decisions_state" DEFAULT 'approved' NOT NULL,
  	"entered_by_id" integer,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"applied_at" timestamp(3) with time zone,
  	"revoked_by_id" integer,
  	"revoked_at" timestamp(3) with time zone,
  	"revocation_reason" varchar,
  	"applied" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "staff" ADD COLUMN "employment_status" "enum_staff_employment_status" DEFAULT 'active';
  ALTER TABLE "staff" ADD COLUMN "employment_status_since" timestamp(3) with time zone;
  ALTER TABLE "staff" ADD COLUMN "left_to_agency" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "decisions_id" integer;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_changes_unit_id_units_id_fk" FOREIGN KEY ("changes_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_changes_rank_id_ranks_id_fk" FOREIGN KEY ("changes_rank_id") REFERENCES "public"."ranks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_corrects_id_decisions_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_entered_by_id_accounts_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_approved_by_id_accounts_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_revoked_by_id_accounts_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "decisions_kind_idx" ON "decisions" USING btree ("kind");
  CREATE INDEX "decisions_staff_idx" ON "decisions" USING btree ("staff_id");
  CREATE INDEX "decisions_effective_date_idx" ON "decisions" USING btree ("effective_date");
  CREATE INDEX "decisions_changes_changes_unit_idx" ON "decisions" USING btree ("changes_unit_id");
  CREATE INDEX "decisions_changes_changes_rank_idx" ON "decisions" USING btree ("changes_rank_id");
  CREATE INDEX "decisions_corrects_idx" ON "decisions" USING btree ("corrects_id");
  CREATE INDEX "decisions_state_idx" ON "decisions" USING btree ("state");
  -- What the daily run looks for: approved decisions by effective date (src/lifecycle/schedule.ts).
  CREATE INDEX "decisions_due_idx" ON "decisions" USING btree ("effective_date") WHERE "state" = 'approved';
  CREATE INDEX "decisions_entered_by_idx" ON "decisions" USING btree ("entered_by_id");
  CREATE INDEX "decisions_approved_by_idx" ON "decisions" USING btree ("approved_by_id");
  CREATE INDEX "decisions_revoked_by_idx" ON "decisions" USING btree ("revoked_by_id");
  CREATE INDEX "decisions_updated_at_idx" ON "decisions" USING btree ("updated_at");
  CREATE INDEX "decisions_created_at_idx" ON "decisions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_decisions_fk" FOREIGN KEY ("decisions_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "staff_employment_status_idx" ON "staff" USING btree ("employment_status");
  CREATE INDEX "payload_locked_documents_rels_decisions_id_idx" ON "payload_locked_documents_rels" USING btree ("decisions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "decisions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "decisions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_decisions_fk";
  
  DROP INDEX "staff_employment_status_idx";
  DROP INDEX "payload_locked_documents_rels_decisions_id_idx";
  ALTER TABLE "staff" DROP COLUMN "employment_status";
  ALTER TABLE "staff" DROP COLUMN "employment_status_since";
  ALTER TABLE "staff" DROP COLUMN "left_to_agency";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "decisions_id";
  DROP TYPE "public"."enum_staff_employment_status";
  DROP TYPE "public"."enum_decisions_kind";
  DROP TYPE "public"."enum_decisions_state";`)
}
