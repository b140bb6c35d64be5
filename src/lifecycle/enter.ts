import type { PayloadRequest } from 'payload'

import { actorWithGrants } from '../accounts/actor'
import { checkDecision, checkRevocable, DECISION_EFFECTS, initialState, mayEnterDecision, type DecisionChanges, type DecisionKind } from '../domain/lifecycle'
import { DomainError, refuse } from '../domain/errors'
import { relationId } from '../domain/relationId'
import { decideTransfer, transferRefusalIssue } from '../domain/transfer'

type Data = Record<string, unknown>

/** The `changes` group of a decision as the domain reads it. */
export function changesOf(doc: Data): DecisionChanges {
  const c = (doc.changes ?? {}) as Data
  const num = (v: unknown) => (v == null || v === '' ? null : Number(v))
  return {
    unitId: relationId(c.unit),
    position: (c.position as string | null | undefined) || null,
    rankId: relationId(c.rank),
    salaryStep: num(c.salaryStep),
    salaryCoefficient: num(c.salaryCoefficient),
    toAgency: (c.toAgency as string | null | undefined) || null,
  }
}

/**
 * A new decision before it is saved: entered by an HR officer, complete for its kind, a unit change allowed by
 * the one transfer rule (src/domain/transfer.ts), a correction naming a decision of the same person with its
 * reason. Sets the state the decision starts in (four-eyes kinds wait for approval) and who entered it.
 * Throws a DomainError; the hook maps it to the HTTP answer.
 */
export async function prepareNewDecision(req: PayloadRequest, data: Data): Promise<Data> {
  const actor = await actorWithGrants(req)
  // Without a user: server code (seed, import) — the access rule already stands in front of every API call.
  if (req.user && !mayEnterDecision(actor)) refuse('forbidden', 'kind', 'Chỉ cán bộ tổ chức mới được nhập quyết định', 'Only HR officers may enter decisions')
  const kind = data.kind as DecisionKind
  const changes = changesOf(data)
  const issues = checkDecision({ kind, signedDate: data.signedDate as string, effectiveDate: data.effectiveDate as string, changes })
  if (issues.length) throw new DomainError(issues)
  const staffId = relationId(data.staff)
  const staff = staffId == null ? null : await req.payload.findByID({ collection: 'staff', id: staffId, depth: 0, req, overrideAccess: true, disableErrors: true })
  if (!staff) refuse('invalid', 'staff', 'Không tìm thấy hồ sơ của người có tên trong quyết định', 'The person named in the decision was not found')
  if (DECISION_EFFECTS[kind].unit && changes.unitId != null && changes.unitId !== relationId(staff.unit) && req.user) {
    const unit = await req.payload.findByID({ collection: 'units', id: changes.unitId, depth: 0, req, overrideAccess: true, disableErrors: true })
    if (!unit) refuse('invalid', 'changes.unit', 'Không tìm thấy đơn vị công tác mới', 'The new unit was not found')
    const transfer = decideTransfer(actor, { fromUnitPath: String(staff.unitPath ?? ''), toUnitPath: String(unit.path ?? '') })
    if (!transfer.allowed) throw new DomainError([transferRefusalIssue(transfer.reason, 'changes.unit')], 'forbidden')
  }
  const correctsId = relationId(data.corrects)
  if (correctsId != null) {
    const corrected = await req.payload.findByID({ collection: 'decisions', id: correctsId, depth: 0, req, overrideAccess: true, disableErrors: true })
    if (!corrected || relationId(corrected.staff) !== staffId) {
      refuse('invalid', 'corrects', 'Quyết định được đính chính phải là quyết định của cùng một người', 'The corrected decision must concern the same person')
    }
    checkRevocable(corrected, data.correctionReason as string | null)
  }
  return { ...data, state: initialState(kind), enteredBy: req.user?.id ?? null, approvedBy: null, approvedAt: null, appliedAt: null, revokedAt: null, revokedBy: null, revocationReason: null, applied: null }
}
