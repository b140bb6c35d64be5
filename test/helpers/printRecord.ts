/**
 * A complete official record in the shape the print builders take (Staff at depth 1 + histories as
 * arrays), for unit tests and the pdf benchmark. `rows` sets how many rows each long history gets.
 */
import type { PrintRecord } from '../../src/domain/forms'
import type { Code } from '../../src/payload-types'

let nextId = 1000
const code = (list: Code['list'], c: string, name: string, rank?: number): Code => ({
  id: nextId++, list, code: c, name, rank: rank ?? null, updatedAt: '', createdAt: '',
})
const stamps = { updatedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' }

export function samplePrintRecord(rows = 3): PrintRecord {
  const kinds = {
    CHUYEN_MON: code('training-kind', 'CHUYEN_MON', 'Chuyên môn'),
    LLCT: code('training-kind', 'LLCT', 'Lý luận chính trị'),
    NGOAI_NGU: code('training-kind', 'NGOAI_NGU', 'Ngoại ngữ/tiếng dân tộc'),
  }
  const regular = code('training-mode', 'CHINH_QUY', 'Chính quy')
  const years = Array.from({ length: rows }, (_, i) => 2005 + i)
  return {
    id: 1,
    staffCode: 'BNV-000001',
    fullName: 'Nguyễn Thị Hường',
    otherNames: null,
    gender: 'female',
    birthDate: '1985-03-15T00:00:00.000Z',
    birthPlace: 'Xã Tịnh Khê, huyện Sơn Tịnh, tỉnh Quảng Ngãi (nay là xã Tịnh Khê, tỉnh Quảng Ngãi)',
    hometown: 'Phường Tân Lợi, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk',
    ethnicity: code('ethnicity', '01', 'Kinh'),
    religion: code('religion', '00', 'Không'),
    familyBackground: 'Công chức',
    nationalId: '051185000123',
    nationalIdIssueDate: '2021-04-10T00:00:00.000Z',
    socialInsuranceNumber: '0112345678',
    healthInsuranceNumber: 'GD4010112345678',
    permanentAddress: 'Số 8 Tôn Thất Thuyết, phường Cầu Giấy, Hà Nội',
    currentAddress: 'Số 8 Tôn Thất Thuyết, phường Cầu Giấy, Hà Nội',
    phone: '0912345678',
    email: 'huong.nt@example.vn',
    photo: null,
    employmentType: 'civil-servant',
    unit: { id: 7, code: 'VCCVC.P01', name: 'Phòng Công chức', type: 'division', ...stamps },
    jobBeforeRecruitment: 'Sinh viên',
    recruitmentDate: '2008-09-01T00:00:00.000Z',
    recruitingAgency: 'Bộ Nội vụ',
    currentAgencyJoinDate: '2012-01-01T00:00:00.000Z',
    position: 'Phó Trưởng phòng',
    positionAppointedDate: '2019-07-01T00:00:00.000Z',
    mainDuties: 'Theo dõi tuyển dụng, nâng ngạch công chức',
    strengths: 'Tổng hợp, xây dựng văn bản',
    rank: { id: 3, code: '01.003', name: 'Chuyên viên', kind: 'ngach', group: 'A1', coefficients: [2.34], ...stamps },
    salaryStep: 5,
    salaryCoefficient: 3.66,
    salaryStepDate: '2023-07-01T00:00:00.000Z',
    positionAllowance: 0.3,
    generalEducation: '12/12',
    highestQualification: code('qualification', 'THS', 'Thạc sĩ'),
    major: 'Quản lý công',
    politicalTheory: code('political-theory', 'TC', 'Trung cấp'),
    stateManagement: code('state-management', 'CV', 'Chuyên viên'),
    foreignLanguages: 'Tiếng Anh bậc 3 (B1)',
    itLevel: code('it-level', 'CB', 'Ứng dụng CNTT cơ bản'),
    partyJoinDate: '2010-05-19T00:00:00.000Z',
    partyOfficialDate: '2011-05-19T00:00:00.000Z',
    healthStatus: 'Tốt',
    heightCm: 158,
    weightKg: 52,
    bloodType: 'O',
    managementComment: null,
    trainingRecords: years.map((y, i) => ({
      id: 100 + i, staff: 1, kind: i % 3 === 0 ? kinds.CHUYEN_MON : i % 3 === 1 ? kinds.LLCT : kinds.NGOAI_NGU,
      fromMonth: `${y}-09-01T00:00:00.000Z`, toMonth: `${y + 1}-06-01T00:00:00.000Z`,
      institution: `Học viện Hành chính Quốc gia, khóa ${i + 1}`, major: 'Quản lý nhà nước', mode: regular,
      qualification: 'Chứng chỉ', language: i % 3 === 2 ? 'Tiếng Anh' : null, ...stamps,
    })),
    workHistory: years.map((y, i) => ({
      id: 200 + i, staff: 1, fromMonth: `${y}-01-01T00:00:00.000Z`, toMonth: `${y}-12-01T00:00:00.000Z`,
      position: 'Chuyên viên', organisation: 'Vụ Công chức – Viên chức, Bộ Nội vụ', ...stamps,
    })),
    salaryHistory: years.map((y, i) => ({
      id: 300 + i, staff: 1, effectiveDate: `${y}-07-01T00:00:00.000Z`, rankCode: '01.003', step: (i % 9) + 1,
      coefficient: 2.34 + 0.33 * (i % 9), ...stamps,
    })),
    allowanceHistory: [],
    awards: years.map((y, i) => ({
      id: 400 + i, staff: 1, year: y,
      form: i === 1 ? code('award-form', 'BK_BO', 'Bằng khen cấp Bộ', 3) : code('award-form', 'GIAY_KHEN', 'Giấy khen', 1), ...stamps,
    })),
    evaluations: [],
    disciplines: [],
    familyMembers: [
      { id: 500, staff: 1, side: 'self', relation: code('relation', 'CHA', 'Cha'), fullName: 'Nguyễn Văn Đức', birthYear: 1955, details: 'Quảng Ngãi; nghỉ hưu', ...stamps },
      { id: 501, staff: 1, side: 'self', relation: code('relation', 'ME', 'Mẹ'), fullName: 'Trần Thị Lựu', birthYear: 1958, details: 'Quảng Ngãi; nội trợ', ...stamps },
      { id: 502, staff: 1, side: 'spouse', relation: code('relation', 'CHA_VC', 'Cha vợ (chồng)'), fullName: 'Lê Văn Bảy', birthYear: 1950, details: 'Đắk Lắk; nông dân', ...stamps },
    ],
    ...stamps,
  } as PrintRecord
}
