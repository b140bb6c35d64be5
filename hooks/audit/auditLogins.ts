import type { CollectionAfterErrorHook, CollectionAfterLoginHook } from 'payload'

import { recordAuditEvent } from '../../src/audit/record'
import { valueDigest } from '../../src/domain/auditEvent'
import { auditDigestKey } from '../../src/audit/record'
import { poolOf } from '../../src/db/pool'

type Account = { id: number; email?: string; displayName?: string | null; roles?: string[] }

/** A successful sign-in, in the login's own transaction (with the session it opens). */
export const auditLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const account = user as Account
  await recordAuditEvent(req, {
    operation: 'login',
    collection: 'accounts',
    recordIds: [account.id],
    actor: { id: account.id, name: account.displayName || account.email, roles: account.roles ?? [] },
  })
  return user
}

/**
 * A refused sign-in over REST (the admin's login form uses it): wrong password, unknown e-mail, locked or
 * disabled account. The account is named by id when it exists; an unknown address only by a digest.
 */
export const auditFailedLogin: CollectionAfterErrorHook = async ({ req }) => {
  const path = new URL(req.url ?? '', 'http://local').pathname
  if (!path.endsWith('/accounts/login')) return
  const email = typeof (req.data as { email?: unknown } | undefined)?.email === 'string' ? ((req.data as { email: string }).email.trim().toLowerCase()) : ''
  type Row = { id: number; disabled: boolean }
  const { rows } = email
    ? await poolOf(req.payload).query<Row>(
        'SELECT id, coalesce(disabled, false) AS disabled FROM accounts WHERE lower(email) = $1 LIMIT 1',
        [email],
      )
    : { rows: [] as Row[] }
  // Error class names are minified in the production build: tell the cases apart by the account's state.
  const reason = rows[0]?.disabled ? 'disabled' : 'invalid-credentials'
  await recordAuditEvent(req, {
    operation: 'login-failed',
    collection: 'accounts',
    recordIds: rows.map((r) => r.id),
    detail: { reason, ...(rows.length ? {} : { emailDigest: valueDigest(email, auditDigestKey(req)) }) },
  })
}
