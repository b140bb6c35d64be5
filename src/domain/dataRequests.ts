/**
 * Requests of a data subject about their personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 Điều 4.1;
 * deadlines: Nghị định 356/2025/NĐ-CP Điều 5). Pure: the deadline arithmetic, the steps a request goes through and
 * what each step needs; the collection `data-requests` and src/dataRequests/ store and run them.
 *
 * Deadlines (NĐ 356 Điều 5, read verbatim in docs/personal-data.md):
 * - every request: a first reply within 02 working days ("02 ngày làm việc");
 * - view, correct, provide (5.3): 10 days, 15 when processors or third parties must act, one extension ≤ 10 days;
 * - delete (5.4): 20 days (30), one extension ≤ 20 days;
 * - withdraw consent, restrict, object (5.2): 15 days (20), one extension ≤ 15 days;
 * - protection measures (5.5): 15 days, one extension ≤ 15 days.
 * "Ngày" periods are calendar days counted from the day after receipt and rolled over a weekend or holiday
 * (Bộ luật Dân sự 2015 Điều 147–148: the working-day calendar's addDaysRolledOver). An extension adds its days to
 * the deadline it extends, rolled over the same way. A complaint (khiếu nại) follows the law on complaints: hoso
 * keeps only the 02-working-day first reply for it.
 *
 * Refusals: a state agency processing for its lawful duties (Luật 91 Điều 19) may refuse deletion, restriction,
 * withdrawal of consent and objection with its reason; view, correct and provide are not exempted there.
 */
import type { CivilDate } from './calendar/civilDate'
import { daysFromTo } from './calendar/civilDate'
import { DomainError, type FieldIssue } from './errors'
import { STAFF_FIELD_TIERS } from './tiers'

export const DATA_REQUEST_TYPES = [
  'view', // xem dữ liệu
  'correct', // chỉnh sửa / yêu cầu chỉnh sửa
  'provide', // cung cấp (bản sao)
  'delete', // xóa
  'restrict', // hạn chế xử lý
  'object', // phản đối xử lý
  'withdraw-consent', // rút lại sự đồng ý
  'protect', // thực hiện biện pháp bảo vệ
  'complain', // khiếu nại
] as const
export type DataRequestType = (typeof DATA_REQUEST_TYPES)[number]

export const DATA_REQUEST_TYPE_LABELS: Record<DataRequestType, { vi: string; en: string }> = {
  view: { vi: 'Xem dữ liệu cá nhân', en: 'View my personal data' },
  correct: { vi: 'Chỉnh sửa dữ liệu cá nhân', en: 'Correct my personal data' },
  provide: { vi: 'Cung cấp bản sao dữ liệu cá nhân', en: 'Provide a copy of my personal data' },
  delete: { vi: 'Xóa dữ liệu cá nhân', en: 'Delete my personal data' },
  restrict: { vi: 'Hạn chế xử lý dữ liệu cá nhân', en: 'Restrict processing' },
  object: { vi: 'Phản đối xử lý dữ liệu cá nhân', en: 'Object to processing' },
  'withdraw-consent': { vi: 'Rút lại sự đồng ý', en: 'Withdraw consent' },
  protect: { vi: 'Thực hiện biện pháp bảo vệ dữ liệu cá nhân', en: 'Take protection measures' },
  complain: { vi: 'Khiếu nại', en: 'Complaint' },
}

export interface DeadlineRule {
  /** "02 ngày làm việc" for the first reply. */
  firstReplyWorkingDays: number
  /** Days to perform the request; null when NĐ 356 Điều 5 sets none (a complaint). */
  days: number | null
  /** … when processors or third parties must act. */
  daysWithThirdParties: number | null
  /** The one extension's longest length. */
  maxExtensionDays: number | null
  /** May a state agency refuse it under Luật 91 Điều 19? */
  article19Exempt: boolean
  /** Where the rule is written. */
  source: string
}

const FIRST_REPLY = 2
const rule = (days: number | null, third: number | null, ext: number | null, article19Exempt: boolean, source: string): DeadlineRule => ({
  firstReplyWorkingDays: FIRST_REPLY,
  days,
  daysWithThirdParties: third,
  maxExtensionDays: ext,
  article19Exempt,
  source,
})

export const DEADLINE_RULES: Record<DataRequestType, DeadlineRule> = {
  view: rule(10, 15, 10, false, 'NĐ 356/2025 Điều 5 khoản 3'),
  correct: rule(10, 15, 10, false, 'NĐ 356/2025 Điều 5 khoản 3'),
  provide: rule(10, 15, 10, false, 'NĐ 356/2025 Điều 5 khoản 3'),
  delete: rule(20, 30, 20, true, 'NĐ 356/2025 Điều 5 khoản 4'),
  restrict: rule(15, 20, 15, true, 'NĐ 356/2025 Điều 5 khoản 2'),
  object: rule(15, 20, 15, true, 'NĐ 356/2025 Điều 5 khoản 2'),
  'withdraw-consent': rule(15, 20, 15, true, 'NĐ 356/2025 Điều 5 khoản 2'),
  protect: rule(15, 15, 15, false, 'NĐ 356/2025 Điều 5 khoản 5'),
  complain: rule(null, null, null, false, 'NĐ 356/2025 Điều 5 khoản 1 (trả lời đầu tiên); giải quyết theo pháp luật về khiếu nại'),
}

/** The two deadline operations of the working-day calendar (src/domain/calendar). */
export interface DeadlineCalendar {
  addWorkingDays(date: CivilDate, n: number): CivilDate
  addDaysRolledOver(date: CivilDate, n: number): CivilDate
}

export interface DataRequestDeadlines {
  firstReplyDue: CivilDate
  /** Null for a complaint. */
  dueDate: CivilDate | null
}

export const isDataRequestType = (v: unknown): v is DataRequestType => typeof v === 'string' && (DATA_REQUEST_TYPES as readonly string[]).includes(v)

/** The deadlines of a request received on `receivedOn` (the day in Việt Nam). */
export function dataRequestDeadlines(calendar: DeadlineCalendar, type: DataRequestType, receivedOn: CivilDate, thirdParties = false): DataRequestDeadlines {
  const r = DEADLINE_RULES[type]
  const days = thirdParties ? r.daysWithThirdParties : r.days
  return {
    firstReplyDue: calendar.addWorkingDays(receivedOn, r.firstReplyWorkingDays),
    dueDate: days == null ? null : calendar.addDaysRolledOver(receivedOn, days),
  }
}

// ── The steps ────────────────────────────────────────────────────────────────────────────────────────────

export const DATA_REQUEST_STATES = ['received', 'replied', 'closed'] as const
export type DataRequestState = (typeof DATA_REQUEST_STATES)[number]
export const DATA_REQUEST_STATE_LABELS: Record<DataRequestState, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  replied: { vi: 'Đã trả lời lần đầu, đang xử lý', en: 'First reply sent, in progress' },
  closed: { vi: 'Đã giải quyết xong', en: 'Closed' },
}

export const DATA_REQUEST_OUTCOMES = ['done', 'partly', 'refused'] as const
export type DataRequestOutcome = (typeof DATA_REQUEST_OUTCOMES)[number]
export const DATA_REQUEST_OUTCOME_LABELS: Record<DataRequestOutcome, { vi: string; en: string }> = {
  done: { vi: 'Đã thực hiện', en: 'Done' },
  partly: { vi: 'Thực hiện một phần', en: 'Partly done' },
  refused: { vi: 'Từ chối', en: 'Refused' },
}

/** The legal grounds a refusal (or a partial answer) may rest on. */
export const REFUSAL_BASES = [
  'article-19', // Luật 91 Điều 19: processing for the state agency's lawful duties, without consent
  'harm-to-others', // Luật 91 Điều 15.2.a: harm to defence, security, public order or to others
  'abusive', // Luật 91 Điều 4.3: the request does not protect the subject's own interests / obstructs the controller's duties
  'other-law', // another law provides otherwise
  'not-held', // hoso holds no such data
] as const
export type RefusalBasis = (typeof REFUSAL_BASES)[number]
export const REFUSAL_BASIS_LABELS: Record<RefusalBasis, { vi: string; en: string }> = {
  'article-19': {
    vi: 'Luật Bảo vệ dữ liệu cá nhân Điều 19: xử lý dữ liệu phục vụ hoạt động của cơ quan nhà nước theo quy định của pháp luật',
    en: 'Personal Data Protection Law Art. 19: processing for the lawful duties of a state agency',
  },
  'harm-to-others': {
    vi: 'Luật Bảo vệ dữ liệu cá nhân Điều 15 khoản 2 điểm a: gây tổn hại đến quốc phòng, an ninh, trật tự an toàn xã hội hoặc quyền lợi của người khác',
    en: 'Personal Data Protection Law Art. 15.2.a: harm to defence, security, public order or to others',
  },
  abusive: {
    vi: 'Luật Bảo vệ dữ liệu cá nhân Điều 4 khoản 3: yêu cầu cản trở việc thực hiện nhiệm vụ theo quy định của pháp luật',
    en: 'Personal Data Protection Law Art. 4.3: the request obstructs the controller\'s lawful duties',
  },
  'other-law': { vi: 'Pháp luật khác có quy định khác (nêu rõ văn bản)', en: 'Another law provides otherwise (name it)' },
  'not-held': { vi: 'Cơ quan không lưu giữ dữ liệu được yêu cầu', en: 'The agency holds no such data' },
}

export interface DataRequestStateInput {
  type: DataRequestType
  state: DataRequestState
  dueDate: CivilDate | null
  extensionDays?: number | null
}

const issue = (field: string, vi: string, en: string): FieldIssue => ({ field, vi, en })
const blank = (s: unknown) => typeof s !== 'string' || !s.trim()

/** What a person (or the officer for a paper request) files. */
export function checkNewDataRequest(input: { type?: unknown; subject?: unknown; text?: unknown; items?: unknown }): FieldIssue[] {
  const issues: FieldIssue[] = [...checkItems(input.items)]
  if (!isDataRequestType(input.type)) issues.push(issue('type', 'Chọn loại yêu cầu', 'Choose the kind of request'))
  if (blank(input.subject)) issues.push(issue('subject', 'Nêu dữ liệu mà yêu cầu liên quan đến', 'Say which data the request is about'))
  else if (String(input.subject).length > 500) issues.push(issue('subject', 'Nội dung "liên quan đến" tối đa 500 ký tự', 'The subject is at most 500 characters'))
  if (typeof input.text === 'string' && input.text.length > 5000) issues.push(issue('text', 'Nội dung yêu cầu tối đa 5000 ký tự', 'The text is at most 5000 characters'))
  return issues
}

const closed = () => issue('state', 'Yêu cầu đã được giải quyết xong, không thể thay đổi', 'The request is closed and cannot change')

/** The first reply: once, with its text, before the request closes. */
export function checkFirstReply(r: DataRequestStateInput, text: unknown): void {
  if (r.state === 'closed') throw new DomainError([closed()], 'conflict')
  if (r.state === 'replied') throw new DomainError([issue('firstReply', 'Yêu cầu đã được trả lời lần đầu', 'The first reply was already sent')], 'conflict')
  if (blank(text)) throw new DomainError([issue('text', 'Nhập nội dung trả lời', 'Enter the reply')])
}

/**
 * The one extension (NĐ 356 Điều 5: "tối đa 01 lần gia hạn", at most the period's own length, with the reason told
 * to the person), decided on or before the deadline it extends. `today` is the day in Việt Nam.
 */
export function checkExtension(r: DataRequestStateInput, days: unknown, reason: unknown, today: CivilDate): void {
  if (r.state === 'closed') throw new DomainError([closed()], 'conflict')
  if (r.extensionDays) {
    throw new DomainError([issue('days', 'Yêu cầu đã được gia hạn một lần; Nghị định 356/2025 chỉ cho phép gia hạn tối đa 01 lần', 'The request was already extended once; Decree 356/2025 allows one extension at most')], 'conflict')
  }
  const max = DEADLINE_RULES[r.type].maxExtensionDays
  if (max == null || r.dueDate == null) throw new DomainError([issue('type', 'Loại yêu cầu này không có thời hạn để gia hạn', 'This kind of request has no deadline to extend')], 'conflict')
  const issues: FieldIssue[] = []
  const n = Number(days)
  if (!Number.isInteger(n) || n < 1 || n > max) issues.push(issue('days', `Số ngày gia hạn phải từ 1 đến ${max}`, `The extension is 1 to ${max} days`))
  if (blank(reason)) issues.push(issue('reason', 'Nêu lý do gia hạn (sẽ được thông báo cho người yêu cầu)', 'State the reason for the extension (the person is told)'))
  if (issues.length) throw new DomainError(issues)
  if (daysFromTo(r.dueDate, today) > 0) {
    throw new DomainError([issue('days', 'Đã quá thời hạn giải quyết, không thể gia hạn', 'The deadline has passed; it can no longer be extended')], 'conflict')
  }
}

/** The deadline after an extension of `days`. */
export const extendedDueDate = (calendar: DeadlineCalendar, dueDate: CivilDate, days: number): CivilDate => calendar.addDaysRolledOver(dueDate, days)

export interface OutcomeInput {
  outcome?: unknown
  legalBasis?: unknown
  reason?: unknown
}

/**
 * Closing a request: done, partly (what was not done and why) or refused. A refusal or a partial answer names its
 * legal basis and its reason; Điều 19 cannot refuse a view, a correction or a copy.
 */
export function checkOutcome(r: DataRequestStateInput, input: OutcomeInput): { outcome: DataRequestOutcome; legalBasis: RefusalBasis | null; reason: string | null } {
  if (r.state === 'closed') throw new DomainError([closed()], 'conflict')
  const issues: FieldIssue[] = []
  const outcome = input.outcome
  if (!(DATA_REQUEST_OUTCOMES as readonly unknown[]).includes(outcome)) {
    throw new DomainError([issue('outcome', 'Chọn kết quả: đã thực hiện, thực hiện một phần hoặc từ chối', 'Choose the outcome: done, partly or refused')])
  }
  const o = outcome as DataRequestOutcome
  const basis = input.legalBasis
  if (o !== 'done') {
    if (!(REFUSAL_BASES as readonly unknown[]).includes(basis)) issues.push(issue('legalBasis', 'Nêu căn cứ pháp lý của việc từ chối', 'State the legal basis of the refusal'))
    else if (basis === 'article-19' && !DEADLINE_RULES[r.type].article19Exempt) {
      issues.push(
        issue(
          'legalBasis',
          `Không được từ chối yêu cầu "${DATA_REQUEST_TYPE_LABELS[r.type].vi}" theo Điều 19 Luật Bảo vệ dữ liệu cá nhân: quyền xem, chỉnh sửa, yêu cầu cung cấp không thuộc trường hợp ngoại lệ của Điều 19`,
          `A "${DATA_REQUEST_TYPE_LABELS[r.type].en}" request cannot be refused under Art. 19 of the Personal Data Protection Law: viewing, correcting and copies are not among its exceptions`,
        ),
      )
    }
    if (blank(input.reason)) issues.push(issue('reason', 'Nêu lý do (sẽ được thông báo cho người yêu cầu)', 'State the reason (the person is told)'))
  }
  if (issues.length) throw new DomainError(issues)
  return { outcome: o, legalBasis: o === 'done' ? null : (basis as RefusalBasis), reason: blank(input.reason) ? null : String(input.reason).trim() }
}

// ── Due and overdue ──────────────────────────────────────────────────────────────────────────────────────

export type DueState = 'on-time' | 'due-soon' | 'overdue' | 'closed-on-time' | 'closed-late'
export const DUE_STATE_LABELS: Record<DueState, { vi: string; en: string }> = {
  'on-time': { vi: 'Trong hạn', en: 'On time' },
  'due-soon': { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  'closed-on-time': { vi: 'Đã giải quyết đúng hạn', en: 'Closed on time' },
  'closed-late': { vi: 'Đã giải quyết quá hạn', en: 'Closed late' },
}

export interface DueInput {
  state: DataRequestState
  firstReplyDue: CivilDate
  firstRepliedOn?: CivilDate | null
  dueDate: CivilDate | null
  extendedDueDate?: CivilDate | null
  closedOn?: CivilDate | null
}

/** The deadline that counts now: the first reply's until it is sent, then the (extended) deadline. */
export function currentDeadline(r: DueInput): CivilDate | null {
  if (r.state === 'received') return r.firstReplyDue
  return r.extendedDueDate ?? r.dueDate
}

/**
 * Where a request stands on `today` (the day in Việt Nam): overdue after its deadline's day, due soon within
 * `soonDays` calendar days of it; a closed one is late when it closed after its deadline or its first reply
 * came late (closing without a separate first reply counts as the first reply).
 */
export function dueState(r: DueInput, today: CivilDate, soonDays = 2): DueState {
  const final = r.extendedDueDate ?? r.dueDate
  if (r.state === 'closed') {
    const closedOn = r.closedOn ?? today
    // Closed without a separate first reply: the answer itself was the first reply.
    const firstReply = r.firstRepliedOn ?? closedOn
    const late = (final != null && daysFromTo(final, closedOn) > 0) || daysFromTo(r.firstReplyDue, firstReply) > 0
    return late ? 'closed-late' : 'closed-on-time'
  }
  const deadlines = [r.state === 'received' ? r.firstReplyDue : null, final].filter((d): d is CivilDate => d != null)
  if (deadlines.some((d) => daysFromTo(d, today) > 0)) return 'overdue'
  if (deadlines.some((d) => daysFromTo(today, d) <= soonDays)) return 'due-soon'
  return 'on-time'
}

// ── Who ──────────────────────────────────────────────────────────────────────────────────────────────────

type HasRoles = { roles: readonly string[] } | null | undefined

/** The personal-data officer (NĐ 356 Điều 14.1.b: "tổ chức triển khai thực hiện các quyền của chủ thể dữ liệu"). */
export const isDataProtectionOfficer = (a: HasRoles) => Boolean(a?.roles.includes('data-protection-officer'))

/** Who sees every request with its due state: the officer, and ministry HR who answers for the records. */
export const seesAllDataRequests = (a: HasRoles) => isDataProtectionOfficer(a) || Boolean(a?.roles.includes('ministry-hr'))

/** Who records paper requests and answers them: the officer. */
export const handlesDataRequests = isDataProtectionOfficer

// ── Corrections: the person's declaration or HR's task ─────────────────────────────────────────────────────

/** Items of a record a request may name: every item of the staff record but those the system keeps. */
export const isRecordItem = (name: unknown): name is string => typeof name === 'string' && STAFF_FIELD_TIERS[name] != null && STAFF_FIELD_TIERS[name] !== 'system'

/**
 * How each item of a correction is corrected (Luật 91 Điều 13): an item the person declares (T1, T2) through their
 * own change request; an item HR owns (T3: from decisions, the organisation's data) by HR — a correction task.
 */
export function correctionRoute(items: readonly string[]): { declared: string[]; hrOwned: string[] } {
  const declared: string[] = []
  const hrOwned: string[] = []
  for (const item of items) {
    const tier = STAFF_FIELD_TIERS[item]
    if (tier === 'T1' || tier === 'T2') declared.push(item)
    else if (tier === 'T3') hrOwned.push(item)
  }
  return { declared, hrOwned }
}

export function checkItems(items: unknown): FieldIssue[] {
  if (items == null) return []
  if (!Array.isArray(items) || items.length > 200) return [issue('items', 'Danh sách mục dữ liệu không hợp lệ', 'The list of items is not valid')]
  const unknown = items.filter((i) => !isRecordItem(i))
  return unknown.length ? [issue('items', `Không có mục dữ liệu: ${unknown.map(String).join(', ')}`, `No such items: ${unknown.map(String).join(', ')}`)] : []
}

// ── Reminders to the officer ───────────────────────────────────────────────────────────────────────────────

export interface DataRequestReminder {
  /** Which deadline: the first reply's, or the (extended) deadline to answer. */
  deadline: 'first-reply' | 'answer'
  on: CivilDate
  /** One message the working day before (or on the day), one more once it has passed. */
  stage: 'due-soon' | 'overdue'
}

/**
 * The reminder the officer gets about an open request on `today`: from `workingDaysBefore` working days before its
 * current deadline (default 1: the working day before), and once more when it has passed. The caller sends each
 * (request, deadline, day, stage) once.
 */
export function dataRequestReminder(
  r: DueInput,
  today: CivilDate,
  calendar: { workingDaysBetween(from: CivilDate, to: CivilDate): number },
  workingDaysBefore = 1,
): DataRequestReminder | null {
  if (r.state === 'closed') return null
  const on = currentDeadline(r)
  if (on == null) return null
  const deadline = r.state === 'received' ? 'first-reply' : 'answer'
  if (daysFromTo(on, today) > 0) return { deadline, on, stage: 'overdue' }
  return calendar.workingDaysBetween(today, on) <= workingDaysBefore ? { deadline, on, stage: 'due-soon' } : null
}
