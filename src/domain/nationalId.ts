// CCCD / số định danh cá nhân checks (Thông tư 59/2021/TT-BCA; structure in domain.md §2.1):
//   digits 1–3  code of the province where the birth was registered (the 63 pre-2025 codes)
//   digit  4    gender and century of birth: 0/1 = male/female born 1900–1999, 2/3 = 2000–2099,
//               4/5 = 2100–2199 (even = male, odd = female)
//   digits 5–6  last two digits of the birth year
//   digits 7–12 random
// So a number can be cross-checked against the recorded giới tính and ngày sinh.

import { toDate, type DateInput } from './dates'
import type { FieldIssue } from './errors'
import { OLD_PROVINCE_CODES } from './reference/oldProvinceCodes'

const FIELD = 'nationalId'

const GENDER_VI = { male: 'nam', female: 'nữ' } as const
const GENDER_EN = { male: 'male', female: 'female' } as const

/** Remove all whitespace (people often type the number in groups: "001 085 012345"). */
export function normalizeNationalId(s: string): string {
  return s.replace(/\s+/g, '')
}

/** What digit 4 encodes, or null for digits 6–9 (births from 2200 on: impossible for a staff member). */
function decodeGenderCentury(digit: number): { gender: 'male' | 'female'; century: number } | null {
  if (digit > 5) return null
  return { gender: digit % 2 === 0 ? 'male' : 'female', century: 1900 + 100 * Math.floor(digit / 2) }
}

/**
 * Validate a CCCD number against its structure and, when known, the person's gender and birth year.
 * Whitespace is ignored (see normalizeNationalId); callers should store the normalised value.
 * Returns [] when valid.
 */
export function validateNationalId(
  id: string,
  person: { gender?: 'male' | 'female' | null; birthDate?: DateInput },
): FieldIssue[] {
  const value = normalizeNationalId(id ?? '')
  if (!/^\d{12}$/.test(value)) {
    return [
      {
        field: FIELD,
        vi: 'Số CCCD phải gồm đúng 12 chữ số',
        en: 'The citizen ID number must have exactly 12 digits',
      },
    ]
  }

  const issues: FieldIssue[] = []
  const province = value.slice(0, 3)
  if (!OLD_PROVINCE_CODES.has(province)) {
    issues.push({
      field: FIELD,
      vi: `Số CCCD có mã tỉnh nơi đăng ký khai sinh "${province}" không hợp lệ (3 chữ số đầu)`,
      en: `The citizen ID number has an invalid birth-registration province code "${province}" (first 3 digits)`,
    })
  }

  const digit4 = Number(value[3])
  const decoded = decodeGenderCentury(digit4)
  if (!decoded) {
    issues.push({
      field: FIELD,
      vi: `Số CCCD có chữ số thứ 4 (mã giới tính và thế kỷ sinh) "${digit4}" không hợp lệ`,
      en: `The citizen ID number has an invalid 4th digit (gender and century of birth) "${digit4}"`,
    })
    return issues
  }

  if (person.gender === 'male' || person.gender === 'female') {
    if (decoded.gender !== person.gender) {
      issues.push({
        field: FIELD,
        vi:
          `Số CCCD không khớp với giới tính: chữ số thứ 4 là "${digit4}" (${GENDER_VI[decoded.gender]}) ` +
          `nhưng hồ sơ ghi giới tính ${GENDER_VI[person.gender]}`,
        en:
          `The citizen ID number does not match the gender: the 4th digit "${digit4}" means ` +
          `${GENDER_EN[decoded.gender]} but the record says ${GENDER_EN[person.gender]}`,
      })
    }
  }

  const birth = toDate(person.birthDate)
  if (birth) {
    const recordedYear = birth.getUTCFullYear()
    const idYear = decoded.century + Number(value.slice(4, 6))
    if (idYear !== recordedYear) {
      issues.push({
        field: FIELD,
        vi:
          `Số CCCD không khớp với năm sinh: số CCCD ứng với năm sinh ${idYear} ` +
          `nhưng hồ sơ ghi năm sinh ${recordedYear}`,
        en:
          `The citizen ID number does not match the year of birth: the number encodes ${idYear} ` +
          `but the record says ${recordedYear}`,
      })
    }
  }
  return issues
}

/**
 * Another record already carries this CCCD (checked through its blind index; the database enforces it too). The
 * answer is the same on the form, the API and the import, names no other record and confirms nothing about it:
 * saying "exists in another record" told any unit HR officer whether a CCCD is held anywhere in the ministry. The
 * attempt is recorded and handed to ministry HR, who may see every record and settles the conflict.
 */
export const DUPLICATE_NATIONAL_ID: FieldIssue = {
  field: FIELD,
  vi: 'Không lưu được: số CCCD cần cán bộ tổ chức của Bộ xem xét; yêu cầu đã được chuyển.',
  en: 'Not saved: this citizen ID number needs review by ministry HR; the request has been passed on.',
}
