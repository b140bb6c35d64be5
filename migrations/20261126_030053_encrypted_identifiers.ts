import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { dataKeyring } from '../src/crypto/dataKey'
import { resealIdentifiers } from '../src/crypto/resealDatabase'
import type { Drizzle } from '../src/db/pool'

/**
 * Identifiers encrypted at rest (src/domain/sealedValue.ts). Schema (generated): the CCCD's unique index moves
 * from the column, which now holds ciphertext, to its new blind-index column. Data (hand-written): every
 * existing CCCD, BHXH and tax-code number — in `staff` and in change requests — is sealed with the data key
 * and the blind index filled, in this migration's transaction. So `npm run migrate` on an existing database
 * needs the key that the app will run with (HOSO_DATA_KEY / HOSO_DATA_KEY_FILE, or the generated
 * <HOSO_DATA_DIR>/data-key outside production). `down` opens them again with the same key.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "staff_national_id_idx";
  ALTER TABLE "staff" ADD COLUMN "national_id_index" varchar;`)
  await resealIdentifiers(db as unknown as Drizzle, dataKeyring(), 'seal')
  await db.execute(sql`CREATE UNIQUE INDEX "staff_national_id_index_idx" ON "staff" USING btree ("national_id_index");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await resealIdentifiers(db as unknown as Drizzle, dataKeyring(), 'plain')
  await db.execute(sql`
   DROP INDEX "staff_national_id_index_idx";
  CREATE UNIQUE INDEX "staff_national_id_idx" ON "staff" USING btree ("national_id");
  ALTER TABLE "staff" DROP COLUMN "national_id_index";`)
}
