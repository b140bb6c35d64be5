import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { up as lockoutBackoffUp } from './20261125_224500_lockout_backoff'

/**
 * Account security (docs/security.md):
 * - `security_requests`: e-mail changes, second-factor resets, re-enabling and unit moves waiting for a second person;
 * - `rate_limits`: the PostgreSQL-backed rate limiter (src/rateLimit/limiter.ts), one fixed window per key, shared by
 *   every instance; sign-in is throttled there by client address;
 * - Payload's per-account lockout is off (it let anyone lock a person out): its columns and the back-off trigger go.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "rate_limits" (
    "key" text PRIMARY KEY,
    "hits" integer NOT NULL,
    "window_start" timestamptz NOT NULL,
    "window_ms" bigint NOT NULL
  );
  CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits" ("window_start");
  DROP TRIGGER IF EXISTS accounts_lockout_backoff ON accounts;
  DROP FUNCTION IF EXISTS hoso_lockout_backoff();
  ALTER TABLE "accounts" DROP COLUMN IF EXISTS "lockouts";
   CREATE TYPE "public"."enum_security_requests_kind" AS ENUM('email-change', 'second-factor-reset', 'enable', 'unit-move');
  CREATE TYPE "public"."enum_security_requests_status" AS ENUM('pending', 'approved', 'refused', 'superseded');
  CREATE TABLE "security_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"summary" varchar,
  	"kind" "enum_security_requests_kind" NOT NULL,
  	"account_id" integer,
  	"new_email" varchar,
  	"unit_id" integer,
  	"previous_parent_id" integer,
  	"new_parent_id" integer,
  	"requested_by_id" integer,
  	"status" "enum_security_requests_status" DEFAULT 'pending' NOT NULL,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "security_requests_id" integer;
  ALTER TABLE "security_requests" ADD CONSTRAINT "security_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "security_requests" ADD CONSTRAINT "security_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "security_requests" ADD CONSTRAINT "security_requests_previous_parent_id_units_id_fk" FOREIGN KEY ("previous_parent_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "security_requests" ADD CONSTRAINT "security_requests_new_parent_id_units_id_fk" FOREIGN KEY ("new_parent_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "security_requests" ADD CONSTRAINT "security_requests_requested_by_id_accounts_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "security_requests" ADD CONSTRAINT "security_requests_decided_by_id_accounts_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "security_requests_kind_idx" ON "security_requests" USING btree ("kind");
  CREATE INDEX "security_requests_account_idx" ON "security_requests" USING btree ("account_id");
  CREATE INDEX "security_requests_unit_idx" ON "security_requests" USING btree ("unit_id");
  CREATE INDEX "security_requests_previous_parent_idx" ON "security_requests" USING btree ("previous_parent_id");
  CREATE INDEX "security_requests_new_parent_idx" ON "security_requests" USING btree ("new_parent_id");
  CREATE INDEX "security_requests_requested_by_idx" ON "security_requests" USING btree ("requested_by_id");
  CREATE INDEX "security_requests_status_idx" ON "security_requests" USING btree ("status");
  CREATE INDEX "security_requests_decided_by_idx" ON "security_requests" USING btree ("decided_by_id");
  CREATE INDEX "security_requests_updated_at_idx" ON "security_requests" USING btree ("updated_at");
  CREATE INDEX "security_requests_created_at_idx" ON "security_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_security_requests_fk" FOREIGN KEY ("security_requests_id") REFERENCES "public"."security_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_security_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("security_requests_id");
  ALTER TABLE "accounts" DROP COLUMN "login_attempts";
  ALTER TABLE "accounts" DROP COLUMN "lock_until";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "security_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "security_requests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_security_requests_fk";
  
  DROP INDEX "payload_locked_documents_rels_security_requests_id_idx";
  ALTER TABLE "accounts" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "accounts" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "security_requests_id";
  DROP TYPE "public"."enum_security_requests_kind";
  DROP TYPE "public"."enum_security_requests_status";
  DROP TABLE "rate_limits";`)
  await lockoutBackoffUp({ db, payload, req })
}
