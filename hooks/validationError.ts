import { ValidationError, type PayloadRequest } from 'payload'

import { localize, type FieldIssue } from '../src/domain/errors'

/** Domain issues → Payload's ValidationError, in the requester's language (Vietnamese by default). */
export function throwIssues(collection: string, issues: FieldIssue[], req: PayloadRequest): never {
  const language = req.i18n?.language ?? 'vi'
  throw new ValidationError(
    // `label` carries the whole message so that the summary line (toasts, Local API callers) says what is wrong.
    { collection, errors: issues.map((i) => ({ path: i.field, message: localize(i, language), label: localize(i, language) })) },
    req.t,
  )
}
