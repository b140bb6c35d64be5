/**
 * "hoso.record/1" — one person's whole record as one canonical JSON document, shared by the Excel import/export,
 * the national sync outbox, "all my data" and the transfer package (docs/record-json.md). This file is the
 * schema: every group of the staff record, every history, the photo's metadata, and — for each field of the
 * collections that is NOT in the document — the reason (test/unit/recordSchema.test.ts walks the collection
 * config and fails on a field that is in neither list).
 *
 * Value types in the JSON:
 *   text     string (empty = null)              date   'YYYY-MM-DD' (a day on the Vietnamese calendar)
 *   month    'YYYY-MM' (month-precision items)   number / integer
 *   email    string with one '@'                 select one of the listed values
 *   code     { list, code } — a code of the named list (collection `codes`, src/domain/reference/codeLists.ts)
 *   unit     { code } — the unit's code          rank   { code } — the rank's code (e.g. "01.003")
 * Identifiers (CCCD, BHXH, tax code …) are in clear: the document is personal data and its consumers seal or sign it.
 */
import type { CodeListName } from '../reference/codeLists'

export const RECORD_SCHEMA_ID = 'hoso.record/1'

export type ValueType =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'month' }
  | { kind: 'number' }
  | { kind: 'integer' }
  | { kind: 'email' }
  | { kind: 'select'; options: readonly string[] }
  | { kind: 'code'; list: CodeListName }
  | { kind: 'unit' }
  | { kind: 'rank' }

export interface FieldSpec {
  /** Key in the JSON group (and in the history row). */
  key: string
  /** Path in the Payload document when it differs from `key` (a group: 'economy.incomeSalary'). */
  path?: string
  type: ValueType
  required?: boolean
}

export interface GroupSpec {
  key: string
  label: { vi: string; en: string }
  /** Sensitive items (NĐ 356/2025 Điều 4.1, src/domain/sensitivity.ts): omitted for a reader who may not see them. */
  sensitive: boolean
  fields: readonly FieldSpec[]
}

export interface HistorySpec {
  key: string
  slug: string
  label: { vi: string; en: string }
  /** Row order in the document (then the row id): the order of the form. */
  order: readonly string[]
  /** 'rows': the whole history is sensitive; otherwise the keys of sensitive fields of a row. */
  sensitive: 'rows' | readonly string[]
  fields: readonly FieldSpec[]
}

const T = { kind: 'text' } as const
const D = { kind: 'date' } as const
const M = { kind: 'month' } as const
const N = { kind: 'number' } as const
const I = { kind: 'integer' } as const
const code = (list: CodeListName): ValueType => ({ kind: 'code', list })
const select = (...options: string[]): ValueType => ({ kind: 'select', options })
const f = (key: string, type: ValueType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, type, ...extra })

export const STAFF_GROUPS: readonly GroupSpec[] = [
  {
    key: 'identity',
    label: { vi: 'Thông tin chung', en: 'Identity' },
    sensitive: false,
    fields: [
      f('staffCode', T, { required: true }),
      f('fullName', T, { required: true }),
      f('otherNames', T),
      f('gender', select('male', 'female'), { required: true }),
      f('birthDate', D, { required: true }),
      f('nationality', T),
      f('birthPlace', T),
      f('hometown', T),
      f('permanentAddress', T),
      f('currentAddress', T),
      f('phone', T),
      f('email', { kind: 'email' }),
    ],
  },
  {
    key: 'identifiers',
    label: { vi: 'Giấy tờ định danh', en: 'Identifiers' },
    sensitive: true,
    fields: [
      f('nationalId', T),
      f('nationalIdIssueDate', D),
      f('nationalIdIssuePlace', T),
      f('legacyIdNumber', T),
      f('passportNumber', T),
      f('taxCode', T),
      f('socialInsuranceNumber', T),
      f('healthInsuranceNumber', T),
      // Superseded by the personal identification number (NĐ 27/2026) but kept as a legacy value.
      f('nationalPersonalCode', T),
    ],
  },
  {
    key: 'origin',
    label: { vi: 'Dân tộc, tôn giáo, thành phần xuất thân', en: 'Ethnicity, religion, family background' },
    sensitive: true,
    fields: [f('ethnicity', code('ethnicity')), f('religion', code('religion')), f('familyBackground', T)],
  },
  {
    key: 'employment',
    label: { vi: 'Công tác', en: 'Employment' },
    sensitive: false,
    fields: [
      f('employmentType', select('cadre', 'civil-servant', 'public-employee', 'contract'), { required: true }),
      f('unit', { kind: 'unit' }, { required: true }),
      f('jobBeforeRecruitment', T),
      f('recruitmentDate', D),
      f('recruitingAgency', T),
      f('currentAgencyJoinDate', D),
      f('position', T),
      f('positionAppointedDate', D),
      f('positionReappointedDate', D),
      f('concurrentPositions', T),
      f('plannedPositions', T),
      f('partyPosition', T),
      f('partyConcurrentPosition', T),
      f('mainDuties', T),
      f('strengths', T),
      f('longestJob', T),
      f('jobPosition', T),
      f('jobPositionCode', T),
    ],
  },
  {
    key: 'salary',
    label: { vi: 'Ngạch, lương', en: 'Rank and salary' },
    sensitive: false,
    fields: [
      f('rank', { kind: 'rank' }),
      f('rankAppointedDate', D),
      f('salaryStep', I),
      f('salaryCoefficient', N),
      f('salaryStepDate', D),
      f('salaryPercentage', N),
      f('seniorityAllowancePct', N),
      f('seniorityAllowanceDate', D),
      f('positionAllowance', N),
      f('concurrentAllowance', N),
      f('otherAllowances', T),
      f('jobPositionSalary', N),
    ],
  },
  {
    key: 'education',
    label: { vi: 'Trình độ', en: 'Education' },
    sensitive: false,
    fields: [
      f('generalEducation', T),
      f('highestQualification', code('qualification')),
      f('major', T),
      f('academicTitle', code('academic-title')),
      f('academicDegree', code('academic-degree')),
      f('politicalTheory', code('political-theory')),
      f('stateManagement', code('state-management')),
      f('foreignLanguages', T),
      f('itLevel', code('it-level')),
    ],
  },
  {
    key: 'partyMembership',
    label: { vi: 'Đảng viên', en: 'Party membership' },
    sensitive: true,
    fields: [f('partyJoinDate', D), f('partyOfficialDate', D)],
  },
  {
    key: 'organisations',
    label: { vi: 'Đoàn thể, quân ngũ, danh hiệu', en: 'Organisations, military service, titles' },
    sensitive: false,
    fields: [
      f('socioPoliticalOrgJoinDate', D),
      f('socioPoliticalOrgDetails', T),
      f('militaryEnlistDate', D),
      f('militaryDischargeDate', D),
      f('militaryRank', T),
      f('highestStateTitle', T),
    ],
  },
  {
    key: 'healthAndPolicy',
    label: { vi: 'Sức khỏe, chính sách', en: 'Health and policy' },
    sensitive: true,
    fields: [
      f('healthStatus', T),
      f('heightCm', N),
      f('weightKg', N),
      f('bloodType', select('A', 'B', 'AB', 'O')),
      f('warInvalidGrade', T),
      f('policyFamily', T),
      f('policyGroup', T),
    ],
  },
  {
    key: 'personalHistory',
    label: { vi: 'Đặc điểm lịch sử bản thân', en: 'Personal history' },
    sensitive: true,
    fields: [f('arrestHistory', T), f('oldRegimeWork', T), f('foreignOrgRelations', T), f('relativesAbroad', T)],
  },
  {
    key: 'economy',
    label: { vi: 'Hoàn cảnh kinh tế gia đình', en: 'Family economic situation' },
    sensitive: true,
    fields: ['incomeSalary', 'incomeOther', 'housingAllocated', 'housingOwned', 'landAllocated', 'landOwned', 'landBusiness'].map((k) =>
      f(k, T, { path: `economy.${k}` }),
    ),
  },
  {
    key: 'assessment',
    label: { vi: 'Nhận xét, đánh giá', en: 'Assessment' },
    sensitive: false,
    fields: [f('managementComment', T)],
  },
]

const decision = [f('decisionNumber', T)]

export const HISTORIES: readonly HistorySpec[] = [
  {
    key: 'trainingRecords',
    slug: 'training-records',
    label: { vi: 'Đào tạo, bồi dưỡng', en: 'Training' },
    order: ['fromMonth'],
    sensitive: [],
    fields: [
      f('kind', code('training-kind'), { required: true }),
      f('fromMonth', M, { required: true }),
      f('toMonth', M),
      f('institution', T, { required: true }),
      f('major', T),
      f('mode', code('training-mode')),
      f('qualification', T),
      f('language', T),
      f('score', T),
    ],
  },
  {
    key: 'workHistory',
    slug: 'work-history',
    label: { vi: 'Quá trình công tác', en: 'Work history' },
    order: ['fromMonth'],
    sensitive: [],
    fields: [f('fromMonth', M, { required: true }), f('toMonth', M), f('position', T), f('organisation', T, { required: true }), ...decision, f('decisionDate', D)],
  },
  {
    key: 'salaryHistory',
    slug: 'salary-history',
    label: { vi: 'Diễn biến lương', en: 'Salary history' },
    order: ['effectiveDate'],
    sensitive: [],
    fields: [
      f('effectiveDate', D, { required: true }),
      f('endDate', D),
      f('rankCode', T, { required: true }),
      f('step', I, { required: true }),
      f('coefficient', N, { required: true }),
      f('percentage', N),
      f('jobPositionSalary', N),
      ...decision,
    ],
  },
  {
    key: 'allowanceHistory',
    slug: 'allowance-history',
    label: { vi: 'Phụ cấp', en: 'Allowances' },
    order: ['fromMonth'],
    sensitive: [],
    fields: [f('fromMonth', M, { required: true }), f('toMonth', M), f('kind', T, { required: true }), f('percentage', N), f('coefficient', N), f('mode', T), f('amount', N)],
  },
  {
    key: 'awards',
    slug: 'awards',
    label: { vi: 'Khen thưởng', en: 'Awards' },
    order: ['year'],
    sensitive: [],
    fields: [f('year', I, { required: true }), f('form', code('award-form'), { required: true }), f('content', T), ...decision, f('decidedBy', T)],
  },
  {
    key: 'evaluations',
    slug: 'evaluations',
    label: { vi: 'Đánh giá, xếp loại', en: 'Evaluations' },
    order: ['year'],
    sensitive: [],
    fields: [f('year', I, { required: true }), f('rating', code('evaluation-rating'), { required: true }), f('emulationTitle', T), f('comment', T)],
  },
  {
    key: 'disciplines',
    slug: 'disciplines',
    label: { vi: 'Kỷ luật', en: 'Disciplinary measures' },
    order: ['fromDate'],
    sensitive: 'rows',
    fields: [
      f('fromDate', D, { required: true }),
      f('toDate', D),
      f('form', code('discipline-form'), { required: true }),
      f('sphere', select('party', 'administrative', 'organisation'), { required: true }),
      f('violation', T),
      f('decidedBy', T),
      ...decision,
    ],
  },
  {
    key: 'familyMembers',
    slug: 'family-members',
    label: { vi: 'Quan hệ gia đình', en: 'Family' },
    order: ['sortOrder'],
    sensitive: ['details'],
    fields: [
      f('side', select('self', 'spouse'), { required: true }),
      f('relation', code('relation'), { required: true }),
      f('fullName', T, { required: true }),
      f('birthYear', I),
      f('details', T),
      f('sortOrder', I),
    ],
  },
]

/** Metadata of the record's current photo (Ảnh 4×6); the file itself travels beside the document. */
export const PHOTO_FIELDS: readonly FieldSpec[] = [
  f('filename', T, { required: true }),
  f('mimeType', T, { required: true }),
  f('filesize', I),
  f('width', I),
  f('height', I),
  f('alt', T),
]

/** Fields of `staff` that are not in the document, and why. */
export const STAFF_EXCLUDED: Readonly<Record<string, string>> = {
  id: 'the local database id: the document carries it as `id`, outside the groups',
  photo: 'the current photo: the document\'s `photo` object (metadata), not a relation id',
  nationalIdIndex: 'blind index of the CCCD (an HMAC with this installation\'s key): derived, meaningless elsewhere',
  searchName: 'derived from fullName for search',
  sortName: 'derived from fullName for Vietnamese name order',
  unitPath: 'derived from unit by database triggers',
  lastConfirmedAt: 'workflow state (when the person last confirmed), not record data: it changes with no change to the record',
  createdAt: 'database timestamp',
  updatedAt: 'database timestamp: changes on every save, even one that changes nothing',
  trainingRecords: 'join field: the history is the document\'s `histories.trainingRecords`',
  workHistory: 'join field: `histories.workHistory`',
  salaryHistory: 'join field: `histories.salaryHistory`',
  allowanceHistory: 'join field: `histories.allowanceHistory`',
  awards: 'join field: `histories.awards`',
  evaluations: 'join field: `histories.evaluations`',
  disciplines: 'join field: `histories.disciplines`',
  familyMembers: 'join field: `histories.familyMembers`',
  decisions: 'join field over the `decisions` collection: decisions are HR-owned documents of their own, not part of version 1 of the record',
  employmentStatus: 'derived from the decisions in effect (src/domain/lifecycle.ts), never typed; version 1 of the record predates decisions',
  employmentStatusSince: 'derived with employmentStatus from the decision that set it',
  leftToAgency: 'derived with employmentStatus from a transfer-out decision',
}

/** Fields of every history collection that are not in a row of the document, and why. */
export const HISTORY_EXCLUDED: Readonly<Record<string, string>> = {
  id: 'the row\'s local id: the row carries it as `id` (an import updates the row by it)',
  staff: 'the person the row belongs to: the document itself',
  createdAt: 'database timestamp',
  updatedAt: 'database timestamp',
}

/** Fields of `photos` that are not in the document's `photo`, and why. */
export const PHOTO_EXCLUDED: Readonly<Record<string, string>> = {
  id: 'local database id',
  staff: 'the person the photo belongs to: the document itself',
  url: 'a URL of this installation, not portable',
  thumbnailURL: 'a URL of this installation, not portable',
  focalX: 'Payload crop setting, not record data',
  focalY: 'Payload crop setting, not record data',
  createdAt: 'database timestamp',
  updatedAt: 'database timestamp',
}

/** The JSON paths a reader without the right to sensitive items does not get (listed in `omitted`). */
export function sensitivePaths(): string[] {
  const out = STAFF_GROUPS.filter((g) => g.sensitive).map((g) => g.key)
  for (const h of HISTORIES) {
    if (h.sensitive === 'rows') out.push(`histories.${h.key}`)
    else for (const k of h.sensitive) out.push(`histories.${h.key}[].${k}`)
  }
  return out.sort()
}
