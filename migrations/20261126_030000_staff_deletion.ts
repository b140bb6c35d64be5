import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: what happens to rows that point at a staff record when the record is deleted. Payload
 * gives every relationship `ON DELETE SET NULL`, which fails on the required `staff` columns (the delete
 * was refused with a not-null violation) and would otherwise leave ownerless rows of personal data.
 * - CASCADE: what belongs to the record only — the 8 histories, photos, change requests (their
 *   transitions follow), reminder log rows.
 * - RESTRICT: what must outlive it — the person's account (disable it instead) and signed exports (legal
 *   documents, verifiable at /xac-thuc). hooks/staff/refuseProtectedDeletion.ts names the reason first;
 *   these constraints hold even for a concurrent insert or a direct SQL delete.
 * The audit trail has no foreign key to staff (subjects are ids and unit paths), so it never blocks.
 * A migration that Payload generates later for one of these relationship fields would recreate its
 * constraint as SET NULL: test/int/staffDeletion.test.ts fails then.
 */
const CASCADE = [
  'training_records',
  'work_history',
  'salary_history',
  'allowance_history',
  'awards',
  'evaluations',
  'disciplines',
  'family_members',
  'photos',
  'change_requests',
  'reminder_sends',
]
const RESTRICT = ['accounts', 'signed_exports']

function setRule(table: string, rule: 'CASCADE' | 'RESTRICT' | 'SET NULL') {
  const fk = `${table}_staff_id_staff_id_fk`
  return sql.raw(`
  ALTER TABLE "${table}" DROP CONSTRAINT "${fk}";
  ALTER TABLE "${table}" ADD CONSTRAINT "${fk}" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE ${rule} ON UPDATE no action;`)
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const t of CASCADE) await db.execute(setRule(t, 'CASCADE'))
  for (const t of RESTRICT) await db.execute(setRule(t, 'RESTRICT'))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const t of [...CASCADE, ...RESTRICT]) await db.execute(setRule(t, 'SET NULL'))
}
