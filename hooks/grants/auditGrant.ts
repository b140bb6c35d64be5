import type { CollectionAfterChangeHook } from 'payload'

import { recordAuditEvent } from '../../src/audit/record'
import { relationId } from '../../src/domain/relationId'

const ids = (v: unknown) => (Array.isArray(v) ? v.map((x) => relationId(x)).filter((x): x is number => x != null) : [])

/**
 * A purpose-bound grant opens records to someone outside their duty: its creation is a `grant` event, its
 * approval an `approve` event, any other change (revocation, new dates) an `update` — each with what it gives.
 */
export const auditGrant: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const becameApproved = doc.status === 'approved' && previousDoc?.status !== 'approved'
  const what = {
    grantee: relationId(doc.grantee),
    action: doc.action,
    units: ids(doc.units),
    staff: ids(doc.staff),
    validFrom: doc.validFrom,
    validTo: doc.validTo,
    status: doc.status,
    ...(operation === 'update' ? { previousStatus: previousDoc?.status ?? null } : {}),
  }
  await recordAuditEvent(req, {
    operation: operation === 'create' ? 'grant' : becameApproved ? 'approve' : 'update',
    collection: 'access-grants',
    recordIds: [doc.id],
    subjects: what.staff,
    purpose: doc.purpose ?? null,
    detail: what,
  })
  if (operation === 'create' && becameApproved) {
    await recordAuditEvent(req, { operation: 'approve', collection: 'access-grants', recordIds: [doc.id], subjects: what.staff, purpose: doc.purpose ?? null, detail: what })
  }
  return doc
}
