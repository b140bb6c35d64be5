/**
 * Account security operations (docs/security.md). Whoever holds an account's password, e-mail address and second
 * factor reads what that account reads; so:
 *
 * - Nobody sets another person's password. A system administrator may send a reset link to the account's own
 *   address (the holder chooses the password) or disable the account.
 * - Changing the e-mail address, resetting the second factor and re-enabling a disabled account of an account
 *   that reads personal data (a personal-data role, or a link to a staff record) waits for a second person:
 *   ministry HR, neither the requester nor the account's holder — as role changes do (roleChanges.ts).
 * - Moving a unit that holds people (with its sub-units) changes who reads their records: it waits likewise.
 * - Each of these, done or requested, approved or refused, is an audit event.
 *
 * Pure: hooks/accounts/, hooks/units/ and hooks/securityRequests/ store requests and apply approved ones.
 */
import type { FieldIssue } from './errors'
import { PERSONAL_DATA_ROLES } from './roleChanges'

export type SecurityRequestKind = 'email-change' | 'second-factor-reset' | 'enable' | 'unit-move'
export const SECURITY_REQUEST_KINDS: readonly SecurityRequestKind[] = ['email-change', 'second-factor-reset', 'enable', 'unit-move']

export const SECURITY_REQUEST_LABELS: Record<SecurityRequestKind, { vi: string; en: string }> = {
  'email-change': { vi: 'Đổi địa chỉ thư điện tử', en: 'E-mail change' },
  'second-factor-reset': { vi: 'Đặt lại xác thực hai bước', en: 'Second-factor reset' },
  enable: { vi: 'Kích hoạt lại tài khoản', en: 'Re-enable account' },
  'unit-move': { vi: 'Chuyển đơn vị sang đơn vị cấp trên khác', en: 'Move a unit under another parent' },
}

/** Who approves a security request. */
export const SECURITY_REQUEST_APPROVERS: readonly string[] = ['ministry-hr']

export interface AccountFacts {
  id: number
  roles: readonly string[]
  staffId: number | null
}

/** An account through which personal data is read: a personal-data role, or its holder's own record. */
export function readsPersonalData(account: Pick<AccountFacts, 'roles' | 'staffId'>): boolean {
  return account.staffId != null || account.roles.some((r) => (PERSONAL_DATA_ROLES as readonly string[]).includes(r))
}

/** Setting a password is its holder's own act; everyone else gets this refusal (also a bulk update naming a password). */
export function passwordChangeRefusal(actorId: number, targetId: number | null): FieldIssue | null {
  if (targetId != null && actorId === targetId) return null
  return {
    field: 'password',
    vi: 'Không ai được đặt mật khẩu cho người khác: hãy gửi liên kết đặt lại mật khẩu tới địa chỉ thư của tài khoản, hoặc vô hiệu hóa tài khoản',
    en: 'Nobody sets another person’s password: send a reset link to the account’s own address, or disable the account',
  }
}

/** E-mail, disabled flag and password are changed one account at a time (a bulk update naming them is refused). */
export const BULK_SECURITY_FIELDS = ['password', 'email', 'disabled'] as const

export function bulkSecurityRefusal(fields: readonly string[]): FieldIssue | null {
  const named = BULK_SECURITY_FIELDS.filter((f) => fields.includes(f))
  if (!named.length) return null
  return {
    field: named[0]!,
    vi: 'Mật khẩu, địa chỉ thư và trạng thái vô hiệu hóa chỉ được thay đổi trên từng tài khoản',
    en: 'Password, e-mail address and the disabled flag are changed one account at a time',
  }
}

/** Whether a change to `target` waits for a second person. */
export function waitsForSecondPerson(kind: Exclude<SecurityRequestKind, 'unit-move'>, target: Pick<AccountFacts, 'roles' | 'staffId'>): boolean {
  void kind
  return readsPersonalData(target)
}

/** Moving a unit waits when its subtree holds people. */
export function unitMoveWaits(peopleInSubtree: number): boolean {
  return peopleInSubtree > 0
}

export interface SecurityRequestFacts {
  /** The account concerned (none for a unit move). */
  accountId: number | null
  requestedBy: number | null
}

/** Who may decide a security request: ministry HR who neither asked for it nor holds the account concerned. */
export function mayDecideSecurityRequest(approver: { id: number; roles: readonly string[] }, request: SecurityRequestFacts): FieldIssue | null {
  if (approver.id === request.requestedBy) {
    return { field: 'status', vi: 'Người đề nghị không được tự phê duyệt đề nghị của mình', en: 'The requester may not approve their own request' }
  }
  if (approver.id === request.accountId) {
    return { field: 'status', vi: 'Không ai được phê duyệt thay đổi trên chính tài khoản của mình', en: 'Nobody may approve a change to their own account' }
  }
  if (!approver.roles.some((r) => SECURITY_REQUEST_APPROVERS.includes(r))) {
    return { field: 'status', vi: 'Chỉ Vụ Tổ chức cán bộ mới được phê duyệt đề nghị này', en: 'Only ministry HR may approve this request' }
  }
  return null
}

/** The answer when a change was stored as a request instead of done. */
export function waitingMessage(kind: SecurityRequestKind): { vi: string; en: string } {
  const l = SECURITY_REQUEST_LABELS[kind]
  return {
    vi: `${l.vi}: đã chuyển đề nghị, chờ Vụ Tổ chức cán bộ phê duyệt`,
    en: `${l.en}: requested, waiting for ministry HR’s approval`,
  }
}
