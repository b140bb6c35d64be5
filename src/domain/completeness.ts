// Record completeness. QĐ 832/QĐ-BNV requires data to be "cập nhật đầy đủ" and units to "đôn đốc việc cập
// nhật … đầy đủ thông tin" (domain.md §1.1) → per-record percentage and a list of what is missing, for
// completeness dashboards and reminders. The items are the core of Mẫu 2C-BNV/2008 and HS02-VC/BNV.

export interface CompletenessItem {
  field: string
  vi: string
  en: string
}

/** Scalar items a complete record must have (field names of the staff record; dot paths allowed). */
export const REQUIRED_ITEMS: ReadonlyArray<CompletenessItem> = [
  { field: 'fullName', vi: 'Họ và tên', en: 'Full name' },
  { field: 'gender', vi: 'Giới tính', en: 'Gender' },
  { field: 'birthDate', vi: 'Ngày sinh', en: 'Date of birth' },
  { field: 'birthPlace', vi: 'Nơi sinh', en: 'Place of birth' },
  { field: 'hometown', vi: 'Quê quán', en: 'Home town' },
  { field: 'ethnicity', vi: 'Dân tộc', en: 'Ethnicity' },
  { field: 'religion', vi: 'Tôn giáo', en: 'Religion' },
  { field: 'nationalId', vi: 'Số CCCD', en: 'Citizen ID number' },
  { field: 'nationalIdIssueDate', vi: 'Ngày cấp CCCD', en: 'Citizen ID issue date' },
  { field: 'permanentAddress', vi: 'Nơi thường trú', en: 'Permanent address' },
  { field: 'currentAddress', vi: 'Nơi ở hiện nay', en: 'Current address' },
  { field: 'phone', vi: 'Điện thoại', en: 'Phone' },
  { field: 'email', vi: 'Email', en: 'Email' },
  { field: 'recruitmentDate', vi: 'Ngày tuyển dụng', en: 'Recruitment date' },
  { field: 'recruitingAgency', vi: 'Cơ quan tuyển dụng', en: 'Recruiting agency' },
  { field: 'rank', vi: 'Ngạch/chức danh nghề nghiệp', en: 'Civil service rank / professional title' },
  { field: 'salaryStep', vi: 'Bậc lương', en: 'Salary step' },
  { field: 'salaryCoefficient', vi: 'Hệ số lương', en: 'Salary coefficient' },
  { field: 'salaryStepDate', vi: 'Ngày hưởng', en: 'Salary effective date' },
  { field: 'generalEducation', vi: 'Trình độ giáo dục phổ thông', en: 'General education level' },
  { field: 'highestQualification', vi: 'Trình độ chuyên môn cao nhất', en: 'Highest professional qualification' },
  { field: 'healthStatus', vi: 'Tình trạng sức khỏe', en: 'Health status' },
  { field: 'socialInsuranceNumber', vi: 'Số sổ BHXH', en: 'Social insurance number' },
  { field: 'photo', vi: 'Ảnh 4×6', en: '4×6 photo' },
]

export type HistoryKey = 'trainingRecords' | 'workHistory' | 'familyMembers'

/** Histories that need at least one row (2C items 27, 28, 30; HS02 items 32, 33, 36). */
export const REQUIRED_HISTORIES: ReadonlyArray<CompletenessItem & { field: HistoryKey }> = [
  { field: 'trainingRecords', vi: 'Quá trình đào tạo, bồi dưỡng', en: 'Training history' },
  { field: 'workHistory', vi: 'Quá trình công tác', en: 'Work history' },
  { field: 'familyMembers', vi: 'Quan hệ gia đình', en: 'Family relations' },
]

function getPath(record: Record<string, unknown>, path: string): unknown {
  let cur: unknown = record
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[key]
  }
  return cur
}

/** Filled = not null/undefined, not a blank string, not an empty array. 0 and false count as filled. */
export function isFilled(v: unknown): boolean {
  if (v === null || v === undefined) return false
  if (typeof v === 'string') return v.trim() !== ''
  if (Array.isArray(v)) return v.length > 0
  if (typeof v === 'number') return !Number.isNaN(v)
  return true
}

/**
 * Completeness of a record: percent of required items filled (integer, rounded down, so 100 means really
 * complete) and the missing items in REQUIRED_ITEMS order followed by missing histories.
 * History row counts come from `histories`; when a count is not given, an array under the same key in
 * the record (e.g. a populated join) is counted instead.
 */
export function completeness(
  record: Record<string, unknown>,
  histories?: Partial<Record<HistoryKey, number>>,
): { percent: number; missing: CompletenessItem[] } {
  const missing: CompletenessItem[] = []
  for (const item of REQUIRED_ITEMS) {
    if (!isFilled(getPath(record, item.field))) missing.push({ field: item.field, vi: item.vi, en: item.en })
  }
  for (const item of REQUIRED_HISTORIES) {
    const fromRecord = record[item.field]
    const count = histories?.[item.field] ?? (Array.isArray(fromRecord) ? fromRecord.length : 0)
    if (!(count >= 1)) missing.push({ field: item.field, vi: item.vi, en: item.en })
  }
  const total = REQUIRED_ITEMS.length + REQUIRED_HISTORIES.length
  const percent = Math.floor(((total - missing.length) * 100) / total)
  return { percent, missing }
}
