/**
 * Giving and withdrawing consent for the items held by consent (src/domain/consents.ts). A withdrawal removes the
 * item from the record at once (the value, or the current photo), in the same transaction, both audited.
 */
import type { PayloadRequest } from 'payload'

import { recordAuditEvent } from '../audit/record'
import { inTransaction } from '../db/transaction'
import { checkConsent, consentItems } from '../domain/consents'
import { DomainError, refuse } from '../domain/errors'
import { relationId } from '../domain/relationId'
import { ownStaffId } from './myData'
import { dataRequestsNow } from './workflow'

export async function giveConsent(req: PayloadRequest, body: Record<string, unknown>, now = dataRequestsNow()) {
  const staffId = ownStaffId(req)
  const issues = checkConsent(body, consentItems(process.env))
  if (issues.length) throw new DomainError(issues)
  return inTransaction(req, async () => {
    const doc = await req.payload.create({
      collection: 'consents',
      data: { staff: staffId, item: String(body.item), text: String(body.text).trim(), givenAt: now.toISOString(), givenBy: req.user!.id } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await recordAuditEvent(req, { operation: 'create', collection: 'consents', recordIds: [doc.id], subjects: [staffId], detail: { action: 'consent', item: body.item } })
    return doc
  })
}

export async function withdrawConsent(req: PayloadRequest, id: number, now = dataRequestsNow()) {
  const staffId = ownStaffId(req)
  return inTransaction(req, async () => {
    const found = await req.payload.find({ collection: 'consents', where: { and: [{ id: { equals: id } }, { staff: { equals: staffId } }] }, depth: 0, limit: 1, overrideAccess: true, req })
    const consent = found.docs[0] as unknown as { id: number; item: string; withdrawnAt?: string | null; staff: unknown } | undefined
    if (!consent) refuse('not-found', 'id', 'Không tìm thấy sự đồng ý', 'Consent not found')
    if (consent.withdrawnAt) refuse('conflict', 'withdrawnAt', 'Sự đồng ý này đã được rút lại', 'This consent was already withdrawn')
    const doc = await req.payload.update({ collection: 'consents', id, data: { withdrawnAt: now.toISOString() } as never, depth: 0, overrideAccess: true, req })
    // The item is no longer processed: removed from the record (a photo file stays in the photo history, unlinked).
    await req.payload.update({ collection: 'staff', id: relationId(consent.staff)!, data: { [consent.item]: null } as never, depth: 0, overrideAccess: true, req, context: { consentWithdrawn: true } })
    await recordAuditEvent(req, { operation: 'update', collection: 'consents', recordIds: [id], subjects: [staffId], detail: { action: 'withdraw', item: consent.item, removedFromRecord: true } })
    return doc
  })
}
