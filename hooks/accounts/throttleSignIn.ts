import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { afterSignIn, beforeResetRequest, beforeSignIn } from '../../src/accounts/signIn'
import { DomainError, localize } from '../../src/domain/errors'

const STATUS = { 'too-many': 429 } as Record<string, number>

function asApiError(e: unknown, req: PayloadRequest): never {
  if (!(e instanceof DomainError)) throw e
  const language = req.i18n?.language ?? 'vi'
  const message = e.issues.map((i) => localize(i, language)).join('; ')
  // `data` must be set: REST only passes an APIError's message on when it carries data.
  throw new APIError(message, STATUS[e.kind] ?? 400, { errors: e.issues.map((i) => ({ path: i.field, message: localize(i, language) })) }, true)
}

/**
 * Sign-in and password-reset requests, before Payload's own operation (every path: REST, GraphQL, admin):
 * throttled by address (src/accounts/signIn.ts), the same work done for unknown e-mails.
 */
export const throttleSignIn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  try {
    if (operation === 'login') await beforeSignIn(req, ((args as { data?: Record<string, unknown> }).data ?? {}) as { email?: unknown; password?: unknown })
    // A system administrator's reset link (POST /api/accounts/:id/reset-link) is not an anonymous request.
    if (operation === 'forgotPassword' && !req.user) await beforeResetRequest(req)
  } catch (e) {
    asApiError(e, req)
  }
  return args
}

/** A successful sign-in clears its own account-from-address count. */
export const clearSignInCount: CollectionAfterLoginHook = async ({ req, user }) => {
  await afterSignIn(req, String((user as { email?: string }).email ?? ''))
  return user
}
