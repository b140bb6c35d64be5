import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeDeleteHook } from 'payload'

import { staffDeletionRefusals } from '../../src/domain/staffDeletion'
import { transactionDb } from '../../src/db/pool'
import { throwIssues } from '../validationError'

/**
 * A record with an account or signed exports is not deleted (src/domain/staffDeletion.ts): the reason in
 * the user's language, nothing changed. The ON DELETE RESTRICT constraints are the backstop.
 */
export const refuseProtectedDeletion: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const db = await transactionDb(req.payload, req)
  const { rows } = await db.execute(sql`
    SELECT (SELECT count(*) FROM accounts WHERE staff_id = ${Number(id)})::int AS accounts,
           (SELECT count(*) FROM signed_exports WHERE staff_id = ${Number(id)})::int AS "signedExports"`)
  const issues = staffDeletionRefusals(rows[0] as { accounts: number; signedExports: number })
  if (issues.length) throwIssues(collection.slug, issues, req)
}
