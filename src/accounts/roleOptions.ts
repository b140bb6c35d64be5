import { ROLE_LABELS, ROLES } from '../domain/roles'

/** The account roles as the admin shows them (src/domain/roles.ts describes what each may do). */
export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))

/** A role's Vietnamese label (its key when unknown). */
export const roleLabel = (role: string, lang: 'vi' | 'en' = 'vi'): string => ROLE_OPTIONS.find((o) => o.value === role)?.label[lang] ?? role

/**
 * The line a role request is listed and searched by: whose account (name and e-mail — the deciders may not read
 * the account itself) and the roles asked for, in words.
 */
export function roleRequestSummary(account: { email?: string | null; displayName?: string | null }, roles: readonly string[]): string {
  const who = account.displayName ? `${account.displayName} <${account.email ?? ''}>` : String(account.email ?? '')
  return `${who} — ${roles.map((r) => roleLabel(r)).join(', ')}`
}
