import type { PayloadRequest } from 'payload'

import { actorWithGrants } from '../../src/accounts/actor'
import { recordScope, type Actor, type Scope } from '../../src/domain/access'

/** An endpoint's refusal in Payload's error shape, in the caller's language: 401 not signed in, 403 not allowed. */
export function refusal(req: PayloadRequest, status: 401 | 403): Response {
  return Response.json({ errors: [{ message: req.t(status === 401 ? 'error:unauthorized' : 'error:notAllowedToPerformAction') }] }, { status })
}

/** An endpoint's error with a message of its own, Vietnamese and English together. */
export function bilingualError(status: number, vi: string, en: string): Response {
  return Response.json({ errors: [{ message: `${vi} / ${en}` }] }, { status })
}

/**
 * For endpoints that read staff records with their own SQL: the caller's read scope (the rule behind the
 * staff collection's read access), or the refusal — 401 without sign-in, 403 for an account that may read
 * no record (as on the staff list).
 */
export async function staffReadScope(req: PayloadRequest): Promise<{ actor: Actor; scope: Exclude<Scope, { kind: 'none' }> } | Response> {
  if (!req.user) return refusal(req, 401)
  const actor = await actorWithGrants(req)
  const scope = recordScope(actor, 'read')
  if (!actor || scope.kind === 'none') return refusal(req, 403)
  return { actor, scope }
}
