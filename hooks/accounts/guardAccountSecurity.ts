import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { APPLYING_APPROVED_REQUEST, APPLYING_SECURITY_REQUEST, ISSUING_ACCOUNT } from '../../src/accounts/contextFlags'
import { recordAccountChange, requestSecurityChange } from '../../src/accounts/securityRequests'
import { recordAuditEvent } from '../../src/audit/record'
import { bulkSecurityRefusal, passwordChangeRefusal, waitsForSecondPerson, type SecurityRequestKind } from '../../src/domain/accountSecurity'
import { localize, type FieldIssue } from '../../src/domain/errors'
import { relationId } from '../../src/domain/relationId'

/** What this request changed or asked for on each account, kept for the afterChange hook. */
interface Pending {
  waits: Array<{ kind: Exclude<SecurityRequestKind, 'unit-move'>; newEmail?: string }>
  done: Array<{ change: string; detail?: Record<string, unknown> }>
}
const CONTEXT_KEY = 'hosoAccountSecurity'
const PASSWORD_SET = 'hosoOwnPasswordSet'

const pendingOf = (req: PayloadRequest): Record<string, Pending> => (((req.context as Record<string, unknown>)[CONTEXT_KEY] as Record<string, Pending>) ??= {})

/** Writes the server makes itself (seed, issuance, an approved request being applied) are not requests. */
function serverWrite(req: PayloadRequest): boolean {
  const c = req.context as Record<string, unknown>
  return !req.user || Boolean(c[APPLYING_SECURITY_REQUEST] || c[APPLYING_APPROVED_REQUEST] || c[ISSUING_ACCOUNT] || c.secondFactor)
}

function forbidden(req: PayloadRequest, issue: FieldIssue): never {
  const message = localize(issue, req.i18n?.language ?? 'vi')
  // `data` must be set: REST only passes an APIError's message on when it carries data.
  throw new APIError(message, 403, { errors: [{ path: issue.field, message }] }, true)
}

/**
 * Before any account update: nobody sets another person's password, and password, e-mail and the disabled flag
 * change one account at a time (Payload's bulk update would otherwise apply field access per document and
 * silently drop what it refuses). A refusal is 403 naming the field.
 */
export const refuseOthersPasswords: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update' || serverWrite(req)) return args
  const { data, id } = args as { data?: Record<string, unknown>; id?: number | string }
  if (!data || typeof data !== 'object') return args
  const setsPassword = typeof data.password === 'string' && data.password !== ''
  if (id == null) {
    const issue = bulkSecurityRefusal(Object.keys(data).filter((k) => k !== 'password' || setsPassword))
    if (issue) forbidden(req, issue)
    return args
  }
  if (setsPassword) {
    const issue = passwordChangeRefusal(Number(req.user!.id), Number(id))
    if (issue) forbidden(req, issue)
    ;(req.context as Record<string, unknown>)[PASSWORD_SET] = true
  }
  return args
}

/**
 * E-mail changes and re-enabling of an account that reads personal data are stored as requests for a second
 * person (src/domain/accountSecurity.ts) instead of applied; other e-mail and disabled-flag changes apply.
 */
export const holdSecurityChanges: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || serverWrite(req)) return data
  const target = { roles: (originalDoc.roles as string[] | undefined) ?? [], staffId: relationId(originalDoc.staff) }
  const entry: Pending = { waits: [], done: [] }
  const newEmail = typeof data.email === 'string' ? data.email.toLowerCase().trim() : null
  if (newEmail && newEmail !== String(originalDoc.email).toLowerCase()) {
    if (waitsForSecondPerson('email-change', target)) {
      entry.waits.push({ kind: 'email-change', newEmail })
      data.email = originalDoc.email
    } else entry.done.push({ change: 'email', detail: { from: originalDoc.email, to: newEmail } })
  }
  if (data.disabled !== undefined && Boolean(data.disabled) !== Boolean(originalDoc.disabled)) {
    if (data.disabled) entry.done.push({ change: 'disabled' })
    else if (waitsForSecondPerson('enable', target)) {
      entry.waits.push({ kind: 'enable' })
      data.disabled = true
    } else entry.done.push({ change: 'enabled' })
  }
  if ((req.context as Record<string, unknown>)[PASSWORD_SET]) entry.done.push({ change: 'password' })
  if (entry.waits.length || entry.done.length) pendingOf(req)[String(originalDoc.id)] = entry
  return data
}

/** Stores the requests and records every change and request in the audit trail, in the update's transaction. */
export const recordSecurityChanges: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'update') return doc
  const all = pendingOf(req)
  const entry = all[String(doc.id)]
  if (!entry) return doc
  delete all[String(doc.id)]
  for (const d of entry.done) await recordAccountChange(req, Number(doc.id), d.change, d.detail)
  for (const w of entry.waits) {
    await requestSecurityChange(req, { kind: w.kind, accountId: Number(doc.id), newEmail: w.newEmail ?? null, summary: `${doc.email}: ${w.kind}${w.newEmail ? ` → ${w.newEmail}` : ''}` })
  }
  return doc
}

/** A password set through a reset link (or the activation link) is the holder's own change: an audit event too. */
export const recordPasswordReset: CollectionAfterOperationHook = async ({ operation, result, req }) => {
  if (operation !== 'resetPassword') return result
  const user = (result as { user?: { id?: number | string; email?: string } } | undefined)?.user
  if (user?.id == null) return result
  await recordAuditEvent(req, {
    operation: 'update',
    collection: 'accounts',
    recordIds: [user.id],
    actor: { id: user.id, name: user.email ?? null },
    detail: { change: 'password', via: 'reset-link' },
  })
  return result
}
