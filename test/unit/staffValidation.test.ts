import { DomainError } from '../../src/domain/errors'
import {
  assertValidStaff,
  isValidEmail,
  isValidVietnamesePhone,
  validateStaff,
  type StaffInput,
} from '../../src/domain/staffValidation'

const today = new Date(Date.UTC(2025, 5, 15)) // 15/06/2025
// 01.003 Chuyên viên (A1), NĐ 204/2004 bảng 2
const chuyenVien = { code: '01.003', coefficients: [2.34, 2.67, 3.0, 3.33, 3.66, 3.99, 4.32, 4.65, 4.98] }

const VALID: StaffInput = {
  fullName: 'Nguyễn Thị Bình',
  gender: 'female',
  birthDate: '1985-07-10T00:00:00.000Z',
  nationalId: '001185012345',
  nationalIdIssueDate: '2021-04-01',
  legacyIdNumber: '012345678',
  socialInsuranceNumber: '0123456789',
  taxCode: '8012345678',
  phone: '0912 345 678',
  email: 'binh.nt@moha.gov.vn',
  recruitmentDate: '2008-09-01',
  currentAgencyJoinDate: '2015-03-01',
  partyJoinDate: '2010-05-19',
  partyOfficialDate: '2011-05-19',
  socioPoliticalOrgJoinDate: '2001-03-26',
  positionAppointedDate: '2018-01-01',
  rankAppointedDate: '2009-09-01',
  salaryStep: 2,
  salaryCoefficient: 2.67,
  salaryStepDate: '2023-09-01',
  seniorityAllowancePct: 0,
  heightCm: 158,
  weightKg: 50,
}

const fields = (input: StaffInput, ctx = { today, rankScale: chuyenVien }) =>
  validateStaff(input, ctx).map((i) => i.field)

test('a complete, consistent record has no issues', () => {
  expect(validateStaff(VALID, { today, rankScale: chuyenVien })).toEqual([])
  expect(validateStaff(VALID, { today })).toEqual([])
})

test('Date objects are accepted like ISO strings', () => {
  expect(validateStaff({ ...VALID, birthDate: new Date(Date.UTC(1985, 6, 10)) }, { today })).toEqual([])
})

describe('required fields', () => {
  test('fullName, gender, birthDate', () => {
    const issues = validateStaff({}, { today })
    expect(issues).toEqual([
      { field: 'fullName', vi: 'Họ và tên là bắt buộc', en: 'Full name is required' },
      { field: 'gender', vi: 'Giới tính là bắt buộc', en: 'Gender is required' },
      { field: 'birthDate', vi: 'Ngày sinh là bắt buộc', en: 'Date of birth is required' },
    ])
  })

  test('a blank name is missing', () => {
    expect(fields({ ...VALID, fullName: '   ' })).toEqual(['fullName'])
  })

  test('gender must be male or female', () => {
    const issues = validateStaff({ ...VALID, gender: 'x' as never, nationalId: null }, { today })
    expect(issues).toHaveLength(1)
    expect(issues[0]!.vi).toBe('Giới tính phải là nam hoặc nữ')
  })
})

describe('dates', () => {
  test('an unparseable date is reported once', () => {
    const issues = validateStaff({ ...VALID, recruitmentDate: '2008-02-30' }, { today })
    expect(issues).toEqual([
      { field: 'recruitmentDate', vi: 'Ngày tuyển dụng không hợp lệ', en: 'Recruitment date is not a valid date' },
    ])
  })

  test('no date in the future; today itself is fine', () => {
    expect(fields({ ...VALID, salaryStepDate: '2025-06-16' })).toEqual(['salaryStepDate'])
    expect(validateStaff({ ...VALID, salaryStepDate: '2025-06-15' }, { today })).toEqual([])
    // a time of day on "today" does not make today's date future
    expect(validateStaff({ ...VALID, salaryStepDate: '2025-06-15' }, { today: new Date('2025-06-15T09:00:00Z') })).toEqual(
      [],
    )
    const issue = validateStaff({ ...VALID, currentAgencyJoinDate: '2030-01-01' }, { today })[0]!
    expect(issue.vi).toBe('Ngày vào cơ quan hiện đang công tác không được sau ngày hôm nay')
  })

  test('age today must be 15–100', () => {
    // 14 years old → too young (also makes later dates invalid, so check only the birthDate issue)
    const young = validateStaff({ fullName: 'A', gender: 'male', birthDate: '2011-01-01' }, { today })
    expect(young.map((i) => i.field)).toEqual(['birthDate'])
    expect(young[0]!.vi).toContain('từ 15 đến 100')
    expect(validateStaff({ fullName: 'A', gender: 'male', birthDate: '2010-06-15' }, { today })).toEqual([])
    expect(validateStaff({ fullName: 'A', gender: 'male', birthDate: '1925-06-15' }, { today })).toEqual([])
    expect(fields({ fullName: 'A', gender: 'male', birthDate: '1924-06-14' })).toEqual(['birthDate'])
  })

  test('recruitment at 18 or older', () => {
    // born 10/07/1985: 18 on 10/07/2003
    expect(fields({ ...VALID, recruitmentDate: '2003-07-09', rankAppointedDate: null, positionAppointedDate: null })).toEqual([
      'recruitmentDate',
    ])
    const msg = validateStaff({ ...VALID, recruitmentDate: '2003-07-09' }, { today }).find(
      (i) => i.field === 'recruitmentDate',
    )!
    expect(msg.vi).toBe('Ngày tuyển dụng không hợp lệ: người được tuyển dụng phải đủ 18 tuổi (khi đó mới 17 tuổi)')
    expect(msg.en).toContain('at least 18')
    expect(validateStaff({ ...VALID, recruitmentDate: '2003-07-10' }, { today })).toEqual([])
  })

  test('dates must be after the birth date', () => {
    const issues = validateStaff({ ...VALID, socioPoliticalOrgJoinDate: '1985-07-10' }, { today })
    expect(issues).toEqual([
      {
        field: 'socioPoliticalOrgJoinDate',
        vi: 'Ngày tham gia tổ chức chính trị - xã hội phải sau ngày sinh',
        en: 'Date of joining the socio-political organisation must be after the date of birth',
      },
    ])
  })

  test('CCCD issue date: after birth; age 14 required only before 01/07/2024 (Luật Căn cước 2023)', () => {
    const child = { fullName: 'A', gender: 'male' as const, birthDate: '2010-01-01' }
    expect(fields({ ...child, nationalIdIssueDate: '2023-12-31' })).toEqual(['nationalIdIssueDate'])
    expect(validateStaff({ ...child, nationalIdIssueDate: '2024-07-01' }, { today })).toEqual([])
    expect(validateStaff({ ...child, nationalIdIssueDate: '2024-01-01' }, { today })).toEqual([])
    expect(fields({ ...child, nationalIdIssueDate: '2009-01-01' })).toEqual(['nationalIdIssueDate'])
  })

  test('party: admission at 18+, official not before admission', () => {
    expect(fields({ ...VALID, partyJoinDate: '2003-07-01' })).toEqual(['partyJoinDate'])
    expect(fields({ ...VALID, partyOfficialDate: '2010-05-18' })).toEqual(['partyOfficialDate'])
    expect(validateStaff({ ...VALID, partyOfficialDate: '2010-05-19' }, { today })).toEqual([])
    const issue = validateStaff({ ...VALID, partyOfficialDate: '2009-01-01' }, { today })[0]!
    expect(issue.vi).toBe('Ngày chính thức vào Đảng không được trước ngày vào Đảng')
  })

  test('military: enlist at 17+, discharge not before enlistment', () => {
    expect(validateStaff({ ...VALID, militaryEnlistDate: '2002-07-10', militaryDischargeDate: '2004-07-10' }, { today })).toEqual(
      [],
    )
    expect(fields({ ...VALID, militaryEnlistDate: '2002-07-09' })).toEqual(['militaryEnlistDate'])
    expect(fields({ ...VALID, militaryEnlistDate: '2004-01-01', militaryDischargeDate: '2003-12-31' })).toEqual([
      'militaryDischargeDate',
    ])
  })

  test('appointments not before recruitment', () => {
    expect(fields({ ...VALID, positionAppointedDate: '2008-08-31', rankAppointedDate: '2008-08-01' })).toEqual([
      'positionAppointedDate',
      'rankAppointedDate',
    ])
    expect(validateStaff({ ...VALID, rankAppointedDate: '2008-09-01' }, { today })).toEqual([])
    // unknown recruitment date → no ordering check
    expect(validateStaff({ ...VALID, recruitmentDate: null, rankAppointedDate: '2005-01-01' }, { today })).toEqual([])
  })
})

describe('identifiers and contacts', () => {
  test('CCCD is checked against gender and birth year', () => {
    const issues = validateStaff({ ...VALID, nationalId: '001085012345' }, { today })
    expect(issues).toHaveLength(1)
    expect(issues[0]!.field).toBe('nationalId')
    expect(issues[0]!.vi).toContain('giới tính')
    expect(fields({ ...VALID, nationalId: '00118501234' })).toEqual(['nationalId'])
  })

  test('legacy CMND: 9 digits', () => {
    expect(fields({ ...VALID, legacyIdNumber: '01234567' })).toEqual(['legacyIdNumber'])
    expect(fields({ ...VALID, legacyIdNumber: '001185012345' })).toEqual(['legacyIdNumber'])
    expect(validateStaff({ ...VALID, legacyIdNumber: '' }, { today })).toEqual([])
  })

  test('social insurance number: 10 digits', () => {
    expect(fields({ ...VALID, socialInsuranceNumber: '012345678' })).toEqual(['socialInsuranceNumber'])
    expect(fields({ ...VALID, socialInsuranceNumber: '01234567AB' })).toEqual(['socialInsuranceNumber'])
  })

  test.each([
    ['8012345678', true],
    ['0101234567-001', true],
    ['001185012345', true],
    ['801234567', false],
    ['0101234567-01', false],
    ['0101234567001', false],
    ['80123456789', false],
  ])('tax code %p valid=%p', (taxCode, ok) => {
    expect(fields({ ...VALID, taxCode })).toEqual(ok ? [] : ['taxCode'])
  })

  test.each([
    ['0912345678', true],
    ['+84912345678', true],
    ['091.234.5678', true],
    ['0912-345-678', true],
    ['0321 234 567', true],
    ['0587654321', true],
    ['0701234567', true],
    ['0812345678', true],
    ['024 3824 4567', true],
    ['+84 28 3822 1234', true],
    ['0123456789', false], // old 11-digit prefixes 01x were converted in 2018
    ['0612345678', false],
    ['091234567', false],
    ['09123456789', false],
    ['0243824456', false],
    ['84912345678', false],
    ['0912a45678', false],
  ])('phone %p valid=%p', (phone, ok) => {
    expect(isValidVietnamesePhone(phone)).toBe(ok)
    expect(fields({ ...VALID, phone })).toEqual(ok ? [] : ['phone'])
  })

  test.each([
    ['a@b.vn', true],
    ['nguyen.van.an+hr@moha.gov.vn', true],
    ['plainaddress', false],
    ['a@b', false],
    ['a b@c.vn', false],
    ['a@@c.vn', false],
    ['a..b@c.vn', false],
    ['a@-c.vn', false],
  ])('email %p valid=%p', (email, ok) => {
    expect(isValidEmail(email)).toBe(ok)
  })

  test('email issue message', () => {
    expect(validateStaff({ ...VALID, email: 'abc' }, { today })).toEqual([
      { field: 'email', vi: 'Email không đúng định dạng', en: 'Email is not a valid address' },
    ])
  })
})

describe('salary', () => {
  test('step must be an integer ≥ 1', () => {
    expect(fields({ ...VALID, salaryStep: 0, salaryCoefficient: null })).toEqual(['salaryStep'])
    expect(fields({ ...VALID, salaryStep: 1.5, salaryCoefficient: null })).toEqual(['salaryStep'])
  })

  test('step cannot exceed the rank scale', () => {
    const issues = validateStaff({ ...VALID, salaryStep: 10, salaryCoefficient: 5.31 }, { today, rankScale: chuyenVien })
    expect(issues).toHaveLength(1)
    expect(issues[0]!.field).toBe('salaryStep')
    expect(issues[0]!.vi).toBe('Bậc lương vượt quá số bậc của ngạch 01.003 (tối đa 9 bậc)')
  })

  test('coefficient must match the step, to 2 decimals; message uses a comma', () => {
    const issues = validateStaff({ ...VALID, salaryCoefficient: 2.34 }, { today, rankScale: chuyenVien })
    expect(issues).toEqual([
      {
        field: 'salaryCoefficient',
        vi: 'Hệ số lương không đúng với ngạch 01.003 bậc 2: phải là 2,67',
        en: 'Salary coefficient does not match rank 01.003 step 2: expected 2,67',
      },
    ])
    expect(validateStaff({ ...VALID, salaryCoefficient: 2.6700000001 }, { today, rankScale: chuyenVien })).toEqual([])
    expect(validateStaff({ ...VALID, salaryStep: 3, salaryCoefficient: 3 }, { today, rankScale: chuyenVien })).toEqual([])
  })

  test('without a scale only the value itself is checked', () => {
    expect(validateStaff({ ...VALID, salaryCoefficient: 9.99 }, { today })).toEqual([])
    expect(fields({ ...VALID, salaryCoefficient: -1 })).toEqual(['salaryCoefficient'])
  })

  test('TNVK: 0–100 and only at the last step', () => {
    expect(fields({ ...VALID, seniorityAllowancePct: 101 })).toEqual(['seniorityAllowancePct'])
    expect(fields({ ...VALID, seniorityAllowancePct: -1 })).toEqual(['seniorityAllowancePct'])
    const issues = validateStaff({ ...VALID, seniorityAllowancePct: 5 }, { today, rankScale: chuyenVien })
    expect(issues).toHaveLength(1)
    expect(issues[0]!.vi).toContain('bậc cuối')
    expect(
      validateStaff(
        { ...VALID, salaryStep: 9, salaryCoefficient: 4.98, seniorityAllowancePct: 7 },
        { today, rankScale: chuyenVien },
      ),
    ).toEqual([])
    // unknown scale → cannot tell the last step
    expect(validateStaff({ ...VALID, seniorityAllowancePct: 5 }, { today, rankScale: null })).toEqual([])
  })

})

describe('physical measurements', () => {
  test.each([
    ['heightCm', 99, false],
    ['heightCm', 100, true],
    ['heightCm', 250, true],
    ['heightCm', 251, false],
    ['weightKg', 29, false],
    ['weightKg', 30, true],
    ['weightKg', 250, true],
    ['weightKg', 250.5, false],
  ] as const)('%s = %p valid=%p', (field, value, ok) => {
    expect(fields({ ...VALID, [field]: value })).toEqual(ok ? [] : [field])
  })
})

describe('assertValidStaff', () => {
  test('passes silently for a valid record', () => {
    expect(() => assertValidStaff(VALID, { today })).not.toThrow()
  })

  test('throws a DomainError listing every issue', () => {
    let caught: unknown
    try {
      assertValidStaff({ ...VALID, fullName: '', email: 'x' }, { today })
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(DomainError)
    const err = caught as DomainError
    expect(err.issues.map((i) => i.field)).toEqual(['fullName', 'email'])
    expect(err.message).toBe('Họ và tên là bắt buộc; Email không đúng định dạng')
  })
})

describe('hidden characters in a person name (finding 10)', () => {
  test.each([
    ['right-to-left override', 'Nguyễn Văn \u202eA'],
    ['right-to-left isolate', 'Nguyễn \u2067Văn A'],
    ['zero-width space', 'Nguyễn\u200bVăn A'],
    ['zero-width joiner', 'Nguyễn Văn\u200d A'],
    ['byte order mark', '\ufeffNguyễn Văn A'],
    ['NUL', 'Nguyễn Văn\u0000 A'],
  ])('refuses a %s', (_what, fullName) => {
    const issues = validateStaff({ ...VALID, fullName }, { today })
    expect(issues).toEqual([expect.objectContaining({ field: 'fullName', vi: expect.stringContaining('chứa ký tự ẩn') })])
  })

  test('accepts Vietnamese names with every diacritic, decomposed or not', () => {
    for (const fullName of ['Nguyễn Thị Hường', 'Đặng Ngọc Ánh', 'Nguye\u0302\u0303n Văn Đức', 'H\'Hen Niê']) {
      expect(validateStaff({ ...VALID, fullName }, { today })).toEqual([])
    }
  })
})
