import type { CollectionBeforeChangeHook } from 'payload'

import { changedFields } from '../../src/domain/fieldChanges'
import { actorOf } from '../../src/accounts/actor'
import { grantApprovalRefusal } from '../../src/domain/grants'
import { relationId } from '../../src/domain/relationId'
import { throwIssues } from '../validationError'


const SUBSTANCE = ['grantee', 'action', 'units', 'staff', 'validFrom', 'validTo'] as const

/**
 * Records who approved a grant and when: ministry HR, never the grantee (src/domain/grants.ts). Changing what an approved
 * grant gives (who, what, which records, when) puts it back to "pending": an approval covers what was approved.
 */
export const approveGrant: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const wasApproved = originalDoc?.status === 'approved'
  if (wasApproved && changedFields(data, originalDoc, SUBSTANCE).length) {
    if (data.status === 'approved' || data.status === undefined) data.status = 'pending'
    data.approvedBy = null
    data.approvedAt = null
    return data
  }
  const becomesApproved = data.status === 'approved' && !wasApproved
  if (!becomesApproved) return data
  const actor = actorOf(req)
  const approver = req.user?.id != null && actor ? { id: Number(req.user.id), roles: actor.roles } : null
  const refusal = grantApprovalRefusal(approver, { grantee: relationId(data.grantee ?? originalDoc?.grantee) })
  if (refusal) throwIssues('access-grants', [{ field: 'status', ...refusal }], req)
  data.approvedBy = approver!.id
  data.approvedAt = new Date().toISOString()
  return data
}
