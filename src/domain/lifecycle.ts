/**
 * A career in one record: decisions (quyết định) and what each does on its effective date.
 *
 * The regulation covers a person's information "trong thời gian công tác tại Bộ", from recruitment to the
 * day they leave. A decision is typed in when it is signed but takes effect on its effective date; until then
 * it is "sắp có hiệu lực". The employment status of a record is never typed freely: it is derived from the
 * decisions in effect at a date (statusAt). Decisions that end someone's access or move them out (leaving,
 * transfer out, dismissal) need a second person's approval (four eyes). A correction or revocation is itself
 * recorded, never an overwrite. A unit change follows the one transfer rule (src/domain/transfer.ts).
 *
 * Pure: no Payload, no database. Dates are calendar days stored as UTC midnight (src/domain/dates.ts).
 */
import { isHrOfficer, isMinistryHr, type Actor } from './access'
import { toDate, todayInVietnam, type DateInput } from './dates'
import { DomainError, type FieldIssue } from './errors'

export const DECISION_KINDS = [
  'recruitment', // tuyển dụng
  'reception', // tiếp nhận
  'appointment', // bổ nhiệm
  'reappointment', // bổ nhiệm lại
  'reassignment', // điều động
  'rotation', // luân chuyển
  'secondment', // biệt phái
  'secondment-end', // kết thúc biệt phái, trở lại đơn vị
  'salary-step', // nâng bậc lương
  'rank-promotion', // nâng ngạch / thăng hạng
  'service-extension', // kéo dài thời gian công tác
  'retirement', // nghỉ hưu
  'resignation', // thôi việc
  'transfer-out', // chuyển công tác ra ngoài Bộ
  'discipline', // kỷ luật (khiển trách, cảnh cáo, hạ bậc lương, cách chức …)
  'dismissal', // kỷ luật buộc thôi việc
  'death', // từ trần
] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]

export const DECISION_KIND_LABELS: Record<DecisionKind, { vi: string; en: string }> = {
  recruitment: { vi: 'Tuyển dụng', en: 'Recruitment' },
  reception: { vi: 'Tiếp nhận', en: 'Reception (transfer in)' },
  appointment: { vi: 'Bổ nhiệm', en: 'Appointment' },
  reappointment: { vi: 'Bổ nhiệm lại', en: 'Re-appointment' },
  reassignment: { vi: 'Điều động', en: 'Reassignment' },
  rotation: { vi: 'Luân chuyển', en: 'Rotation' },
  secondment: { vi: 'Biệt phái', en: 'Secondment' },
  'secondment-end': { vi: 'Kết thúc biệt phái', en: 'End of secondment' },
  'salary-step': { vi: 'Nâng bậc lương', en: 'Salary step increase' },
  'rank-promotion': { vi: 'Nâng ngạch / thăng hạng', en: 'Rank promotion' },
  'service-extension': { vi: 'Kéo dài thời gian công tác', en: 'Extension of service' },
  retirement: { vi: 'Nghỉ hưu', en: 'Retirement' },
  resignation: { vi: 'Thôi việc', en: 'Resignation' },
  'transfer-out': { vi: 'Chuyển công tác', en: 'Transfer to another agency' },
  discipline: { vi: 'Kỷ luật', en: 'Disciplinary measure' },
  dismissal: { vi: 'Buộc thôi việc', en: 'Dismissal' },
  death: { vi: 'Từ trần', en: 'Death' },
}

export const EMPLOYMENT_STATUSES = ['active', 'seconded', 'retired', 'resigned', 'transferred', 'deceased'] as const
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number]

export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatus, { vi: string; en: string }> = {
  active: { vi: 'Đang công tác', en: 'Working' },
  seconded: { vi: 'Tạm hoãn / biệt phái', en: 'Suspended / seconded' },
  retired: { vi: 'Đã nghỉ hưu', en: 'Retired' },
  resigned: { vi: 'Thôi việc', en: 'Left the service' },
  transferred: { vi: 'Chuyển công tác', en: 'Transferred to another agency' },
  deceased: { vi: 'Từ trần', en: 'Deceased' },
}

/** Statuses of a person who no longer works here: account closed, record archived (read-only). */
export const LEFT_STATUSES: readonly EmploymentStatus[] = ['retired', 'resigned', 'transferred', 'deceased']
/** Statuses of a person who still works here (a seconded person is still ours). */
export const WORKING_STATUSES: readonly EmploymentStatus[] = ['active', 'seconded']
const LEFT: ReadonlySet<EmploymentStatus> = new Set(LEFT_STATUSES)
export const hasLeft = (status: EmploymentStatus | null | undefined): boolean => Boolean(status && LEFT.has(status))
/** Whether a record counts in active lists, dashboards and headcounts (a seconded person is still ours). */
export const countsAsActive = (status: EmploymentStatus | null | undefined): boolean => !hasLeft(status ?? 'active')

/** Which parts of a record a kind of decision may change. */
export interface DecisionEffects {
  unit: boolean
  position: boolean
  /** ngạch / hạng */
  rank: boolean
  /** bậc / hệ số */
  salary: boolean
  /** The employment status the decision sets on its effective date, if any. */
  status: EmploymentStatus | null
  /** Needs a second person's approval before it can take effect (it ends access or moves the person out). */
  fourEyes: boolean
}

const effects = (e: Partial<DecisionEffects>): DecisionEffects => ({ unit: false, position: false, rank: false, salary: false, status: null, fourEyes: false, ...e })

export const DECISION_EFFECTS: Record<DecisionKind, DecisionEffects> = {
  recruitment: effects({ unit: true, position: true, rank: true, salary: true, status: 'active' }),
  reception: effects({ unit: true, position: true, rank: true, salary: true, status: 'active' }),
  appointment: effects({ unit: true, position: true }),
  reappointment: effects({ position: true }),
  reassignment: effects({ unit: true, position: true }),
  rotation: effects({ unit: true, position: true }),
  secondment: effects({ status: 'seconded' }),
  'secondment-end': effects({ unit: true, position: true, status: 'active' }),
  'salary-step': effects({ salary: true }),
  'rank-promotion': effects({ rank: true, salary: true }),
  'service-extension': effects({}),
  retirement: effects({ status: 'retired', fourEyes: true }),
  resignation: effects({ status: 'resigned', fourEyes: true }),
  'transfer-out': effects({ status: 'transferred', fourEyes: true }),
  discipline: effects({ position: true, salary: true }),
  dismissal: effects({ status: 'resigned', fourEyes: true }),
  death: effects({ status: 'deceased', fourEyes: true }),
}

export const needsFourEyes = (kind: DecisionKind): boolean => DECISION_EFFECTS[kind].fourEyes

/** What a decision changes (only the parts its kind allows are applied). */
export interface DecisionChanges {
  unitId?: number | null
  position?: string | null
  rankId?: number | null
  /** mã ngạch, written into salary history */
  rankCode?: string | null
  salaryStep?: number | null
  salaryCoefficient?: number | null
  /** For a transfer out: the receiving agency. */
  toAgency?: string | null
}

/**
 * A decision's state: awaiting the second approval, approved (takes effect on its date), applied, or revoked
 * (void; if it had been applied, the state before it is restored). A corrected decision is revoked by its
 * correction, which points at it.
 */
export const DECISION_STATES = ['pending-approval', 'approved', 'applied', 'revoked'] as const
export type DecisionState = (typeof DECISION_STATES)[number]

export const DECISION_STATE_LABELS: Record<DecisionState, { vi: string; en: string }> = {
  'pending-approval': { vi: 'Chờ phê duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Sắp có hiệu lực', en: 'Upcoming' },
  applied: { vi: 'Đã có hiệu lực', en: 'In effect' },
  revoked: { vi: 'Đã hủy bỏ', en: 'Revoked' },
}

export interface DecisionFacts {
  kind: DecisionKind
  state: DecisionState
  effectiveDate: DateInput
  signedDate?: DateInput
  id?: number
  changes?: DecisionChanges | null
}

/** The state a new decision starts in: four-eyes kinds wait for a second person. */
export const initialState = (kind: DecisionKind): DecisionState => (needsFourEyes(kind) ? 'pending-approval' : 'approved')

function day(v: DateInput, field: string): Date {
  const d = toDate(v)
  if (!d) throw new DomainError([{ field, vi: 'Ngày không hợp lệ', en: 'Invalid date' }])
  return d
}

/** Whether an approved decision's effective date has come (00:00 Việt Nam time on that day). */
export function isDue(d: Pick<DecisionFacts, 'state' | 'effectiveDate'>, now: Date): boolean {
  return d.state === 'approved' && day(d.effectiveDate, 'effectiveDate').getTime() <= todayInVietnam(now).getTime()
}

/** "Sắp có hiệu lực": entered (approved or awaiting approval) with an effective date still ahead. */
export function isUpcoming(d: Pick<DecisionFacts, 'state' | 'effectiveDate'>, now: Date): boolean {
  return (d.state === 'approved' || d.state === 'pending-approval') && day(d.effectiveDate, 'effectiveDate').getTime() > todayInVietnam(now).getTime()
}

/** Order in which decisions take effect: by effective date, then signing date, then id. */
export function inEffectOrder<T extends DecisionFacts>(decisions: readonly T[]): T[] {
  const t = (v: DateInput) => toDate(v)?.getTime() ?? 0
  return [...decisions].sort((a, b) => t(a.effectiveDate) - t(b.effectiveDate) || t(a.signedDate) - t(b.signedDate) || (a.id ?? 0) - (b.id ?? 0))
}

export interface StatusAt {
  status: EmploymentStatus
  /** The effective date of the decision that set it (null: no status decision in effect). */
  since: Date | null
  /** The receiving agency, for a transfer out. */
  toAgency: string | null
}

/**
 * The employment status on a calendar day, derived from the decisions in effect then: the last status-setting
 * decision (approved or applied, not revoked) whose effective date is on or before the day. A record without
 * any such decision is taken as working (records entered before decisions were kept).
 */
export function statusAt(decisions: readonly DecisionFacts[], on: DateInput): StatusAt {
  const at = day(on, 'date').getTime()
  let result: StatusAt = { status: 'active', since: null, toAgency: null }
  for (const d of inEffectOrder(decisions)) {
    if (d.state !== 'applied' && d.state !== 'approved') continue
    const effective = day(d.effectiveDate, 'effectiveDate')
    if (effective.getTime() > at) break
    const status = DECISION_EFFECTS[d.kind].status
    if (status) result = { status, since: effective, toAgency: d.kind === 'transfer-out' ? (d.changes?.toAgency ?? null) : null }
  }
  return result
}

/** Whether the person worked here on a day (reports "tính đến ngày" count them for dates before they left). */
export const workedHereOn = (decisions: readonly DecisionFacts[], on: DateInput): boolean => countsAsActive(statusAt(decisions, on).status)

/** The checks a new decision must pass before it is saved (the kind's required changes, dates). */
export function checkDecision(d: { kind: DecisionKind; effectiveDate: DateInput; signedDate: DateInput; changes?: DecisionChanges | null }): FieldIssue[] {
  const issues: FieldIssue[] = []
  const signed = toDate(d.signedDate)
  const effective = toDate(d.effectiveDate)
  if (!signed) issues.push({ field: 'signedDate', vi: 'Ngày ký quyết định không hợp lệ', en: 'The signing date is not valid' })
  if (!effective) issues.push({ field: 'effectiveDate', vi: 'Ngày có hiệu lực không hợp lệ', en: 'The effective date is not valid' })
  const c = d.changes ?? {}
  const e = DECISION_EFFECTS[d.kind]
  const needUnit = d.kind === 'recruitment' || d.kind === 'reception' || d.kind === 'reassignment' || d.kind === 'rotation'
  if (needUnit && c.unitId == null) issues.push({ field: 'changes.unit', vi: 'Quyết định này cần đơn vị công tác mới', en: 'This decision needs the new unit' })
  if ((d.kind === 'appointment' || d.kind === 'reappointment') && !c.position) issues.push({ field: 'changes.position', vi: 'Quyết định bổ nhiệm cần chức vụ', en: 'An appointment needs the position' })
  if ((d.kind === 'salary-step' || d.kind === 'rank-promotion') && (c.salaryStep == null || c.salaryCoefficient == null)) {
    issues.push({ field: 'changes.salaryStep', vi: 'Quyết định này cần bậc lương và hệ số lương mới', en: 'This decision needs the new salary step and coefficient' })
  }
  if (d.kind === 'transfer-out' && !c.toAgency) issues.push({ field: 'changes.toAgency', vi: 'Quyết định chuyển công tác cần cơ quan tiếp nhận', en: 'A transfer out needs the receiving agency' })
  const offered: Array<[keyof DecisionChanges, boolean]> = [['unitId', e.unit], ['position', e.position], ['rankId', e.rank], ['salaryStep', e.salary], ['salaryCoefficient', e.salary]]
  for (const [key, allowed] of offered) {
    if (!allowed && c[key] != null && c[key] !== '') {
      issues.push({ field: `changes.${key === 'unitId' ? 'unit' : key === 'rankId' ? 'rank' : key}`, vi: `Quyết định "${DECISION_KIND_LABELS[d.kind].vi}" không thay đổi mục này`, en: `A "${DECISION_KIND_LABELS[d.kind].en}" decision does not change this item` })
    }
  }
  return issues
}

/** Who may enter a decision on a record they may update: HR officers (unit HR in scope, ministry HR). */
export function mayEnterDecision(actor: Actor | null | undefined): boolean {
  return isHrOfficer(actor)
}

/**
 * The second approval of a four-eyes decision: an HR officer other than the one who entered it, so that one
 * officer cannot lock colleagues out alone. Throws a DomainError naming why not.
 */
export function checkApproval(actor: (Actor & { accountId?: number | null }) | null | undefined, decision: { state: DecisionState; enteredBy: number | null }): void {
  if (!actor || !isHrOfficer(actor)) {
    throw new DomainError([{ field: 'state', vi: 'Chỉ cán bộ tổ chức mới được phê duyệt quyết định', en: 'Only HR officers may approve decisions' }], 'forbidden')
  }
  if (decision.state !== 'pending-approval') {
    throw new DomainError([{ field: 'state', vi: 'Quyết định không ở trạng thái chờ phê duyệt', en: 'The decision is not awaiting approval' }], 'conflict')
  }
  if (actor.accountId != null && decision.enteredBy === actor.accountId) {
    throw new DomainError(
      [{ field: 'state', vi: 'Người nhập quyết định không được tự phê duyệt; cần một cán bộ tổ chức khác phê duyệt', en: 'The person who entered the decision may not approve it; another HR officer must approve' }],
      'forbidden',
    )
  }
}

/** A revocation (or a correction, which revokes what it corrects) needs an HR officer, a reason and a decision not yet revoked. */
export function checkRevocation(actor: Actor | null | undefined, decision: { state: DecisionState }, reason: string | null | undefined): void {
  if (!actor || !isHrOfficer(actor)) {
    throw new DomainError([{ field: 'state', vi: 'Chỉ cán bộ tổ chức mới được hủy bỏ quyết định', en: 'Only HR officers may revoke decisions' }], 'forbidden')
  }
  checkRevocable(decision, reason)
}

/** What a revocation needs of the decision itself: not revoked yet, and a reason. */
export function checkRevocable(decision: { state: DecisionState }, reason: string | null | undefined): void {
  if (decision.state === 'revoked') {
    throw new DomainError([{ field: 'state', vi: 'Quyết định đã bị hủy bỏ trước đó', en: 'The decision has already been revoked' }], 'conflict')
  }
  if (!reason || !reason.trim()) {
    throw new DomainError([{ field: 'revocationReason', vi: 'Cần ghi lý do hủy bỏ hoặc đính chính quyết định', en: 'A reason for the revocation or correction is required' }])
  }
}

/** Archived records (the person has left) are readable by ministry HR and by the archivist role (lưu trữ). */
export function mayReadArchived(actor: { roles: readonly string[] } | null | undefined): boolean {
  return Boolean(actor && (isMinistryHr(actor) || actor.roles.includes('archivist')))
}

/** The refusal of an edit to an archived record. */
export function archivedRecordIssue(status: EmploymentStatus): FieldIssue {
  const label = EMPLOYMENT_STATUS_LABELS[status]
  return {
    field: 'employmentStatus',
    vi: `Hồ sơ đã lưu trữ (${label.vi}): chỉ được xem, không được sửa; thay đổi phải qua quyết định mới`,
    en: `The record is archived (${label.en}): read-only; changes need a new decision`,
  }
}
