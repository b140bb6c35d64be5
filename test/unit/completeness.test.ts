import { completeness, isFilled, REQUIRED_HISTORIES, REQUIRED_ITEMS } from '../../src/domain/completeness'

const FULL: Record<string, unknown> = {
  fullName: 'Nguyễn Văn An',
  gender: 'male',
  birthDate: '1985-07-10T00:00:00.000Z',
  birthPlace: 'Xã Đông Anh, Hà Nội',
  hometown: 'Nam Định',
  ethnicity: 'Kinh',
  religion: 'Không',
  nationalId: '001085012345',
  nationalIdIssueDate: '2021-04-01',
  permanentAddress: 'Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội',
  currentAddress: 'Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội',
  phone: '0912345678',
  email: 'an.nv@moha.gov.vn',
  recruitmentDate: '2010-09-01',
  recruitingAgency: 'Bộ Nội vụ',
  rank: 12,
  salaryStep: 4,
  salaryCoefficient: 3.33,
  salaryStepDate: '2022-09-01',
  generalEducation: '12/12',
  highestQualification: 'Thạc sĩ',
  healthStatus: 'Tốt',
  socialInsuranceNumber: '0123456789',
  photo: { id: 7, url: '/media/a.jpg' },
}
const ALL_HISTORIES = { trainingRecords: 2, workHistory: 3, familyMembers: 5 }

test('the required lists have the expected size and labels', () => {
  expect(REQUIRED_ITEMS).toHaveLength(24)
  expect(REQUIRED_HISTORIES.map((h) => h.field)).toEqual(['trainingRecords', 'workHistory', 'familyMembers'])
  expect(REQUIRED_ITEMS.find((i) => i.field === 'rank')?.vi).toBe('Ngạch/chức danh nghề nghiệp')
  expect(REQUIRED_ITEMS.find((i) => i.field === 'photo')?.vi).toBe('Ảnh 4×6')
  expect(REQUIRED_HISTORIES[0]!.vi).toBe('Quá trình đào tạo, bồi dưỡng')
})

test('a full record is 100 % with nothing missing', () => {
  expect(completeness(FULL, ALL_HISTORIES)).toEqual({ percent: 100, missing: [] })
})

test('an empty record is 0 % and lists all 27 items in order', () => {
  const r = completeness({})
  expect(r.percent).toBe(0)
  expect(r.missing).toHaveLength(27)
  expect(r.missing[0]).toEqual({ field: 'fullName', vi: 'Họ và tên', en: 'Full name' })
  expect(r.missing.at(-1)).toEqual({ field: 'familyMembers', vi: 'Quan hệ gia đình', en: 'Family relations' })
})

test('percent is rounded down', () => {
  // 26 of 27 = 96.29… → 96
  const r = completeness({ ...FULL, email: '' }, ALL_HISTORIES)
  expect(r.percent).toBe(96)
  expect(r.missing).toEqual([{ field: 'email', vi: 'Email', en: 'Email' }])
  // 1 of 27 = 3.7 → 3
  expect(completeness({ fullName: 'A' }).percent).toBe(3)
})

test('blank strings, null, undefined and empty arrays are missing; 0 and false are filled', () => {
  const r = completeness(
    { ...FULL, fullName: '   ', hometown: null, religion: undefined, photo: [], salaryStep: 0 },
    ALL_HISTORIES,
  )
  expect(r.missing.map((m) => m.field)).toEqual(['fullName', 'hometown', 'religion', 'photo'])
  expect(r.percent).toBe(Math.floor((23 * 100) / 27))
  expect(isFilled(0)).toBe(true)
  expect(isFilled(false)).toBe(true)
  expect(isFilled(Number.NaN)).toBe(false)
  expect(isFilled('\t')).toBe(false)
})

test('histories: counts from the argument, else arrays on the record', () => {
  const r = completeness(FULL, { trainingRecords: 1, workHistory: 0 })
  expect(r.missing.map((m) => m.field)).toEqual(['workHistory', 'familyMembers'])
  expect(r.missing[0]!.vi).toBe('Quá trình công tác')
  const fromRecord = completeness({ ...FULL, trainingRecords: [{}], workHistory: [{}], familyMembers: [] })
  expect(fromRecord.missing.map((m) => m.field)).toEqual(['familyMembers'])
})
