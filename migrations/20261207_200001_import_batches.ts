import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Excel import batches (issue 22, src/import/batches.ts): one row per dry run, with its file sealed. Accounts are
// disabled, never deleted, so the officer who ran a batch stays named (no ON DELETE SET NULL on a required column).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_import_batches_mode" AS ENUM('create', 'update', 'upsert');
  CREATE TYPE "public"."enum_import_batches_status" AS ENUM('previewed', 'committed');
  CREATE TABLE "import_batches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"file_name" varchar,
  	"file_sha256" varchar NOT NULL,
  	"mode" "enum_import_batches_mode" NOT NULL,
  	"status" "enum_import_batches_status" DEFAULT 'previewed' NOT NULL,
  	"counts" jsonb,
  	"problems" jsonb,
  	"rows" jsonb,
  	"decisions" jsonb,
  	"base_hashes" jsonb,
  	"file" varchar,
  	"created_by_id" integer NOT NULL,
  	"default_unit_id" integer,
  	"committed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "import_batches_id" integer;
  ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_id_accounts_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;
  ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_default_unit_id_units_id_fk" FOREIGN KEY ("default_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "import_batches_file_sha256_idx" ON "import_batches" USING btree ("file_sha256");
  CREATE INDEX "import_batches_created_by_idx" ON "import_batches" USING btree ("created_by_id");
  CREATE INDEX "import_batches_default_unit_idx" ON "import_batches" USING btree ("default_unit_id");
  CREATE INDEX "import_batches_updated_at_idx" ON "import_batches" USING btree ("updated_at");
  CREATE INDEX "import_batches_created_at_idx" ON "import_batches" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_import_batches_fk" FOREIGN KEY ("import_batches_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_import_batches_id_idx" ON "payload_locked_documents_rels" USING btree ("import_batches_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "import_batches" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "import_batches" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_import_batches_fk";
  
  DROP INDEX "payload_locked_documents_rels_import_batches_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "import_batches_id";
  DROP TYPE "public"."enum_import_batches_mode";
  DROP TYPE "public"."enum_import_batches_status";`)
}
