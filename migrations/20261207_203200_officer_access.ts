import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_data_requests_access_status" AS ENUM('requested', 'approved');
  ALTER TABLE "data_requests" ADD COLUMN "access_status" "enum_data_requests_access_status";
  ALTER TABLE "data_requests" ADD COLUMN "access_requested_by_id" integer;
  ALTER TABLE "data_requests" ADD COLUMN "access_approved_by_id" integer;
  ALTER TABLE "data_requests" ADD COLUMN "access_approved_at" timestamp(3) with time zone;
  ALTER TABLE "data_requests" ADD COLUMN "access_until" timestamp(3) with time zone;
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_access_requested_by_id_accounts_id_fk" FOREIGN KEY ("access_requested_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_access_approved_by_id_accounts_id_fk" FOREIGN KEY ("access_approved_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "data_requests_access_requested_by_idx" ON "data_requests" USING btree ("access_requested_by_id");
  CREATE INDEX "data_requests_access_approved_by_idx" ON "data_requests" USING btree ("access_approved_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "data_requests" DROP CONSTRAINT "data_requests_access_requested_by_id_accounts_id_fk";
  
  ALTER TABLE "data_requests" DROP CONSTRAINT "data_requests_access_approved_by_id_accounts_id_fk";
  
  DROP INDEX "data_requests_access_requested_by_idx";
  DROP INDEX "data_requests_access_approved_by_idx";
  ALTER TABLE "data_requests" DROP COLUMN "access_status";
  ALTER TABLE "data_requests" DROP COLUMN "access_requested_by_id";
  ALTER TABLE "data_requests" DROP COLUMN "access_approved_by_id";
  ALTER TABLE "data_requests" DROP COLUMN "access_approved_at";
  ALTER TABLE "data_requests" DROP COLUMN "access_until";
  DROP TYPE "public"."enum_data_requests_access_status";`)
}
