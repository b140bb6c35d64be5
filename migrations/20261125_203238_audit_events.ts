import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_audit_events_operation" AS ENUM('create', 'update', 'delete', 'read', 'export', 'print', 'sign', 'login', 'login-failed', 'grant', 'approve', 'return', 'backup', 'restore');
  CREATE TABLE "audit_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"seq" numeric,
  	"occurred_at" timestamp(3) with time zone,
  	"operation" "enum_audit_events_operation" NOT NULL,
  	"target_collection" varchar,
  	"record_ids" varchar,
  	"subjects" varchar,
  	"subject_units" varchar,
  	"actor_id" numeric,
  	"actor_name" varchar,
  	"actor_roles" varchar,
  	"ip" varchar,
  	"user_agent" varchar,
  	"request_id" varchar,
  	"purpose" varchar,
  	"changes" jsonb,
  	"detail" jsonb,
  	"prev_hash" varchar,
  	"hash" varchar
  );
  
  CREATE UNIQUE INDEX "audit_events_seq_idx" ON "audit_events" USING btree ("seq");
  CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" USING btree ("occurred_at");
  CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" USING btree ("actor_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "audit_events" CASCADE;
  DROP TYPE "public"."enum_audit_events_operation";`)
}
