/**
 * Four-eyes rule for account privileges. A system administrator manages accounts but reads no personal data;
 * giving an account a role that reads personal data (unit HR, unit head, ministry HR) — or changing the unit
 * such a role covers — would let them read it through that account. So such a change, and granting the system
 * roles themselves, is only requested: it is recorded as pending and takes effect once another authorised
 * person approves it. So does linking an account to a staff record (its holder reads that record); account
 * issuance links records itself, sending the link to the person's own address. Removing roles takes effect
 * at once (less access is never an escalation).
 *
 * Pure: hooks/accounts/ and hooks/roleRequests/ store requests and apply approved ones.
 */
import type { FieldIssue } from './errors'

import { PERSONAL_DATA_ROLES, SYSTEM_ROLES } from './roles'

// The four-eyes classes live with every other list of roles (src/domain/roles.ts).
export { PERSONAL_DATA_ROLES, SYSTEM_ROLES }

export interface Privileges {
  roles: readonly string[]
  /** The unit an HR officer or head is responsible for. */
  unitId: number | null
  /** The staff record the account belongs to: its holder reads that record, sensitive items included. */
  staffId?: number | null
}

export interface RoleChangeSplit {
  /** What the account holds right away: removals done, additions and unit moves left out. */
  immediate: Privileges
  /** The whole change as requested, when part of it waits for approval. */
  pending: Privileges | null
  /** Roles whose holders may approve the pending part (any one of them suffices for the approver). */
  approverRoles: string[]
}

const inClass = (list: readonly string[], role: string) => list.includes(role)
const holdsPersonalDataRole = (roles: readonly string[]) => roles.some((r) => inClass(PERSONAL_DATA_ROLES, r))

/**
 * Splits a change of an account's privileges into what applies now and what waits for a second person.
 * Personal-data roles (and moving their unit) are approved by ministry HR; system roles by ministry HR or
 * another system administrator.
 */
export function splitRoleChange(before: Privileges, after: Privileges): RoleChangeSplit {
  const added = after.roles.filter((r) => !before.roles.includes(r))
  const addedPersonal = added.filter((r) => inClass(PERSONAL_DATA_ROLES, r))
  const addedSystem = added.filter((r) => inClass(SYSTEM_ROLES, r))
  const unitMoves = holdsPersonalDataRole(after.roles) && after.unitId !== before.unitId && after.unitId != null
  // Linking an account to someone's record opens that record to whoever holds the account's password.
  const linkMoves = after.staffId != null && after.staffId !== (before.staffId ?? null)
  if (!addedPersonal.length && !addedSystem.length && !unitMoves && !linkMoves) {
    return { immediate: { ...after, roles: [...after.roles] }, pending: null, approverRoles: [] }
  }
  const waiting = new Set([...addedPersonal, ...addedSystem])
  const kept = after.roles.filter((r) => !waiting.has(r))
  // An account holds at least the staff role (its own record, or nothing without one).
  const immediateRoles = kept.length ? kept : ['staff']
  // Until approved, the unit stays where it was (for the roles kept, a new unit is as new as a new role).
  const immediate = { roles: immediateRoles, unitId: unitMoves ? before.unitId : after.unitId, staffId: linkMoves ? (before.staffId ?? null) : after.staffId }
  const approverRoles = addedPersonal.length || unitMoves || linkMoves ? ['ministry-hr'] : ['ministry-hr', 'sysadmin']
  return { immediate, pending: { ...after, roles: [...after.roles] }, approverRoles }
}

export interface RoleRequestFacts {
  accountId: number
  requestedBy: number | null
  approverRoles: readonly string[]
}

/** Who may approve (or refuse) a pending request: an authorised holder who is neither the requester nor the account concerned. */
export function mayDecideRoleRequest(approver: { id: number; roles: readonly string[] }, request: RoleRequestFacts): FieldIssue | null {
  if (approver.id === request.requestedBy) {
    return { field: 'status', vi: 'Người đề nghị không được tự phê duyệt thay đổi vai trò', en: 'The requester may not approve their own role change' }
  }
  if (approver.id === request.accountId) {
    return { field: 'status', vi: 'Không ai được phê duyệt vai trò cho chính tài khoản của mình', en: 'Nobody may approve roles for their own account' }
  }
  if (!approver.roles.some((r) => request.approverRoles.includes(r))) {
    return {
      field: 'status',
      vi: 'Chỉ Vụ Tổ chức cán bộ (hoặc quản trị hệ thống khác, với vai trò hệ thống) mới được phê duyệt',
      en: 'Only ministry HR (or another system administrator, for system roles) may approve',
    }
  }
  return null
}

/**
 * First run: while no account other than the requester could approve (nobody else holds ministry HR or
 * system administration, enabled or not) and no request was ever approved, a change applies at once, so a
 * fresh installation can appoint its first ministry HR officer. It is still recorded in the audit trail.
 */
export function isBootstrap(facts: { otherApprovers: number; approvedRequests: number }): boolean {
  return facts.otherApprovers === 0 && facts.approvedRequests === 0
}

/**
 * "An account may exist without a staff record only for system roles": no role that reads personal data
 * without one (the default `staff` role reads nothing without a record).
 */
export function checkRolesWithoutStaff(roles: readonly string[], staffId: number | null): FieldIssue | null {
  if (staffId != null || !holdsPersonalDataRole(roles)) return null
  return {
    field: 'staff',
    vi: 'Tài khoản không gắn hồ sơ cán bộ chỉ được giữ vai trò hệ thống (quản trị hệ thống, kiểm tra giám sát)',
    en: 'An account without a staff record may hold only system roles (system administrator, auditor)',
  }
}
