import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Report definitions saved by ministry HR (validated JSON) and the editions of exported report runs (docs/reports.md).
// The decisions' staff foreign key the generator also proposed is left as the lifecycle migration made it (ON DELETE CASCADE).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "report_definitions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"title" varchar,
  	"version" numeric,
  	"active" boolean DEFAULT true,
  	"definition" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "report_editions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"version" numeric NOT NULL,
  	"report_date" varchar NOT NULL,
  	"format" varchar NOT NULL,
  	"units" jsonb NOT NULL,
  	"parameters" jsonb NOT NULL,
  	"definition" jsonb NOT NULL,
  	"file_hash" varchar NOT NULL,
  	"requested_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "report_definitions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "report_editions_id" integer;
  ALTER TABLE "report_editions" ADD CONSTRAINT "report_editions_requested_by_id_accounts_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "report_definitions_code_idx" ON "report_definitions" USING btree ("code");
  CREATE INDEX "report_definitions_updated_at_idx" ON "report_definitions" USING btree ("updated_at");
  CREATE INDEX "report_definitions_created_at_idx" ON "report_definitions" USING btree ("created_at");
  CREATE INDEX "report_editions_code_idx" ON "report_editions" USING btree ("code");
  CREATE INDEX "report_editions_file_hash_idx" ON "report_editions" USING btree ("file_hash");
  CREATE INDEX "report_editions_requested_by_idx" ON "report_editions" USING btree ("requested_by_id");
  CREATE INDEX "report_editions_updated_at_idx" ON "report_editions" USING btree ("updated_at");
  CREATE INDEX "report_editions_created_at_idx" ON "report_editions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_report_definitions_fk" FOREIGN KEY ("report_definitions_id") REFERENCES "public"."report_definitions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_report_editions_fk" FOREIGN KEY ("report_editions_id") REFERENCES "public"."report_editions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_report_definitions_id_idx" ON "payload_locked_documents_rels" USING btree ("report_definitions_id");
  CREATE INDEX "payload_locked_documents_rels_report_editions_id_idx" ON "payload_locked_documents_rels" USING btree ("report_editions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "report_definitions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "report_editions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "report_definitions" CASCADE;
  DROP TABLE "report_editions" CASCADE;
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_report_definitions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_report_editions_fk";
  
  DROP INDEX "payload_locked_documents_rels_report_definitions_id_idx";
  DROP INDEX "payload_locked_documents_rels_report_editions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "report_definitions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "report_editions_id";`)
}
