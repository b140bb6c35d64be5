/**
 * A decision's way after it is entered: the second approval (four eyes), application on its effective date,
 * correction and revocation — each a recorded step with its audit event, never an overwrite.
 */
import type { PayloadRequest } from 'payload'

import { actorOf } from '../accounts/actor'
import { recordAuditEvent } from '../audit/record'
import { inTransaction } from '../db/transaction'
import { todayInVietnam } from '../domain/dates'
import { refuse } from '../domain/errors'
import { checkApproval, checkRevocable, checkRevocation, isDue, type DecisionState } from '../domain/lifecycle'
import { relationId } from '../domain/relationId'
import { applyDecision, LIFECYCLE_CONTEXT, unapplyDecision } from './apply'

type Doc = Record<string, unknown> & { id: number }

/** "now" for the workflow: tests and the demo pin the clock with HOSO_LIFECYCLE_NOW (an ISO instant). */
export function lifecycleNow(): Date {
  const pinned = process.env.HOSO_LIFECYCLE_NOW
  return pinned ? new Date(pinned) : new Date()
}

/** A decision the caller may act on: found through their own read access (404 otherwise). */
async function decisionFor(req: PayloadRequest, id: number): Promise<Doc> {
  const visible = await req.payload.find({ collection: 'decisions', where: { id: { equals: id } }, depth: 0, limit: 1, req, overrideAccess: false, user: req.user })
  if (!visible.docs.length) refuse('not-found', 'id', 'Không tìm thấy quyết định', 'Decision not found')
  // The full row (with what applying changed, which no API reader sees).
  return (await req.payload.findByID({ collection: 'decisions', id, depth: 0, req, overrideAccess: true })) as unknown as Doc
}

async function setDecision(req: PayloadRequest, id: number, data: Record<string, unknown>) {
  await req.payload.update({ collection: 'decisions', id, data, depth: 0, req, overrideAccess: true, context: { [LIFECYCLE_CONTEXT]: id } })
}

/**
 * After entry (same transaction): revoke the decision it corrects, and apply it at once if entered late.
 * Returns the decision's state now.
 */
export async function afterDecisionEntered(req: PayloadRequest, doc: Doc, now = lifecycleNow()): Promise<DecisionState> {
  const correctsId = relationId(doc.corrects)
  if (correctsId != null) {
    const corrected = (await req.payload.findByID({ collection: 'decisions', id: correctsId, depth: 0, req, overrideAccess: true })) as unknown as Doc
    await revokeLoaded(req, corrected, `Đính chính bằng quyết định số ${String(doc.number)}: ${String(doc.correctionReason ?? '')}`, now)
  }
  if (isDue({ state: doc.state as DecisionState, effectiveDate: doc.effectiveDate as string }, now) && (await applyDecision(req, doc.id, now, 'entry'))) return 'applied'
  return doc.state as DecisionState
}

/** The second approval of a four-eyes decision; applied at once if its date has come. */
export async function approveDecision(req: PayloadRequest, id: number, now = lifecycleNow()): Promise<Doc> {
  return inTransaction(req, async () => {
    const decision = await decisionFor(req, id)
    const actor = actorOf(req)
    checkApproval(actor ? { ...actor, accountId: Number(req.user!.id) } : null, { state: decision.state as DecisionState, enteredBy: relationId(decision.enteredBy) })
    await setDecision(req, id, { state: 'approved', approvedBy: req.user!.id, approvedAt: now.toISOString() })
    await recordAuditEvent(req, { operation: 'approve', collection: 'decisions', recordIds: [id], subjects: [relationId(decision.staff)!], detail: { kind: decision.kind, number: decision.number } })
    if (isDue({ state: 'approved', effectiveDate: decision.effectiveDate as string }, now)) await applyDecision(req, id, now, 'entry')
    return (await req.payload.findByID({ collection: 'decisions', id, depth: 0, req, overrideAccess: true })) as unknown as Doc
  })
}

async function revokeLoaded(req: PayloadRequest, decision: Doc, reason: string, now: Date) {
  checkRevocable({ state: decision.state as DecisionState }, reason)
  if (decision.state === 'applied') await unapplyDecision(req, decision, now)
  await setDecision(req, decision.id, { state: 'revoked', revokedBy: req.user?.id ?? null, revokedAt: now.toISOString(), revocationReason: reason })
  await recordAuditEvent(req, {
    operation: 'update',
    collection: 'decisions',
    recordIds: [decision.id],
    subjects: [relationId(decision.staff)!],
    detail: { action: 'revoke', kind: decision.kind, number: decision.number, wasApplied: decision.state === 'applied', reason },
  })
}

/** Revokes a decision with its reason; an applied one is undone first (src/lifecycle/apply.ts). */
export async function revokeDecision(req: PayloadRequest, id: number, reason: string, now = lifecycleNow()): Promise<Doc> {
  return inTransaction(req, async () => {
    const decision = await decisionFor(req, id)
    checkRevocation(actorOf(req), { state: decision.state as DecisionState }, reason)
    await revokeLoaded(req, decision, reason.trim(), now)
    return (await req.payload.findByID({ collection: 'decisions', id, depth: 0, req, overrideAccess: true })) as unknown as Doc
  })
}

/** Ids of approved decisions whose effective date has come, oldest first. */
export async function dueDecisionIds(req: PayloadRequest, now: Date): Promise<number[]> {
  const due = await req.payload.find({
    collection: 'decisions',
    where: { and: [{ state: { equals: 'approved' } }, { effectiveDate: { less_than_equal: todayInVietnam(now).toISOString() } }] },
    sort: 'effectiveDate',
    depth: 0,
    pagination: false,
    select: {},
    req,
    overrideAccess: true,
  })
  return due.docs.map((d) => Number(d.id))
}
