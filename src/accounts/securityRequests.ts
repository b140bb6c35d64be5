/**
 * The queue of account security operations and unit moves that wait for a second person
 * (src/domain/accountSecurity.ts; collection `security-requests`). A request replaces an older pending one for
 * the same account or unit and kind; an approval applies it; each step is an audit event.
 */
import type { PayloadRequest, Where } from 'payload'

import { APPLYING_SECURITY_REQUEST } from './contextFlags'
import { resetSecondFactor } from './secondFactor'
import { recordAuditEvent } from '../audit/record'
import { waitingMessage, waitsForSecondPerson, type SecurityRequestKind } from '../domain/accountSecurity'
import { localize, refuse } from '../domain/errors'
import { relationId } from '../domain/relationId'

export interface SecurityRequestInput {
  kind: SecurityRequestKind
  accountId?: number | null
  newEmail?: string | null
  unitId?: number | null
  newParent?: number | null
  previousParent?: number | null
  summary: string
}

const collectionOf = (kind: SecurityRequestKind) => (kind === 'unit-move' ? 'units' : 'accounts')

/** Stores a pending request (on the request's transaction) and records it; returns its id. */
export async function requestSecurityChange(req: PayloadRequest, input: SecurityRequestInput): Promise<number> {
  const subject: Where = input.kind === 'unit-move' ? { unit: { equals: input.unitId } } : { account: { equals: input.accountId } }
  await req.payload.update({
    collection: 'security-requests',
    where: { and: [subject, { kind: { equals: input.kind } }, { status: { equals: 'pending' } }] },
    data: { status: 'superseded' },
    overrideAccess: true,
    context: { [APPLYING_SECURITY_REQUEST]: true },
    req,
  })
  const created = await req.payload.create({
    collection: 'security-requests',
    data: {
      kind: input.kind,
      summary: input.summary,
      account: input.accountId ?? null,
      newEmail: input.newEmail ?? null,
      unit: input.unitId ?? null,
      newParent: input.newParent ?? null,
      previousParent: input.previousParent ?? null,
      requestedBy: req.user ? Number(req.user.id) : null,
      status: 'pending',
    },
    overrideAccess: true,
    req,
  })
  await recordAuditEvent(req, {
    operation: 'update',
    collection: collectionOf(input.kind),
    recordIds: [(input.kind === 'unit-move' ? input.unitId : input.accountId)!],
    detail: { change: input.kind, status: 'pending', securityRequest: created.id, ...(input.newEmail ? { newEmail: input.newEmail } : {}), ...(input.kind === 'unit-move' ? { from: input.previousParent ?? null, to: input.newParent ?? null } : {}) },
  })
  return Number(created.id)
}

interface RequestDoc {
  id: number
  kind: SecurityRequestKind
  status: string
  account?: unknown
  newEmail?: string | null
  unit?: unknown
  newParent?: unknown
  previousParent?: unknown
  requestedBy?: unknown
}

/** An approved request is carried out; approval and refusal are both audit events. */
export async function settleSecurityRequest(req: PayloadRequest, doc: RequestDoc): Promise<void> {
  const accountId = relationId(doc.account)
  const unitId = relationId(doc.unit)
  const context = { [APPLYING_SECURITY_REQUEST]: true }
  if (doc.status === 'approved') {
    if (doc.kind === 'email-change') {
      await req.payload.update({ collection: 'accounts', id: accountId!, data: { email: doc.newEmail! }, overrideAccess: true, context, req })
    } else if (doc.kind === 'enable') {
      await req.payload.update({ collection: 'accounts', id: accountId!, data: { disabled: false }, overrideAccess: true, context, req })
    } else if (doc.kind === 'second-factor-reset') {
      await resetSecondFactor(req, accountId!)
    } else {
      await req.payload.update({ collection: 'units', id: unitId!, data: { parent: relationId(doc.newParent) }, overrideAccess: true, context, req })
    }
  }
  await recordAuditEvent(req, {
    operation: doc.status === 'approved' ? 'approve' : 'return',
    collection: collectionOf(doc.kind),
    recordIds: [(doc.kind === 'unit-move' ? unitId : accountId)!],
    detail: {
      change: doc.kind,
      securityRequest: doc.id,
      decision: doc.status,
      requestedBy: relationId(doc.requestedBy),
      ...(doc.newEmail ? { newEmail: doc.newEmail } : {}),
      ...(doc.kind === 'unit-move' ? { from: relationId(doc.previousParent), to: relationId(doc.newParent) } : {}),
    },
  })
}

/** A change done at once (no second person needed), as an audit event on the change's own transaction. */
export async function recordAccountChange(req: PayloadRequest, accountId: number, change: string, detail: Record<string, unknown> = {}): Promise<void> {
  await recordAuditEvent(req, { operation: 'update', collection: 'accounts', recordIds: [accountId], detail: { change, ...detail } })
}

async function loadTarget(req: PayloadRequest, accountId: number) {
  const doc = (await req.payload.findByID({ collection: 'accounts', id: accountId, depth: 0, overrideAccess: true, disableErrors: true, req })) as {
    id: number
    email: string
    roles?: string[]
    staff?: unknown
    disabled?: boolean
  } | null
  if (!doc) refuse('not-found', 'account', 'Không tìm thấy tài khoản', 'Account not found')
  return doc!
}

/**
 * A system administrator clears a person's second factor (a lost phone): at once for an account that reads no
 * personal data, otherwise as a request for ministry HR. Either way an audit event.
 */
export async function resetOthersSecondFactor(req: PayloadRequest, accountId: number): Promise<{ ok: true; pending: boolean; request?: number; message?: string }> {
  const target = await loadTarget(req, accountId)
  if (waitsForSecondPerson('second-factor-reset', { roles: target.roles ?? [], staffId: relationId(target.staff) })) {
    const request = await requestSecurityChange(req, { kind: 'second-factor-reset', accountId, summary: `${target.email}: second-factor-reset` })
    return { ok: true, pending: true, request, message: localize(waitingMessage('second-factor-reset'), req.i18n?.language ?? 'vi') }
  }
  await resetSecondFactor(req, accountId)
  await recordAccountChange(req, accountId, 'second-factor-reset')
  return { ok: true, pending: false }
}

/** A system administrator sends a password-reset link to the account's own address: the holder chooses the password. */
export async function sendResetLink(req: PayloadRequest, accountId: number): Promise<{ ok: true }> {
  const target = await loadTarget(req, accountId)
  if (target.disabled) refuse('conflict', 'account', 'Tài khoản đã bị vô hiệu hóa', 'The account is disabled')
  await req.payload.forgotPassword({ collection: 'accounts', data: { email: target.email }, req })
  await recordAccountChange(req, accountId, 'reset-link-sent')
  return { ok: true }
}
