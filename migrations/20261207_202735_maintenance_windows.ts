import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_maintenance_windows_kind" AS ENUM('read-only', 'full-stop');
  CREATE TABLE "maintenance_windows" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_maintenance_windows_kind" DEFAULT 'read-only' NOT NULL,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"ends_at" timestamp(3) with time zone NOT NULL,
  	"title_vi" varchar NOT NULL,
  	"title_en" varchar,
  	"reason_vi" varchar,
  	"reason_en" varchar,
  	"short_notice_reason" varchar,
  	"announced_at" timestamp(3) with time zone,
  	"short_notice_approved_at" timestamp(3) with time zone,
  	"short_notice_approved_by_id" integer,
  	"ended_at" timestamp(3) with time zone,
  	"cancelled_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	CONSTRAINT "maintenance_windows_ends_after_start" CHECK ("ends_at" > "starts_at")
  );
  
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "maintenance_windows_id" integer;
  ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_short_notice_approved_by_id_accounts_id_fk" FOREIGN KEY ("short_notice_approved_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "maintenance_windows_starts_at_idx" ON "maintenance_windows" USING btree ("starts_at");
  CREATE INDEX "maintenance_windows_ends_at_idx" ON "maintenance_windows" USING btree ("ends_at");
  CREATE INDEX "maintenance_windows_short_notice_approved_by_idx" ON "maintenance_windows" USING btree ("short_notice_approved_by_id");
  CREATE INDEX "maintenance_windows_updated_at_idx" ON "maintenance_windows" USING btree ("updated_at");
  CREATE INDEX "maintenance_windows_created_at_idx" ON "maintenance_windows" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_maintenance_windows_fk" FOREIGN KEY ("maintenance_windows_id") REFERENCES "public"."maintenance_windows"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_maintenance_windows_id_idx" ON "payload_locked_documents_rels" USING btree ("maintenance_windows_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "maintenance_windows" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "maintenance_windows" CASCADE;
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_maintenance_windows_fk";
  
  DROP INDEX "payload_locked_documents_rels_maintenance_windows_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "maintenance_windows_id";
  DROP TYPE "public"."enum_maintenance_windows_kind";`)
}
