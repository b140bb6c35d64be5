import type { Payload } from 'payload'

import { NO_PENDING, type PendingChanges } from '../domain/forms'

/**
 * The unapproved changes of a staff record, for the review print. Empty until the change-request workflow
 * lands; it then returns that record's open requests as FieldChange/RowChange lists (src/domain/recordDiff).
 */
export async function pendingChangesFor(_payload: Payload, _staffId: number): Promise<PendingChanges> {
  return NO_PENDING
}
