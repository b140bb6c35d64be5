// Field-level validation issues shared by every pure domain module.
// Every issue carries both a Vietnamese message (shown to users by default) and an English translation,
// so the UI can localise without a second lookup table.

export interface FieldIssue {
  /** Record field the issue belongs to; a dot path is allowed (e.g. `familyMembers.0.birthYear`). */
  field: string
  vi: string
  en: string
}

export class DomainError extends Error {
  readonly issues: FieldIssue[]

  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => i.vi).join('; '))
    this.name = 'DomainError'
    this.issues = issues
  }
}

/** Pick the message for a UI language: 'en' gets English, anything else Vietnamese (the default language). */
export function localize(issue: { vi: string; en: string }, language: string): string {
  return language === 'en' ? issue.en : issue.vi
}
