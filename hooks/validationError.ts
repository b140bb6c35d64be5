import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { DomainError, localize, type FieldIssue, type RefusalKind } from '../src/domain/errors'

/** Domain issues → Payload's ValidationError, in the requester's language (Vietnamese by default). */
export function throwIssues(collection: string, issues: FieldIssue[], req: PayloadRequest): never {
  const language = req.i18n?.language ?? 'vi'
  throw new ValidationError(
    // `label` carries the whole message so that the summary line (toasts, Local API callers) says what is wrong.
    { collection, errors: issues.map((i) => ({ path: i.field, message: localize(i, language), label: localize(i, language) })) },
    req.t,
  )
}

const STATUS_OF: Record<Exclude<RefusalKind, 'invalid'>, number> = { unauthenticated: 401, forbidden: 403, 'not-found': 404, conflict: 409, 'too-many': 429 }

/**
 * Runs a hook's service call and turns its DomainError into Payload's answer: invalid data as a
 * ValidationError (400, naming the fields), any other refusal as a public APIError with its status.
 */
export async function withRefusals<T>(collection: string, req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    if (!(e instanceof DomainError)) throw e
    if (e.kind === 'invalid') throwIssues(collection, e.issues, req)
    const language = req.i18n?.language ?? 'vi'
    throw new APIError(e.issues.map((i) => localize(i, language)).join('; '), STATUS_OF[e.kind], null, true)
  }
}
