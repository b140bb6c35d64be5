/**
 * Approval workflow for a staff member's self-declared (tier T2) changes: one change request on one staff
 * record moves draft → submitted → approved | returned | withdrawn. Pure: the caller loads the request,
 * calls `transition` and persists the new status (with the reason, when returning).
 *
 * Rules (reference/domain.md §2.1 tier rule 4, §8 rule 3):
 * - only the author submits, withdraws or reopens their own request;
 * - approving or returning needs HR authority over the record: the `unit-hr` or `ministry-hr` role AND the
 *   record within reach for update. Purpose-bound grants are not approval rights, so they are ignored here;
 * - nobody approves (or returns) their own request, nor a request on their own staff record;
 * - returning needs a non-blank reason;
 * - a request awaiting approval cannot be edited (withdraw it first); editing a returned request reopens it;
 * - a request is submitted only with something declared, and submitted or approved only against the official
 *   record it was written on (its stamp), so nobody approves changes to values they have not seen.
 * Refusals are DomainErrors whose kind says which: the state does not allow it (conflict), the actor may not
 * (forbidden), the input is missing (invalid).
 */
import { isHrOfficer, mayReach, type Actor } from './access'
import { DomainError, type FieldIssue, type RefusalKind } from './errors'

export type SubmissionStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'withdrawn'
export type SubmissionAction = 'submit' | 'approve' | 'return' | 'withdraw' | 'reopen'

export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['draft', 'submitted', 'approved', 'returned', 'withdrawn']
export const SUBMISSION_ACTIONS: readonly SubmissionAction[] = ['submit', 'approve', 'return', 'withdraw', 'reopen']

export const STATUS_LABELS: Record<SubmissionStatus, { vi: string; en: string }> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  returned: { vi: 'Trả lại', en: 'Returned' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
}

/** Verb phrases used in messages and as button labels. */
export const ACTION_LABELS: Record<SubmissionAction, { vi: string; en: string }> = {
  submit: { vi: 'gửi duyệt', en: 'submit' },
  approve: { vi: 'duyệt', en: 'approve' },
  return: { vi: 'trả lại', en: 'return' },
  withdraw: { vi: 'rút', en: 'withdraw' },
  reopen: { vi: 'mở lại để sửa', en: 'reopen' },
}

/** The state machine: from status, action → next status. `approved` and `withdrawn` are final. */
const TRANSITIONS: Record<SubmissionStatus, Partial<Record<SubmissionAction, SubmissionStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned', withdraw: 'withdrawn' },
  approved: {},
  returned: { reopen: 'draft' },
  withdrawn: {},
}

/** The statuses of an open request: a record has at most one (a unique index holds it in the database). */
export const OPEN_STATUSES: readonly SubmissionStatus[] = ['draft', 'submitted', 'returned']

export const isOpenStatus = (s: SubmissionStatus): boolean => OPEN_STATUSES.includes(s)

/** Actions only the author of the request may take; the others are HR review actions. */
const AUTHOR_ACTIONS: ReadonlySet<SubmissionAction> = new Set(['submit', 'withdraw', 'reopen'])

/** Whether the state machine has an edge for `action` from `status` (regardless of who acts). */
export const canTransition = (status: SubmissionStatus, action: SubmissionAction): boolean => Boolean(TRANSITIONS[status]?.[action])

export const isFinalStatus = (s: SubmissionStatus): boolean => Object.keys(TRANSITIONS[s] ?? {}).length === 0

export type SubmissionActor = Actor & { accountId: number }

export interface SubmissionRef {
  authorAccountId: number
  staffId: number
  unitPath: string
}

export interface TransitionInput {
  status: SubmissionStatus
  action: SubmissionAction
  actor: SubmissionActor
  submission: SubmissionRef
  reason?: string | null
}

/** HR authority over the record: an HR role and update reach, not counting purpose-bound grants. */
export function hasApprovalAuthority(actor: Actor, submission: Pick<SubmissionRef, 'staffId' | 'unitPath'>): boolean {
  if (!isHrOfficer(actor)) return false
  return mayReach({ ...actor, grants: [] }, 'update', { id: submission.staffId, unitPath: submission.unitPath })
}

/** Why `actor` may not take `action` now, or null when they may. `reason` is checked only when given as checked. */
function problem(input: TransitionInput, checkReason: boolean): FieldIssue | null {
  const { status, action, actor, submission } = input
  const next = TRANSITIONS[status]?.[action]
  const verb = ACTION_LABELS[action] ?? { vi: String(action), en: String(action) }
  const label = STATUS_LABELS[status] ?? { vi: String(status), en: String(status) }
  if (!next) {
    return {
      field: 'status',
      vi: `Không thể ${verb.vi} hồ sơ đang ở trạng thái "${label.vi}"`,
      en: `Cannot ${verb.en} a request with status "${label.en}"`,
    }
  }
  const isAuthor = actor.accountId === submission.authorAccountId
  if (AUTHOR_ACTIONS.has(action)) {
    if (!isAuthor) {
      return {
        field: 'status',
        vi: `Chỉ người lập yêu cầu mới được ${verb.vi} yêu cầu này`,
        en: `Only the author of the request may ${verb.en} it`,
      }
    }
    return null
  }
  // approve / return: HR review.
  if (isAuthor) {
    return {
      field: 'status',
      vi: `Không ai được tự ${verb.vi} yêu cầu thay đổi do chính mình lập`,
      en: `Nobody may ${verb.en} a change request they wrote themselves`,
    }
  }
  if (actor.staffId != null && actor.staffId === submission.staffId) {
    return {
      field: 'status',
      vi: `Không ai được tự ${verb.vi} yêu cầu thay đổi trên hồ sơ của chính mình`,
      en: `Nobody may ${verb.en} a change request on their own record`,
    }
  }
  if (!hasApprovalAuthority(actor, submission)) {
    return {
      field: 'status',
      vi: `Bạn không có thẩm quyền ${verb.vi} yêu cầu thay đổi trên hồ sơ này`,
      en: `You have no HR authority to ${verb.en} change requests on this record`,
    }
  }
  if (checkReason && action === 'return' && !(input.reason ?? '').trim()) {
    return {
      field: 'reason',
      vi: 'Phải nêu lý do khi trả lại yêu cầu',
      en: 'A reason is required to return a request',
    }
  }
  return null
}

/** The kind of a refusal from `problem`: no edge in the machine is a conflict, a missing reason invalid, the rest forbidden. */
const refusalKind = (input: TransitionInput, issue: FieldIssue): RefusalKind =>
  !canTransition(input.status, input.action) ? 'conflict' : issue.field === 'reason' ? 'invalid' : 'forbidden'

/** The next status, or a DomainError naming why the action is refused. */
export function transition(input: TransitionInput): { status: SubmissionStatus } {
  const issue = problem(input, true)
  if (issue) throw new DomainError([issue], refusalKind(input, issue))
  return { status: TRANSITIONS[input.status][input.action]! }
}

export const STALE_OFFICIAL: FieldIssue = {
  field: 'stamp',
  vi: 'Hồ sơ chính thức đã có thay đổi mới kể từ khi bạn mở; hãy tải lại trang để xem thay đổi rồi thực hiện lại.',
  en: 'The official record has changed since you opened it; reload to see the change, then try again.',
}

export const STALE_REQUEST: FieldIssue = {
  field: 'revision',
  vi: 'Yêu cầu này đã có thay đổi mới (do người khác vừa xử lý); hãy tải lại trang.',
  en: 'This request has changed in the meantime (someone else just acted on it); reload the page.',
}

/** The official record is still the one the form or request was written against (same stamp). */
export function checkOfficialUnchanged(stamp: string | null | undefined, officialStamp: string): void {
  if (stamp !== officialStamp) throw new DomainError([STALE_OFFICIAL], 'conflict')
}

/** The request is still at the revision the caller saw. */
export function checkRevision(current: number | undefined, seen: number | null | undefined): void {
  if (current === undefined || current !== seen) throw new DomainError([STALE_REQUEST], 'conflict')
}

/**
 * What saving the person's form does to their open request, as actions to take first: none for a draft (or no
 * request), `reopen` for a returned one; a request awaiting approval is refused (withdraw it first).
 */
export function stepsBeforeEdit(status: SubmissionStatus | undefined): SubmissionAction[] {
  if (status === 'submitted') {
    throw new DomainError(
      [{ field: 'status', vi: 'Yêu cầu đang chờ duyệt; hãy rút yêu cầu trước khi sửa tiếp.', en: 'The request is awaiting approval; withdraw it before editing again.' }],
      'conflict',
    )
  }
  return status === 'returned' ? ['reopen'] : []
}

/** Submitting needs something declared, on the official record as it is now. */
export function checkSubmission(input: { empty: boolean; baseStamp: string | null | undefined; officialStamp: string }): void {
  if (input.empty) throw new DomainError([{ field: 'proposal', vi: 'Chưa có thay đổi nào để gửi duyệt.', en: 'There is nothing to submit.' }], 'invalid')
  checkOfficialUnchanged(input.baseStamp, input.officialStamp)
}

/**
 * The actions `actor` may take now, in a fixed order (for UI buttons). `return` is listed when the actor
 * may return the request; the reason is asked for when the button is pressed.
 */
export function allowedActions(input: Omit<TransitionInput, 'action' | 'reason'>): SubmissionAction[] {
  return SUBMISSION_ACTIONS.filter((action) => problem({ ...input, action }, false) === null)
}
