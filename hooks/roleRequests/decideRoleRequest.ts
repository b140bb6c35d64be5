import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { APPLYING_APPROVED_REQUEST, SUPERSEDING } from '../../src/accounts/contextFlags'
import { recordAuditEvent } from '../../src/audit/record'
import { relationId } from '../../src/domain/relationId'
import { mayDecideRoleRequest } from '../../src/domain/roleChanges'
import { throwIssues } from '../validationError'

/**
 * A pending request is approved or refused once, by an authorised person other than the requester and the
 * account's holder (src/domain/roleChanges.ts); a decided request stays as decided.
 */
export const decideRoleRequest: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || data.status === undefined || data.status === originalDoc.status) return data
  if (!req.user) return data
  // A newer request for the same account replaces a pending one (hooks/accounts/requestPrivilegeChanges.ts).
  if (data.status === 'superseded' && (req.context as Record<string, unknown>)[SUPERSEDING] && originalDoc.status === 'pending') return data
  const decided = originalDoc.status !== 'pending' || !['approved', 'refused'].includes(data.status as string)
  if (decided) {
    throwIssues('role-requests', [{ field: 'status', vi: 'Đề nghị này đã được xử lý', en: 'This request has already been decided' }], req)
  }
  const actor = actorOf(req)
  const issue = mayDecideRoleRequest(
    { id: Number(req.user.id), roles: actor?.roles ?? [] },
    { accountId: relationId(originalDoc.account)!, requestedBy: relationId(originalDoc.requestedBy), approverRoles: (originalDoc.approverRoles as string[]) ?? [] },
  )
  if (issue) throwIssues('role-requests', [issue], req)
  data.decidedBy = Number(req.user.id)
  data.decidedAt = new Date().toISOString()
  return data
}

/** An approval gives the account the requested roles and unit; both decisions are audit events. */
export const applyApprovedRoleRequest: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || previousDoc?.status !== 'pending' || !['approved', 'refused'].includes(doc.status)) return doc
  const accountId = relationId(doc.account)!
  if (doc.status === 'approved') {
    await req.payload.update({
      collection: 'accounts',
      id: accountId,
      data: { roles: doc.roles, unit: relationId(doc.unit), staff: relationId(doc.staff) },
      overrideAccess: true,
      context: { [APPLYING_APPROVED_REQUEST]: true },
      req,
    })
  }
  await recordAuditEvent(req, {
    operation: doc.status === 'approved' ? 'approve' : 'return',
    collection: 'accounts',
    recordIds: [accountId],
    detail: { roleRequest: doc.id, roles: doc.roles, unit: relationId(doc.unit), staff: relationId(doc.staff), requestedBy: relationId(doc.requestedBy), decision: doc.status },
  })
  return doc
}
