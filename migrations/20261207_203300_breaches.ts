import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "breaches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"summary" varchar NOT NULL,
  	"nature" varchar,
  	"occurred_at" timestamp(3) with time zone,
  	"found_at" timestamp(3) with time zone NOT NULL,
  	"place" varchar,
  	"categories" varchar NOT NULL,
  	"affected_count" numeric NOT NULL,
  	"consequences" varchar,
  	"measures" varchar,
  	"contact" varchar,
  	"notified_at" timestamp(3) with time zone,
  	"notified_to" varchar,
  	"resolved_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "breaches_id" integer;
  CREATE INDEX "breaches_updated_at_idx" ON "breaches" USING btree ("updated_at");
  CREATE INDEX "breaches_created_at_idx" ON "breaches" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_breaches_fk" FOREIGN KEY ("breaches_id") REFERENCES "public"."breaches"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_breaches_id_idx" ON "payload_locked_documents_rels" USING btree ("breaches_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "breaches" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "breaches" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_breaches_fk";
  
  DROP INDEX "payload_locked_documents_rels_breaches_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "breaches_id";`)
}
