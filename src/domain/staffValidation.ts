// Field and cross-field checks for a staff record (hồ sơ cán bộ, công chức, viên chức). QĐ 832/QĐ-BNV asks
// for data "đầy đủ, kịp thời, chính xác" (domain.md §1.1), so impossible values are rejected at entry.
// Pure: the caller passes "today" and, when known, the rank's salary scale (NĐ 204/2004/NĐ-CP bảng 2/3/4).

import { hasHiddenCharacters } from './names'
import { formatCoefficient } from './money'
import { ageOn, startOfUtcDay, toDate, type DateInput } from './dates'
import { DomainError, type FieldIssue } from './errors'
import { validateNationalId } from './nationalId'

export interface StaffInput {
  fullName?: string | null
  gender?: 'male' | 'female' | null
  birthDate?: DateInput
  nationalId?: string | null
  nationalIdIssueDate?: DateInput
  legacyIdNumber?: string | null
  socialInsuranceNumber?: string | null
  taxCode?: string | null
  phone?: string | null
  email?: string | null
  recruitmentDate?: DateInput
  currentAgencyJoinDate?: DateInput
  partyJoinDate?: DateInput
  partyOfficialDate?: DateInput
  socioPoliticalOrgJoinDate?: DateInput
  militaryEnlistDate?: DateInput
  militaryDischargeDate?: DateInput
  positionAppointedDate?: DateInput
  rankAppointedDate?: DateInput
  salaryStep?: number | null
  salaryCoefficient?: number | null
  salaryStepDate?: DateInput
  seniorityAllowancePct?: number | null
  heightCm?: number | null
  weightKg?: number | null
}

export interface StaffValidationContext {
  /** Today's calendar day (use todayInVietnam(new Date()) from ./dates). */
  today: Date
  /** Salary scale of the staff member's rank: coefficients[i] is the hệ số of step i + 1. */
  rankScale?: { code: string; coefficients: number[] } | null
}

type DateField =
  | 'birthDate'
  | 'nationalIdIssueDate'
  | 'recruitmentDate'
  | 'currentAgencyJoinDate'
  | 'partyJoinDate'
  | 'partyOfficialDate'
  | 'socioPoliticalOrgJoinDate'
  | 'militaryEnlistDate'
  | 'militaryDischargeDate'
  | 'positionAppointedDate'
  | 'rankAppointedDate'
  | 'salaryStepDate'

/** Field names as printed on the forms (vi) and their English translation. */
export const STAFF_FIELD_LABELS: Readonly<Record<keyof StaffInput, { vi: string; en: string }>> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  nationalId: { vi: 'Số CCCD', en: 'Citizen ID number' },
  nationalIdIssueDate: { vi: 'Ngày cấp CCCD', en: 'Citizen ID issue date' },
  legacyIdNumber: { vi: 'Số CMND cũ', en: 'Old ID card (CMND) number' },
  socialInsuranceNumber: { vi: 'Số sổ BHXH', en: 'Social insurance number' },
  taxCode: { vi: 'Mã số thuế', en: 'Tax code' },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  email: { vi: 'Email', en: 'Email' },
  recruitmentDate: { vi: 'Ngày tuyển dụng', en: 'Recruitment date' },
  currentAgencyJoinDate: { vi: 'Ngày vào cơ quan hiện đang công tác', en: 'Date of joining the current agency' },
  partyJoinDate: { vi: 'Ngày vào Đảng', en: 'Party admission date' },
  partyOfficialDate: { vi: 'Ngày chính thức vào Đảng', en: 'Official Party membership date' },
  socioPoliticalOrgJoinDate: {
    vi: 'Ngày tham gia tổ chức chính trị - xã hội',
    en: 'Date of joining the socio-political organisation',
  },
  militaryEnlistDate: { vi: 'Ngày nhập ngũ', en: 'Military enlistment date' },
  militaryDischargeDate: { vi: 'Ngày xuất ngũ', en: 'Military discharge date' },
  positionAppointedDate: { vi: 'Ngày bổ nhiệm chức vụ', en: 'Position appointment date' },
  rankAppointedDate: {
    vi: 'Ngày bổ nhiệm ngạch/chức danh nghề nghiệp',
    en: 'Civil service rank / professional title appointment date',
  },
  salaryStep: { vi: 'Bậc lương', en: 'Salary step' },
  salaryCoefficient: { vi: 'Hệ số lương', en: 'Salary coefficient' },
  salaryStepDate: { vi: 'Ngày hưởng bậc lương', en: 'Salary step effective date' },
  seniorityAllowancePct: { vi: 'Phụ cấp thâm niên vượt khung', en: 'Beyond-scale seniority allowance' },
  heightCm: { vi: 'Chiều cao', en: 'Height' },
  weightKg: { vi: 'Cân nặng', en: 'Weight' },
}

/**
 * Minimum age on a date, with the rule it comes from. Dates without an entry only need to be after birth.
 */
const MIN_AGE: Partial<Record<DateField, { years: number; vi: string; en: string }>> = {
  // Luật Cán bộ, công chức 2008 Điều 36.1.b and Luật Viên chức 2010 Điều 22.1.b: "đủ 18 tuổi trở lên".
  // UNCERTAIN: Luật Viên chức allows younger candidates in culture, arts and sports (with a guardian's
  // written consent); those records need a manual override.
  recruitmentDate: { years: 18, vi: 'người được tuyển dụng phải đủ 18 tuổi', en: 'recruits must be at least 18' },
  // Điều lệ Đảng Điều 1.2: người vào Đảng "từ mười tám tuổi trở lên".
  partyJoinDate: { years: 18, vi: 'người vào Đảng phải đủ 18 tuổi', en: 'Party members must be at least 18' },
  // Luật Nghĩa vụ quân sự 2015: voluntary service from 17 (call-up from 18).
  militaryEnlistDate: { years: 17, vi: 'người nhập ngũ phải đủ 17 tuổi', en: 'enlistment requires age 17 or over' },
}

// Luật Căn cước công dân 2014 Điều 19: cards only from age 14. Luật Căn cước 2023 (in force 01/07/2024)
// Điều 19 allows cards for under-14s on request, so the age check applies only to earlier issue dates.
const CCCD_MIN_AGE = 14
const CCCD_UNDER_14_ALLOWED_FROM = Date.UTC(2024, 6, 1)

// Plausibility window for a staff member's age today. 15 = general minimum working age (BLLĐ 2019); the
// upper bound only catches typos in the birth year.
const MIN_AGE_TODAY = 15
const MAX_AGE_TODAY = 100

const DATE_FIELDS: readonly DateField[] = [
  'birthDate',
  'nationalIdIssueDate',
  'recruitmentDate',
  'currentAgencyJoinDate',
  'partyJoinDate',
  'partyOfficialDate',
  'socioPoliticalOrgJoinDate',
  'militaryEnlistDate',
  'militaryDischargeDate',
  'positionAppointedDate',
  'rankAppointedDate',
  'salaryStepDate',
]

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

function label(field: keyof StaffInput): { vi: string; en: string } {
  return STAFF_FIELD_LABELS[field]
}

function issue(field: keyof StaffInput, vi: string, en: string): FieldIssue {
  const l = label(field)
  return { field, vi: `${l.vi} ${vi}`, en: `${l.en} ${en}` }
}

/** Vietnamese phone numbers; spaces, dots and dashes are ignored. */
/** Another record already carries this staff number (the database's unique index says so). */
export const DUPLICATE_STAFF_CODE: FieldIssue = {
  field: 'staffCode',
  vi: 'Số hiệu cán bộ đã tồn tại trong một hồ sơ khác.',
  en: 'This staff number already exists in another record.',
}

export function isValidVietnamesePhone(raw: string): boolean {
  const s = raw.replace(/[\s.-]/g, '')
  // Mobile: 10 digits with prefixes 03/05/07/08/09 since the 2018 conversion of 11-digit mobile numbers.
  // Landline: 11 digits with 02x area codes since the 2017 area-code conversion.
  return /^(?:0|\+84)[35789]\d{8}$/.test(s) || /^(?:0|\+84)2\d{9}$/.test(s)
}

/** A deliberately plain email check: local@domain.tld, no spaces, letters-only TLD of 2+ characters. */
export function isValidEmail(raw: string): boolean {
  const s = raw.trim()
  if (s.length > 254) return false
  return /^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/.test(s) && !s.includes('..')
}

/**
 * Validate a staff record. Returns every issue found ([] when valid); each issue names its field in
 * Vietnamese and English. Dates may be ISO strings, Date objects or null.
 */
export function validateStaff(input: StaffInput, ctx: StaffValidationContext): FieldIssue[] {
  const issues: FieldIssue[] = []
  const today = startOfUtcDay(ctx.today)

  // --- required identity fields (2C / HS02 items 1–3)
  if (isBlank(input.fullName)) issues.push(issue('fullName', 'là bắt buộc', 'is required'))
  else if (hasHiddenCharacters(input.fullName)) {
    issues.push(
      issue('fullName', 'chứa ký tự ẩn (đảo chiều hiển thị, khoảng trắng độ rộng 0 hoặc ký tự điều khiển); hãy gõ lại', 'contains hidden characters (direction overrides, zero-width spaces or control characters); type it again'),
    )
  }
  if (input.gender !== 'male' && input.gender !== 'female') {
    issues.push(
      isBlank(input.gender)
        ? issue('gender', 'là bắt buộc', 'is required')
        : issue('gender', 'phải là nam hoặc nữ', 'must be male or female'),
    )
  }
  if (isBlank(input.birthDate)) issues.push(issue('birthDate', 'là bắt buộc', 'is required'))

  // --- parse dates; an unparseable value is reported once and skipped by later rules
  const dates: Partial<Record<DateField, Date>> = {}
  for (const f of DATE_FIELDS) {
    const raw = input[f]
    if (isBlank(raw)) continue
    const d = toDate(raw)
    if (!d) {
      issues.push(issue(f, 'không hợp lệ', 'is not a valid date'))
      continue
    }
    dates[f] = startOfUtcDay(d)
    if (dates[f]! > today) issues.push(issue(f, 'không được sau ngày hôm nay', 'cannot be in the future'))
  }

  const birth = dates.birthDate
  if (birth && birth <= today) {
    const age = ageOn(birth, today).years
    if (age < MIN_AGE_TODAY || age > MAX_AGE_TODAY) {
      issues.push(
        issue(
          'birthDate',
          `không hợp lý: tuổi hiện nay phải từ ${MIN_AGE_TODAY} đến ${MAX_AGE_TODAY} (đang là ${age})`,
          `is implausible: the current age must be between ${MIN_AGE_TODAY} and ${MAX_AGE_TODAY} (it is ${age})`,
        ),
      )
    }
  }

  // --- dates against the birth date
  if (birth) {
    for (const f of DATE_FIELDS) {
      const d = dates[f]
      if (f === 'birthDate' || !d) continue
      if (d <= birth) {
        issues.push(issue(f, 'phải sau ngày sinh', 'must be after the date of birth'))
        continue
      }
      const age = ageOn(birth, d).years
      const min = MIN_AGE[f]
      if (min && age < min.years) {
        issues.push(
          issue(
            f,
            `không hợp lệ: ${min.vi} (khi đó mới ${age} tuổi)`,
            `is invalid: ${min.en} (the person was ${age})`,
          ),
        )
      }
      if (f === 'nationalIdIssueDate' && d.getTime() < CCCD_UNDER_14_ALLOWED_FROM && age < CCCD_MIN_AGE) {
        issues.push(
          issue(
            f,
            `không hợp lệ: trước 01/07/2024 thẻ CCCD chỉ cấp cho người đủ ${CCCD_MIN_AGE} tuổi (khi đó mới ${age} tuổi)`,
            `is invalid: before 01/07/2024 citizen ID cards were only issued from age ${CCCD_MIN_AGE} (the person was ${age})`,
          ),
        )
      }
    }
  }

  // --- order between related dates
  if (dates.partyJoinDate && dates.partyOfficialDate && dates.partyOfficialDate < dates.partyJoinDate) {
    // Điều lệ Đảng Điều 5: official membership follows the 12-month probation after admission.
    issues.push(
      issue(
        'partyOfficialDate',
        'không được trước ngày vào Đảng',
        'cannot be before the Party admission date',
      ),
    )
  }
  if (dates.militaryEnlistDate && dates.militaryDischargeDate && dates.militaryDischargeDate < dates.militaryEnlistDate) {
    issues.push(issue('militaryDischargeDate', 'không được trước ngày nhập ngũ', 'cannot be before the enlistment date'))
  }
  if (dates.recruitmentDate) {
    for (const f of ['positionAppointedDate', 'rankAppointedDate'] as const) {
      const d = dates[f]
      if (d && d < dates.recruitmentDate) {
        issues.push(issue(f, 'không được trước ngày tuyển dụng', 'cannot be before the recruitment date'))
      }
    }
  }

  // --- identifiers
  if (!isBlank(input.nationalId)) {
    issues.push(
      ...validateNationalId(input.nationalId!, {
        gender: input.gender === 'male' || input.gender === 'female' ? input.gender : null,
        birthDate: birth ?? null,
      }),
    )
  }
  if (!isBlank(input.legacyIdNumber) && !/^\d{9}$/.test(input.legacyIdNumber!.replace(/\s+/g, ''))) {
    issues.push(issue('legacyIdNumber', 'phải gồm đúng 9 chữ số', 'must have exactly 9 digits'))
  }
  if (!isBlank(input.socialInsuranceNumber) && !/^\d{10}$/.test(input.socialInsuranceNumber!.replace(/\s+/g, ''))) {
    issues.push(issue('socialInsuranceNumber', 'phải gồm đúng 10 chữ số', 'must have exactly 10 digits'))
  }
  if (!isBlank(input.taxCode)) {
    // 10 digits, 10 digits + "-" + 3 digits (dependent units), or 12 digits: since 01/07/2025 the personal
    // tax code is the số định danh cá nhân (Luật Quản lý thuế 2019 Điều 35; TT 86/2024/TT-BTC — verify clause).
    const t = input.taxCode!.replace(/\s+/g, '')
    if (!/^(?:\d{10}|\d{10}-\d{3}|\d{12})$/.test(t)) {
      issues.push(
        issue(
          'taxCode',
          'phải gồm 10 chữ số, 10 chữ số kèm "-" và 3 chữ số, hoặc 12 chữ số',
          'must be 10 digits, 10 digits + "-" + 3 digits, or 12 digits',
        ),
      )
    }
  }
  if (!isBlank(input.phone) && !isValidVietnamesePhone(input.phone!)) {
    issues.push(
      issue(
        'phone',
        'không hợp lệ (di động 10 số bắt đầu bằng 03, 05, 07, 08, 09 hoặc cố định 11 số bắt đầu bằng 02)',
        'is invalid (mobile: 10 digits starting 03, 05, 07, 08, 09; landline: 11 digits starting 02)',
      ),
    )
  }
  if (!isBlank(input.email) && !isValidEmail(input.email!)) {
    issues.push(issue('email', 'không đúng định dạng', 'is not a valid address'))
  }

  // --- salary (NĐ 204/2004/NĐ-CP scales)
  const scale = ctx.rankScale ?? null
  const step = input.salaryStep
  let stepOk = false
  if (step !== null && step !== undefined) {
    if (!Number.isInteger(step) || step < 1) {
      issues.push(issue('salaryStep', 'phải là số nguyên từ 1 trở lên', 'must be a whole number of at least 1'))
    } else if (scale && step > scale.coefficients.length) {
      issues.push(
        issue(
          'salaryStep',
          `vượt quá số bậc của ngạch ${scale.code} (tối đa ${scale.coefficients.length} bậc)`,
          `exceeds the number of steps of rank ${scale.code} (at most ${scale.coefficients.length})`,
        ),
      )
    } else {
      stepOk = true
    }
  }
  const coefficient = input.salaryCoefficient
  if (coefficient !== null && coefficient !== undefined) {
    if (!Number.isFinite(coefficient) || coefficient <= 0) {
      issues.push(issue('salaryCoefficient', 'phải là số dương', 'must be a positive number'))
    } else if (scale && stepOk) {
      const expected = scale.coefficients[step! - 1]!
      if (Math.round(coefficient * 100) !== Math.round(expected * 100)) {
        issues.push(
          issue(
            'salaryCoefficient',
            `không đúng với ngạch ${scale.code} bậc ${step}: phải là ${formatCoefficient(expected)}`,
            `does not match rank ${scale.code} step ${step}: expected ${formatCoefficient(expected)}`,
          ),
        )
      }
    }
  }

  const pct = input.seniorityAllowancePct
  if (pct !== null && pct !== undefined) {
    if (!Number.isFinite(pct) || pct < 0 || pct > 100) {
      issues.push(issue('seniorityAllowancePct', 'phải từ 0 đến 100 (%)', 'must be between 0 and 100 (%)'))
    } else if (pct > 0 && scale && stepOk && step! < scale.coefficients.length) {
      // NĐ 204/2004 + TT 04/2005: TNVK is only paid once the LAST step of the rank is reached.
      issues.push(
        issue(
          'seniorityAllowancePct',
          `chỉ được hưởng khi đã ở bậc cuối của ngạch ${scale.code} (bậc ${scale.coefficients.length})`,
          `only applies at the last step of rank ${scale.code} (step ${scale.coefficients.length})`,
        ),
      )
    }
  }

  // --- physical measurements (2C item 25 / HS02 health section): plausibility bounds for adults
  const height = input.heightCm
  if (height !== null && height !== undefined && !(Number.isFinite(height) && height >= 100 && height <= 250)) {
    issues.push(issue('heightCm', 'phải từ 100 đến 250 cm', 'must be between 100 and 250 cm'))
  }
  const weight = input.weightKg
  if (weight !== null && weight !== undefined && !(Number.isFinite(weight) && weight >= 30 && weight <= 250)) {
    issues.push(issue('weightKg', 'phải từ 30 đến 250 kg', 'must be between 30 and 250 kg'))
  }

  return issues
}

/** Throw a DomainError listing every issue when the record is invalid. */
export function assertValidStaff(input: StaffInput, ctx: StaffValidationContext): void {
  const issues = validateStaff(input, ctx)
  if (issues.length > 0) throw new DomainError(issues)
}
