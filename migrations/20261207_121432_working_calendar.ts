import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { KNOWN_DECISIONS } from '../src/domain/calendar/decisions'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_working_calendar_kind" AS ENUM('holiday', 'day-off', 'working-day');
  CREATE TYPE "public"."enum_working_calendar_occasion" AS ENUM('tet', 'national-day', 'other');
  CREATE TABLE "working_calendar" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"year" numeric,
  	"kind" "enum_working_calendar_kind" NOT NULL,
  	"occasion" "enum_working_calendar_occasion",
  	"name" varchar,
  	"source" varchar NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "working_calendar_id" integer;
  CREATE UNIQUE INDEX "working_calendar_date_idx" ON "working_calendar" USING btree ("date");
  CREATE INDEX "working_calendar_year_idx" ON "working_calendar" USING btree ("year");
  CREATE INDEX "working_calendar_updated_at_idx" ON "working_calendar" USING btree ("updated_at");
  CREATE INDEX "working_calendar_created_at_idx" ON "working_calendar" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_working_calendar_fk" FOREIGN KEY ("working_calendar_id") REFERENCES "public"."working_calendar"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_working_calendar_id_idx" ON "payload_locked_documents_rels" USING btree ("working_calendar_id");`)
  // A civil date, never an instant (src/domain/calendar/civilDate.ts); a holiday says which occasion it belongs to.
  await db.execute(sql`
  ALTER TABLE "working_calendar" ADD CONSTRAINT "working_calendar_date_civil" CHECK ("date" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND "date"::date IS NOT NULL);
  ALTER TABLE "working_calendar" ADD CONSTRAINT "working_calendar_year_of_date" CHECK ("year" = substr("date", 1, 4)::numeric);
  ALTER TABLE "working_calendar" ADD CONSTRAINT "working_calendar_holiday_occasion" CHECK (("kind" = 'holiday') = ("occasion" IS NOT NULL));`)
  // The yearly decisions known at release (src/domain/calendar/decisions.ts); later years are entered by ministry HR.
  for (const e of KNOWN_DECISIONS) {
    await db.execute(sql`
      INSERT INTO "working_calendar" ("date", "year", "kind", "occasion", "name", "source")
      VALUES (${e.date}, ${Number(e.date.slice(0, 4))}, ${e.kind}::enum_working_calendar_kind,
              ${e.occasion ?? null}::enum_working_calendar_occasion, ${e.name ?? null}, ${e.source ?? ''})
      ON CONFLICT ("date") DO NOTHING`)
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "working_calendar" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "working_calendar" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_working_calendar_fk";
  
  DROP INDEX "payload_locked_documents_rels_working_calendar_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "working_calendar_id";
  DROP TYPE "public"."enum_working_calendar_kind";
  DROP TYPE "public"."enum_working_calendar_occasion";`)
}
