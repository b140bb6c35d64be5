// Field-level validation issues shared by every pure domain module.
// Every issue carries both a Vietnamese message (shown to users by default) and an English translation,
// so the UI can localise without a second lookup table.

export interface FieldIssue {
  /** Record field the issue belongs to; a dot path is allowed (e.g. `familyMembers.0.birthYear`). */
  field: string
  vi: string
  en: string
}

/**
 * Why a request is refused, as the domain sees it; the endpoint kit (collections/shared/endpoint.ts) answers
 * each with its HTTP status: invalid 400, unauthenticated 401, forbidden 403, not-found 404, conflict 409
 * (the state does not allow it, or someone changed it meanwhile), too-many 429.
 */
export type RefusalKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'too-many'

/** The one error type: what is refused, in Vietnamese and English, naming the field, and what kind of refusal. */
export class DomainError extends Error {
  readonly issues: FieldIssue[]
  readonly kind: RefusalKind

  constructor(issues: FieldIssue[], kind: RefusalKind = 'invalid') {
    super(issues.map((i) => i.vi).join('; '))
    this.name = 'DomainError'
    this.issues = issues
    this.kind = kind
  }
}

/** Throws a DomainError with one issue. */
export function refuse(kind: RefusalKind, field: string, vi: string, en: string): never {
  throw new DomainError([{ field, vi, en }], kind)
}

/** Pick the message for a UI language: 'en' gets English, anything else Vietnamese (the default language). */
export function localize(issue: { vi: string; en: string }, language: string): string {
  return language === 'en' ? issue.en : issue.vi
}
