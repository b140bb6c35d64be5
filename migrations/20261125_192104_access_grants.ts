import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_access_grants_action" AS ENUM('read', 'update');
  CREATE TYPE "public"."enum_access_grants_status" AS ENUM('pending', 'approved', 'revoked');
  CREATE TABLE "access_grants" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"grantee_id" integer NOT NULL,
  	"action" "enum_access_grants_action" DEFAULT 'read' NOT NULL,
  	"purpose" varchar NOT NULL,
  	"valid_from" timestamp(3) with time zone NOT NULL,
  	"valid_to" timestamp(3) with time zone NOT NULL,
  	"status" "enum_access_grants_status" DEFAULT 'pending' NOT NULL,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "access_grants_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"units_id" integer,
  	"staff_id" integer
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "access_grants_id" integer;
  ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_grantee_id_accounts_id_fk" FOREIGN KEY ("grantee_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_approved_by_id_accounts_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "access_grants_rels" ADD CONSTRAINT "access_grants_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."access_grants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "access_grants_rels" ADD CONSTRAINT "access_grants_rels_units_fk" FOREIGN KEY ("units_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "access_grants_rels" ADD CONSTRAINT "access_grants_rels_staff_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "access_grants_grantee_idx" ON "access_grants" USING btree ("grantee_id");
  CREATE INDEX "access_grants_approved_by_idx" ON "access_grants" USING btree ("approved_by_id");
  CREATE INDEX "access_grants_updated_at_idx" ON "access_grants" USING btree ("updated_at");
  CREATE INDEX "access_grants_created_at_idx" ON "access_grants" USING btree ("created_at");
  CREATE INDEX "access_grants_rels_order_idx" ON "access_grants_rels" USING btree ("order");
  CREATE INDEX "access_grants_rels_parent_idx" ON "access_grants_rels" USING btree ("parent_id");
  CREATE INDEX "access_grants_rels_path_idx" ON "access_grants_rels" USING btree ("path");
  CREATE INDEX "access_grants_rels_units_id_idx" ON "access_grants_rels" USING btree ("units_id");
  CREATE INDEX "access_grants_rels_staff_id_idx" ON "access_grants_rels" USING btree ("staff_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_access_grants_fk" FOREIGN KEY ("access_grants_id") REFERENCES "public"."access_grants"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_access_grants_id_idx" ON "payload_locked_documents_rels" USING btree ("access_grants_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "access_grants" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "access_grants_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "access_grants" CASCADE;
  DROP TABLE "access_grants_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_access_grants_fk";
  
  DROP INDEX "payload_locked_documents_rels_access_grants_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "access_grants_id";
  DROP TYPE "public"."enum_access_grants_action";
  DROP TYPE "public"."enum_access_grants_status";`)
}
