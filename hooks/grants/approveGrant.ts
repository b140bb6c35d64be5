import type { CollectionBeforeChangeHook } from 'payload'

import { changedFields } from '../../src/domain/fieldChanges'
import { mayApproveGrant } from '../../src/domain/grants'
import { relationId } from '../../src/domain/relationId'
import { throwIssues } from '../validationError'


const SUBSTANCE = ['grantee', 'action', 'units', 'staff', 'validFrom', 'validTo'] as const

/**
 * Records who approved a grant and when; nobody approves a grant to themselves. Changing what an approved
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
  const approver = req.user?.id != null ? Number(req.user.id) : null
  if (approver == null || !mayApproveGrant(approver, { grantee: relationId(data.grantee ?? originalDoc?.grantee) })) {
    throwIssues('access-grants', [{ field: 'status', vi: 'Không ai được tự phê duyệt quyền cấp cho chính mình', en: 'Nobody may approve a grant to themselves' }], req)
  }
  data.approvedBy = approver
  data.approvedAt = new Date().toISOString()
  return data
}
