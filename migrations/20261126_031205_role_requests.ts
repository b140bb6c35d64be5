import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_role_requests_roles" AS ENUM('staff', 'unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin');
  CREATE TYPE "public"."enum_role_requests_previous_roles" AS ENUM('staff', 'unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin');
  CREATE TYPE "public"."enum_role_requests_approver_roles" AS ENUM('staff', 'unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin');
  CREATE TYPE "public"."enum_role_requests_status" AS ENUM('pending', 'approved', 'refused', 'superseded');
  CREATE TABLE "role_requests_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_role_requests_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "role_requests_previous_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_role_requests_previous_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "role_requests_approver_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_role_requests_approver_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "role_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"summary" varchar,
  	"account_id" integer,
  	"unit_id" integer,
  	"staff_id" integer,
  	"requested_by_id" integer,
  	"status" "enum_role_requests_status" DEFAULT 'pending' NOT NULL,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "role_requests_id" integer;
  ALTER TABLE "role_requests_roles" ADD CONSTRAINT "role_requests_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."role_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "role_requests_previous_roles" ADD CONSTRAINT "role_requests_previous_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."role_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "role_requests_approver_roles" ADD CONSTRAINT "role_requests_approver_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."role_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "role_requests" ADD CONSTRAINT "role_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "role_requests" ADD CONSTRAINT "role_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "role_requests" ADD CONSTRAINT "role_requests_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "role_requests" ADD CONSTRAINT "role_requests_requested_by_id_accounts_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "role_requests" ADD CONSTRAINT "role_requests_decided_by_id_accounts_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "role_requests_roles_order_idx" ON "role_requests_roles" USING btree ("order");
  CREATE INDEX "role_requests_roles_parent_idx" ON "role_requests_roles" USING btree ("parent_id");
  CREATE INDEX "role_requests_previous_roles_order_idx" ON "role_requests_previous_roles" USING btree ("order");
  CREATE INDEX "role_requests_previous_roles_parent_idx" ON "role_requests_previous_roles" USING btree ("parent_id");
  CREATE INDEX "role_requests_approver_roles_order_idx" ON "role_requests_approver_roles" USING btree ("order");
  CREATE INDEX "role_requests_approver_roles_parent_idx" ON "role_requests_approver_roles" USING btree ("parent_id");
  CREATE INDEX "role_requests_account_idx" ON "role_requests" USING btree ("account_id");
  CREATE INDEX "role_requests_unit_idx" ON "role_requests" USING btree ("unit_id");
  CREATE INDEX "role_requests_staff_idx" ON "role_requests" USING btree ("staff_id");
  CREATE INDEX "role_requests_requested_by_idx" ON "role_requests" USING btree ("requested_by_id");
  CREATE INDEX "role_requests_status_idx" ON "role_requests" USING btree ("status");
  CREATE INDEX "role_requests_decided_by_idx" ON "role_requests" USING btree ("decided_by_id");
  CREATE INDEX "role_requests_updated_at_idx" ON "role_requests" USING btree ("updated_at");
  CREATE INDEX "role_requests_created_at_idx" ON "role_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_role_requests_fk" FOREIGN KEY ("role_requests_id") REFERENCES "public"."role_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_role_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("role_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "role_requests_roles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "role_requests_previous_roles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "role_requests_approver_roles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "role_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "role_requests_roles" CASCADE;
  DROP TABLE "role_requests_previous_roles" CASCADE;
  DROP TABLE "role_requests_approver_roles" CASCADE;
  DROP TABLE "role_requests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_role_requests_fk";
  
  DROP INDEX "payload_locked_documents_rels_role_requests_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "role_requests_id";
  DROP TYPE "public"."enum_role_requests_roles";
  DROP TYPE "public"."enum_role_requests_previous_roles";
  DROP TYPE "public"."enum_role_requests_approver_roles";
  DROP TYPE "public"."enum_role_requests_status";`)
}
