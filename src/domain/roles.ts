/**
 * Every account role, and every list a role must have a place in. A role that is missing from one of these
 * lists is a hole: an account that reads personal data with a password only, or a role an administrator could
 * hand out without a second person. `test/unit/roles.test.ts` fails when a role of `ROLES` is missing from
 * any of them (or sits in two classes of one list).
 *
 * - staff                     their own record (cán bộ)
 * - unit-hr                   records of their unit's subtree, read and update (cán bộ tổ chức đơn vị)
 * - unit-head                 records of their unit's subtree, read only (thủ trưởng đơn vị)
 * - ministry-hr               every record (Vụ Tổ chức cán bộ)
 * - auditor                   the audit trail, no personal data (kiểm tra, giám sát)
 * - sysadmin                  system settings and accounts, no personal data (quản trị hệ thống)
 * - data-protection-officer   personal-data requests; a record only through the narrow access a request opens
 *                             (người bảo vệ dữ liệu cá nhân, NĐ 356/2025 Điều 13–14)
 * - archivist                 archived records of people who left (cán bộ lưu trữ)
 */
export const ROLES = ['staff', 'unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin', 'data-protection-officer', 'archivist'] as const
export type Role = (typeof ROLES)[number]

/** What the admin shows for each role. */
export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  staff: { vi: 'Cán bộ (hồ sơ của mình)', en: 'Staff (own record)' },
  'unit-hr': { vi: 'Cán bộ tổ chức đơn vị', en: 'Unit HR officer' },
  'unit-head': { vi: 'Thủ trưởng đơn vị', en: 'Unit head' },
  'ministry-hr': { vi: 'Vụ Tổ chức cán bộ (toàn Bộ)', en: 'Ministry HR' },
  auditor: { vi: 'Kiểm tra, giám sát', en: 'Auditor' },
  sysadmin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  'data-protection-officer': { vi: 'Cán bộ bảo vệ dữ liệu cá nhân', en: 'Personal-data officer' },
  archivist: { vi: 'Cán bộ lưu trữ', en: 'Archivist' },
}

// ── Second factor ────────────────────────────────────────────────────────────────────────────────────────
/**
 * Roles that read other people's personal data, or run or watch the system: a password alone gives them no
 * rights until a TOTP code has been checked for the session (src/accounts/mfa.ts). Unit heads included: they
 * read their unit's records.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['unit-hr', 'unit-head', 'ministry-hr', 'auditor', 'sysadmin', 'data-protection-officer', 'archivist']
/** Roles that read nothing but the holder's own record: a password suffices. */
export const PASSWORD_ONLY_ROLES: readonly Role[] = ['staff']

// ── Four eyes (src/domain/roleChanges.ts) ────────────────────────────────────────────────────────────────
/** Roles that read personal records: given only once ministry HR approves. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['unit-hr', 'unit-head', 'ministry-hr', 'data-protection-officer', 'archivist']
/** Roles that run the system or watch it: given once ministry HR or another system administrator approves. */
export const SYSTEM_ROLES: readonly Role[] = ['sysadmin', 'auditor']
/** Roles an administrator gives at once: they open nothing but the holder's own record (itself linked with four eyes). */
export const SELF_SERVICE_ROLES: readonly Role[] = ['staff']

/** The lists above, by name, for the completeness test: each role sits in exactly one class of each. */
export const ROLE_CLASSIFICATIONS: Record<string, Record<string, readonly Role[]>> = {
  'second factor': { required: SECOND_FACTOR_ROLES, 'password only': PASSWORD_ONLY_ROLES },
  'four eyes': { 'personal data': PERSONAL_DATA_ROLES, system: SYSTEM_ROLES, 'self service': SELF_SERVICE_ROLES },
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value)
