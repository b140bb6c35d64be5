import type { Endpoint, PayloadRequest } from 'payload'

import { actorWithGrants } from '../../src/accounts/actor'
import { recordScope, type Actor, type Scope } from '../../src/domain/access'
import { DomainError, localize, type RefusalKind } from '../../src/domain/errors'
import { WorkerPoolBusy, WorkerTaskTimeout } from '../../src/workers/pools'

/** An endpoint's refusal in Payload's error shape, in the caller's language: 401 not signed in, 403 not allowed. */
export function refusal(req: PayloadRequest, status: 401 | 403): Response {
  return Response.json({ errors: [{ message: req.t(status === 401 ? 'error:unauthorized' : 'error:notAllowedToPerformAction') }] }, { status })
}

/**
 * The answer when a worker pool (src/workers/pools.ts) refuses: 503 + Retry-After when its queue is full, 422 when the
 * document took longer than its deadline. Null for any other error (the caller rethrows it).
 */
export function poolRefusal(err: unknown): Response | null {
  if (err instanceof WorkerPoolBusy) {
    const res = bilingualError(503, 'Máy chủ đang bận xử lý tệp PDF; vui lòng thử lại sau ít giây', 'The server is busy with PDF work; please try again in a few seconds')
    res.headers.set('Retry-After', '5')
    return res
  }
  if (err instanceof WorkerTaskTimeout) {
    return bilingualError(422, `Tệp PDF cần quá nhiều thời gian xử lý (quá ${err.ms / 1000} giây)`, `The PDF takes too long to process (over ${err.ms / 1000} s)`)
  }
  return null
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

const STATUS_OF: Record<RefusalKind, number> = { invalid: 400, unauthenticated: 401, forbidden: 403, 'not-found': 404, conflict: 409, 'too-many': 429 }

/**
 * A domain refusal as an endpoint's answer: its HTTP status by kind, each issue with its field, in the caller's
 * language — or, for the endpoints whose clients read both languages at once, as bilingualError's "vi / en".
 */
export function domainRefusal(req: PayloadRequest, e: DomainError, { bilingual = false }: { bilingual?: boolean } = {}): Response {
  if (bilingual) return Response.json({ errors: e.issues.map((i) => ({ field: i.field, message: `${i.vi} / ${i.en}` })) }, { status: STATUS_OF[e.kind] })
  const language = req.i18n?.language ?? 'vi'
  return Response.json({ errors: e.issues.map((i) => ({ field: i.field, message: localize(i, language) })) }, { status: STATUS_OF[e.kind] })
}

/**
 * The one endpoint wrapper: 401 without sign-in (unless `signIn: false`), the work's Response as it is or its
 * result as JSON, and a DomainError as its refusal (400/401/403/404/409/429 by kind). Refusals change nothing:
 * the services run their writes in one transaction and throw before committing.
 */
export const handle =
  (work: (req: PayloadRequest) => Promise<unknown>, options: { signIn?: boolean; bilingual?: boolean } = {}): Endpoint['handler'] =>
  async (req) => {
    if ((options.signIn ?? true) && !req.user) return refusal(req, 401)
    try {
      const out = await work(req)
      return out instanceof Response ? out : Response.json(out)
    } catch (e) {
      if (e instanceof DomainError) return domainRefusal(req, e, options)
      throw e
    }
  }
