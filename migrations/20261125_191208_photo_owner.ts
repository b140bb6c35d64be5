import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "photos" ADD COLUMN "staff_id" integer NOT NULL;
  ALTER TABLE "photos" ADD CONSTRAINT "photos_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "photos_staff_idx" ON "photos" USING btree ("staff_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "photos" DROP CONSTRAINT "photos_staff_id_staff_id_fk";
  
  DROP INDEX "photos_staff_idx";
  ALTER TABLE "photos" DROP COLUMN "staff_id";`)
}
