/**
 * The personal-data officer's narrow access to a record (NĐ 356/2025 Điều 14: the officer carries out the data
 * subject's rights, and reads no record by role). A request opens it, ministry HR approves it, and it covers exactly
 * the items the request concerns — sensitive ones too when the request is about them, which no purpose-bound grant
 * ever opens. It is time-limited (at most until the request's deadline) and ends when the request closes.
 * Read only: the officer never changes the record through it. Pure.
 */
import type { DataRequestState } from './dataRequests'
import { DomainError, type FieldIssue } from './errors'

export type OfficerAccessStatus = 'requested' | 'approved'

export interface OfficerAccessInput {
  state: DataRequestState
  items: readonly string[]
  accessStatus?: OfficerAccessStatus | null
  accessRequestedBy?: number | null
  /** The instant the access ends at the latest. */
  accessUntil?: string | null
}

type Who = { id: number; roles: readonly string[] } | null | undefined
const issue = (field: string, vi: string, en: string): FieldIssue => ({ field, vi, en })
const isOfficer = (a: Who) => Boolean(a?.roles.includes('data-protection-officer'))

/** Why the officer may not read the record through this request now, or null when they may. */
export function officerAccessRefusal(actor: Who, r: OfficerAccessInput, now: Date): FieldIssue | null {
  if (!isOfficer(actor)) return issue('user', 'Chỉ cán bộ bảo vệ dữ liệu cá nhân được dùng quyền truy cập này', 'Only the personal-data officer may use this access')
  if (r.state === 'closed') return issue('state', 'Quyền truy cập đã kết thúc vì yêu cầu đã được giải quyết xong', 'The access ended: the request is closed')
  if (r.accessStatus !== 'approved') return issue('access', 'Quyền truy cập hồ sơ theo yêu cầu này chưa được Vụ Tổ chức cán bộ phê duyệt', 'Ministry HR has not approved access to the record for this request')
  if (!r.accessUntil || now.getTime() > new Date(r.accessUntil).getTime()) return issue('access', 'Quyền truy cập hồ sơ theo yêu cầu này đã hết hạn', 'The access for this request has expired')
  if (!r.items.length) return issue('items', 'Yêu cầu không nêu mục dữ liệu nào', 'The request names no items')
  return null
}

/** The officer asks for the access: an open request that names its items, once, until a time before its deadline ends. */
export function checkAccessRequest(actor: Who, r: OfficerAccessInput, until: Date, deadlineEnd: Date, now: Date): void {
  if (!isOfficer(actor)) throw new DomainError([issue('user', 'Chỉ cán bộ bảo vệ dữ liệu cá nhân đề nghị quyền truy cập này', 'Only the personal-data officer asks for this access')], 'forbidden')
  if (r.state === 'closed') throw new DomainError([issue('state', 'Yêu cầu đã được giải quyết xong', 'The request is closed')], 'conflict')
  if (r.accessStatus) throw new DomainError([issue('access', 'Quyền truy cập theo yêu cầu này đã được đề nghị', 'Access for this request was already asked for')], 'conflict')
  if (!r.items.length) throw new DomainError([issue('items', 'Yêu cầu không nêu mục dữ liệu nào: không mở quyền truy cập toàn bộ hồ sơ', 'The request names no items: access to a whole record is never opened')], 'conflict')
  if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime() || until.getTime() > deadlineEnd.getTime()) {
    throw new DomainError([issue('until', 'Thời hạn truy cập phải sau hiện tại và không quá hạn giải quyết yêu cầu', 'The access must end after now and no later than the request\'s deadline')])
  }
}

/** Ministry HR approves; never the officer who asked (four eyes). */
export function checkAccessApproval(approver: Who, r: OfficerAccessInput): void {
  if (!approver?.roles.includes('ministry-hr')) {
    throw new DomainError([issue('user', 'Chỉ Vụ Tổ chức cán bộ (ministry-hr) phê duyệt quyền truy cập này', 'Only ministry HR approves this access')], 'forbidden')
  }
  if (approver.id === r.accessRequestedBy) throw new DomainError([issue('user', 'Không ai tự phê duyệt đề nghị của chính mình', 'Nobody approves their own request')], 'forbidden')
  if (r.state === 'closed') throw new DomainError([issue('state', 'Yêu cầu đã được giải quyết xong', 'The request is closed')], 'conflict')
  if (r.accessStatus !== 'requested') throw new DomainError([issue('access', 'Không có đề nghị truy cập đang chờ phê duyệt', 'No access request is waiting for approval')], 'conflict')
}
