import type { PayloadRequest } from 'payload'

import { DomainError } from '../domain/errors'
import { archivedRecordIssue, hasLeft, type EmploymentStatus } from '../domain/lifecycle'
import { LIFECYCLE_CONTEXT } from './apply'

/** Whether this write is a decision taking effect or being undone (the one way an archived record changes). */
export const isLifecycleWrite = (req: PayloadRequest) => (req.context as Record<string, unknown> | undefined)?.[LIFECYCLE_CONTEXT] != null

/**
 * An archived record (the person has left) is read-only: every edit of it or of its history rows is refused with
 * a 403 naming why, unless a decision is being applied or revoked. `status` is the stored record's, or looked up.
 */
export async function refuseArchivedEdit(req: PayloadRequest, staff: { id?: number | null; employmentStatus?: string | null }): Promise<void> {
  if (isLifecycleWrite(req) || staff.id == null) return
  let status = staff.employmentStatus
  if (status === undefined) {
    const doc = await req.payload.findByID({ collection: 'staff', id: staff.id, depth: 0, joins: false, select: { employmentStatus: true }, req, overrideAccess: true, disableErrors: true })
    status = doc?.employmentStatus ?? null
  }
  if (hasLeft(status as EmploymentStatus)) throw new DomainError([archivedRecordIssue(status as EmploymentStatus)], 'forbidden')
}
