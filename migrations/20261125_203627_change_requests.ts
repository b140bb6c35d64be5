import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_change_requests_transitions_action" AS ENUM('submit', 'approve', 'return', 'withdraw', 'reopen');
  CREATE TYPE "public"."enum_change_requests_transitions_status" AS ENUM('draft', 'submitted', 'approved', 'returned', 'withdrawn');
  CREATE TYPE "public"."enum_change_requests_status" AS ENUM('draft', 'submitted', 'approved', 'returned', 'withdrawn');
  CREATE TABLE "change_requests_transitions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" "enum_change_requests_transitions_action" NOT NULL,
  	"status" "enum_change_requests_transitions_status",
  	"at" timestamp(3) with time zone NOT NULL,
  	"actor_id" integer,
  	"reason" varchar
  );
  
  CREATE TABLE "change_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"staff_id" integer NOT NULL,
  	"staff_name" varchar,
  	"author_id" integer NOT NULL,
  	"status" "enum_change_requests_status" DEFAULT 'draft' NOT NULL,
  	"revision" numeric DEFAULT 0 NOT NULL,
  	"proposal" jsonb,
  	"base" jsonb,
  	"base_stamp" varchar,
  	"return_reason" varchar,
  	"submitted_at" timestamp(3) with time zone,
  	"decided_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "change_requests_id" integer;
  ALTER TABLE "change_requests_transitions" ADD CONSTRAINT "change_requests_transitions_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "change_requests_transitions" ADD CONSTRAINT "change_requests_transitions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."change_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_id_accounts_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "change_requests_transitions_order_idx" ON "change_requests_transitions" USING btree ("_order");
  CREATE INDEX "change_requests_transitions_parent_id_idx" ON "change_requests_transitions" USING btree ("_parent_id");
  CREATE INDEX "change_requests_transitions_actor_idx" ON "change_requests_transitions" USING btree ("actor_id");
  CREATE INDEX "change_requests_staff_idx" ON "change_requests" USING btree ("staff_id");
  CREATE INDEX "change_requests_author_idx" ON "change_requests" USING btree ("author_id");
  CREATE INDEX "change_requests_status_idx" ON "change_requests" USING btree ("status");
  CREATE INDEX "change_requests_submitted_at_idx" ON "change_requests" USING btree ("submitted_at");
  CREATE INDEX "change_requests_decided_by_idx" ON "change_requests" USING btree ("decided_by_id");
  CREATE INDEX "change_requests_updated_at_idx" ON "change_requests" USING btree ("updated_at");
  CREATE INDEX "change_requests_created_at_idx" ON "change_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_change_requests_fk" FOREIGN KEY ("change_requests_id") REFERENCES "public"."change_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_change_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("change_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "change_requests_transitions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "change_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "change_requests_transitions" CASCADE;
  DROP TABLE "change_requests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_change_requests_fk";
  
  DROP INDEX "payload_locked_documents_rels_change_requests_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "change_requests_id";
  DROP TYPE "public"."enum_change_requests_transitions_action";
  DROP TYPE "public"."enum_change_requests_transitions_status";
  DROP TYPE "public"."enum_change_requests_status";`)
}
