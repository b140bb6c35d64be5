/** The account roles as the admin shows them (src/domain/access.ts describes what each may do). */
export const ROLE_OPTIONS = [
  { value: 'staff', label: { vi: 'Cán bộ (hồ sơ của mình)', en: 'Staff (own record)' } },
  { value: 'unit-hr', label: { vi: 'Cán bộ tổ chức đơn vị', en: 'Unit HR officer' } },
  { value: 'unit-head', label: { vi: 'Thủ trưởng đơn vị', en: 'Unit head' } },
  { value: 'ministry-hr', label: { vi: 'Vụ Tổ chức cán bộ (toàn Bộ)', en: 'Ministry HR' } },
  { value: 'auditor', label: { vi: 'Kiểm tra, giám sát', en: 'Auditor' } },
  { value: 'sysadmin', label: { vi: 'Quản trị hệ thống', en: 'System administrator' } },
]

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
