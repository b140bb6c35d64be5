import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { APPLYING_SECURITY_REQUEST } from '../../src/accounts/contextFlags'
import { settleSecurityRequest } from '../../src/accounts/securityRequests'
import { mayDecideSecurityRequest } from '../../src/domain/accountSecurity'
import { relationId } from '../../src/domain/relationId'
import { throwIssues } from '../validationError'

const DECISIONS = ['approved', 'refused']

/** A pending request is approved or refused once, by ministry HR who neither asked for it nor holds the account. */
export const decideSecurityRequest: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || data.status === undefined || data.status === originalDoc.status) return data
  if ((req.context as Record<string, unknown>)[APPLYING_SECURITY_REQUEST] && data.status === 'superseded' && originalDoc.status === 'pending') return data
  if (originalDoc.status !== 'pending' || !DECISIONS.includes(data.status as string)) {
    throwIssues('security-requests', [{ field: 'status', vi: 'Đề nghị này đã được xử lý', en: 'This request has already been decided' }], req)
  }
  const issue = req.user
    ? mayDecideSecurityRequest({ id: Number(req.user.id), roles: actorOf(req)?.roles ?? [] }, { accountId: relationId(originalDoc.account), requestedBy: relationId(originalDoc.requestedBy) })
    : { field: 'status', vi: 'Bạn cần đăng nhập.', en: 'Please sign in.' }
  if (issue) throwIssues('security-requests', [issue], req)
  data.decidedBy = Number(req.user!.id)
  data.decidedAt = new Date().toISOString()
  return data
}

/** The decision is carried out (an approval applies the change) and recorded in the audit trail. */
export const settleDecidedRequest: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || previousDoc?.status !== 'pending' || !DECISIONS.includes(doc.status)) return doc
  await settleSecurityRequest(req, doc)
  return doc
}
