import type { CollectionBeforeChangeHook } from 'payload'

import { mayApproveGrant } from '../../src/domain/grants'
import { relationId } from '../../src/domain/relationId'
import { throwIssues } from '../validationError'


/** Records who approved a grant and when; nobody approves a grant to themselves. */
export const approveGrant: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const becomesApproved = data.status === 'approved' && originalDoc?.status !== 'approved'
  if (!becomesApproved) return data
  const approver = req.user?.id != null ? Number(req.user.id) : null
  if (approver == null || !mayApproveGrant(approver, { grantee: relationId(data.grantee ?? originalDoc?.grantee) })) {
    throwIssues('access-grants', [{ field: 'status', vi: 'Không ai được tự phê duyệt quyền cấp cho chính mình', en: 'Nobody may approve a grant to themselves' }], req)
  }
  data.approvedBy = approver
  data.approvedAt = new Date().toISOString()
  return data
}
