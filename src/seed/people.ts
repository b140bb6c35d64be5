/**
 * Deterministic, plausible personnel records for demos and benchmarks: every generated record passes
 * the domain validation (test/unit/seedPeople.test.ts checks it), with histories as the forms print them.
 */
import { retirementDate } from '../domain/retirement'
import { FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE } from './names'
import { Random } from './random'

export type Id = number

export interface SeedContext {
  /** Units staff can belong to (leaves and level-2 units). */
  unitIds: Id[]
  /** code id by `${list}:${code}` */
  codeId: (list: string, code: string) => Id | undefined
  /** codes of one list (for random picks), in list order */
  codes: (list: string) => Array<{ id: Id; code: string; name: string }>
  ranks: Array<{ id: Id; code: string; kind: 'ngach' | 'cdnn'; group: string; coefficients: number[] }>
  /** Reference day for ages and "not in the future". */
  today: Date
}

export interface GeneratedPerson {
  staff: Record<string, unknown>
  histories: Record<string, Array<Record<string, unknown>>>
}

const OLD_PROVINCES = ['001', '022', '026', '030', '031', '034', '036', '037', '038', '040', '042', '044', '046', '048', '051', '052', '056', '066', '075', '079', '092']
const PLACES = [
  'Phường Ba Đình, Thành phố Hà Nội',
  'Xã Quỳnh Phụ, Tỉnh Hưng Yên',
  'Phường Hạc Thành, Tỉnh Thanh Hóa',
  'Xã Nghĩa Hành, Tỉnh Quảng Ngãi',
  'Phường Buôn Ma Thuột, Tỉnh Đắk Lắk',
  'Xã Hải Hậu, Tỉnh Ninh Bình',
  'Phường Vinh Phú, Tỉnh Nghệ An',
  'Phường Hội An, Thành phố Đà Nẵng',
  'Xã Đức Thọ, Tỉnh Hà Tĩnh',
  'Phường Sài Gòn, Thành phố Hồ Chí Minh',
  'Xã Tiên Lãng, Thành phố Hải Phòng',
  'Phường Thủ Dầu Một, Thành phố Hồ Chí Minh',
]
const STREETS = ['Nguyễn Trãi', 'Lê Duẩn', 'Trần Hưng Đạo', 'Hoàng Quốc Việt', 'Phạm Văn Đồng', 'Láng Hạ', 'Kim Mã', 'Giải Phóng']
const UNIVERSITIES = [
  'Học viện Hành chính Quốc gia',
  'Trường Đại học Luật Hà Nội',
  'Trường Đại học Kinh tế Quốc dân',
  'Trường Đại học Khoa học Xã hội và Nhân văn',
  'Trường Đại học Bách khoa Hà Nội',
  'Học viện Tài chính',
  'Trường Đại học Lao động – Xã hội',
]
const MAJORS = ['Luật', 'Quản lý nhà nước', 'Kinh tế', 'Hành chính học', 'Công nghệ thông tin', 'Tài chính – Ngân hàng', 'Xã hội học', 'Quản trị nhân lực']
const POSITIONS = ['Vụ trưởng', 'Phó Vụ trưởng', 'Trưởng phòng', 'Phó Trưởng phòng']
const OCCUPATIONS = ['Sinh viên', 'Nhân viên văn phòng', 'Giáo viên', 'Kỹ sư', 'Chuyên viên hợp đồng', 'Bộ đội xuất ngũ']
const JOBS = ['Giáo viên', 'Nông dân', 'Kỹ sư', 'Bác sĩ', 'Cán bộ hưu trí', 'Kinh doanh', 'Công nhân', 'Học sinh', 'Sinh viên']

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString()
const addYears = (isoDate: string, years: number, rng: Random) => {
  const d = new Date(isoDate)
  return iso(d.getUTCFullYear() + years, rng.int(1, 12), rng.int(1, 28))
}
const before = (a: string, b: Date) => new Date(a).getTime() <= b.getTime()
/** The date, moved into [from, to] when it falls outside. */
const clampToRange = (isoDate: string, from: string, to: Date) =>
  new Date(Math.min(Math.max(new Date(isoDate).getTime(), new Date(from).getTime()), to.getTime())).toISOString()

export function personName(rng: Random, gender: 'male' | 'female'): string {
  const family = rng.weighted(FAMILY_NAMES)
  const middle = rng.pick(gender === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE)
  const given = rng.pick(gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE)
  return `${family} ${middle} ${given}`
}

/** A CCCD consistent with birth year and gender (Thông tư 59/2021/TT-BCA). */
function nationalId(rng: Random, index: number, gender: 'male' | 'female', birthYear: number): string {
  const century = birthYear >= 2000 ? 2 : 0
  const genderDigit = century + (gender === 'female' ? 1 : 0)
  const serial = String(index % 1_000_000).padStart(6, '0')
  return `${rng.pick(OLD_PROVINCES)}${genderDigit}${String(birthYear % 100).padStart(2, '0')}${serial}`
}

export function generatePerson(rng: Random, index: number, ctx: SeedContext, overrides: Partial<{ fullName: string; gender: 'male' | 'female'; unitId: Id }> = {}): GeneratedPerson {
  const gender = overrides.gender ?? (rng.chance(0.52) ? 'female' : 'male')
  const fullName = overrides.fullName ?? personName(rng, gender)
  const todayYear = ctx.today.getUTCFullYear()
  // Working age: not yet retired (men ≤ ~61, women ≤ ~57 today), at least 22.
  let birthYear = rng.int(todayYear - (gender === 'male' ? 60 : 56), todayYear - 23)
  let birthDate = iso(birthYear, rng.int(1, 12), rng.int(1, 28))
  if (retirementDate(birthDate, gender) < ctx.today) {
    birthYear += 2
    birthDate = iso(birthYear, rng.int(1, 12), rng.int(1, 28))
  }
  const employmentType = rng.weighted([
    ['civil-servant', 70],
    ['public-employee', 22],
    ['contract', 6],
    ['cadre', 2],
  ] as const)
  const recruitAge = rng.int(22, 30)
  const recruitmentDate = iso(Math.min(birthYear + recruitAge, todayYear - 1), rng.int(1, 12), rng.int(1, 28))
  const rankPool = ctx.ranks.filter((r) => (employmentType === 'public-employee' ? r.kind === 'cdnn' : r.kind === 'ngach'))
  const rank = rng.weighted(rankPool.map((r) => [r, r.group === 'A1' ? 10 : r.group === 'A2.1' ? 4 : r.group.startsWith('A3') ? 1 : 2] as const))
  const yearsServed = Math.max(0, Math.floor((ctx.today.getTime() - new Date(recruitmentDate).getTime()) / 3.15576e10))
  const holding = rank.group.startsWith('A') ? 3 : 2
  const step = Math.min(rank.coefficients.length, 1 + Math.floor(yearsServed / holding))
  const stepYear = Math.min(todayYear - rng.int(0, holding - 1), new Date(recruitmentDate).getUTCFullYear() + (step - 1) * holding)
  const salaryStepDate = clampToRange(iso(Math.max(stepYear, new Date(recruitmentDate).getUTCFullYear()), rng.int(1, 12), 1), recruitmentDate, ctx.today)
  const atLastStep = step === rank.coefficients.length
  const party = rng.chance(0.55) && birthYear + 20 < todayYear
  const partyJoinDate = party ? iso(Math.min(birthYear + rng.int(20, 32), todayYear - 1), rng.int(1, 12), rng.int(1, 28)) : null
  const partyOfficialDate = partyJoinDate ? addYears(partyJoinDate, 1, rng) : null
  const military = gender === 'male' && rng.chance(0.06)
  const enlist = military ? iso(birthYear + 18, rng.int(1, 12), rng.int(1, 28)) : null
  const position = rng.chance(0.18) ? rng.pick(POSITIONS) : null
  const qualificationCode = rng.weighted([['DH', 55], ['THS', 35], ['TS', 8], ['CD', 2]] as const)
  const qualification = ctx.codes('qualification').find((c) => c.code === qualificationCode) ?? rng.pick(ctx.codes('qualification'))
  const ethnicity = rng.chance(0.9) ? ctx.codes('ethnicity')[0]! : rng.pick(ctx.codes('ethnicity'))
  const religion = rng.chance(0.85) ? ctx.codes('religion').find((c) => c.code === '00') ?? ctx.codes('religion')[0]! : rng.pick(ctx.codes('religion'))
  const place = rng.pick(PLACES)
  const idIssueDate = iso(Math.max(birthYear + 14, 2021), rng.int(1, 12), rng.int(1, 28))
  const maybe = <T>(p: number, v: T): T | null => (rng.chance(p) ? v : null)

  const staff: Record<string, unknown> = {
    staffCode: `BNV-${String(index).padStart(6, '0')}`,
    nationalPersonalCode: `DD${String(index).padStart(10, '0')}`,
    fullName,
    otherNames: maybe(0.05, fullName.split(' ').slice(-1)[0]),
    gender,
    birthDate,
    nationality: 'Việt Nam',
    birthPlace: place,
    hometown: rng.chance(0.7) ? place : rng.pick(PLACES),
    ethnicity: ethnicity.id,
    religion: religion.id,
    familyBackground: rng.pick(['Công chức', 'Nông dân', 'Công nhân', 'Bộ đội', 'Trí thức']),
    nationalId: nationalId(rng, index, gender, birthYear),
    nationalIdIssueDate: before(idIssueDate, ctx.today) ? idIssueDate : iso(2021, 6, 1),
    nationalIdIssuePlace: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
    socialInsuranceNumber: String(100_000_0000 + index).slice(-10).padStart(10, '0'),
    taxCode: String(8_000_000_000 + index),
    permanentAddress: `Số ${rng.int(1, 200)} ${rng.pick(STREETS)}, ${rng.pick(PLACES)}`,
    currentAddress: `Số ${rng.int(1, 200)} ${rng.pick(STREETS)}, Phường Ba Đình, Thành phố Hà Nội`,
    phone: `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    email: `canbo${index}@hoso.local`,
    employmentType,
    unit: overrides.unitId ?? rng.pick(ctx.unitIds),
    jobBeforeRecruitment: rng.pick(OCCUPATIONS),
    recruitmentDate,
    recruitingAgency: 'Bộ Nội vụ',
    currentAgencyJoinDate: recruitmentDate,
    position,
    positionAppointedDate: position ? clampToRange(iso(new Date(recruitmentDate).getUTCFullYear() + 5, 7, 1), recruitmentDate, ctx.today) : null,
    mainDuties: rng.pick(['Tham mưu xây dựng văn bản quy phạm pháp luật', 'Thẩm định hồ sơ', 'Tổng hợp, báo cáo', 'Quản lý cơ sở dữ liệu', 'Thanh tra, kiểm tra']),
    strengths: rng.pick(['Tổng hợp, phân tích', 'Soạn thảo văn bản', 'Công nghệ thông tin', 'Đối ngoại']),
    jobPosition: rank.kind === 'ngach' ? `${rank.code === '01.003' ? 'Chuyên viên' : 'Chuyên viên chính'} về ${rng.pick(MAJORS).toLowerCase()}` : 'Viên chức chuyên môn',
    rank: rank.id,
    rankAppointedDate: recruitmentDate,
    salaryStep: step,
    salaryCoefficient: rank.coefficients[step - 1],
    salaryStepDate,
    salaryPercentage: 100,
    seniorityAllowancePct: atLastStep && yearsServed > 30 ? 5 : null,
    positionAllowance: position ? (position.startsWith('Vụ trưởng') ? 0.9 : position.startsWith('Phó Vụ') ? 0.7 : position.startsWith('Trưởng') ? 0.6 : 0.4) : null,
    generalEducation: '12/12',
    highestQualification: qualification.id,
    major: rng.pick(MAJORS),
    academicDegree: qualificationCode === 'TS' ? ctx.codeId('academic-degree', 'TS') ?? null : qualificationCode === 'THS' ? ctx.codeId('academic-degree', 'THS') ?? null : null,
    politicalTheory: rng.chance(0.6) ? rng.pick(ctx.codes('political-theory')).id : null,
    stateManagement: rng.chance(0.7) ? rng.pick(ctx.codes('state-management')).id : null,
    foreignLanguages: rng.pick(['Tiếng Anh bậc 3 (B1)', 'Tiếng Anh bậc 4 (B2)', 'Tiếng Pháp bậc 3 (B1)', 'Tiếng Anh trình độ C']),
    itLevel: ctx.codes('it-level')[0]?.id ?? null,
    partyJoinDate,
    partyOfficialDate: partyOfficialDate && before(partyOfficialDate, ctx.today) ? partyOfficialDate : null,
    socioPoliticalOrgJoinDate: iso(birthYear + 16, 3, 26),
    socioPoliticalOrgDetails: 'Đoàn TNCS Hồ Chí Minh, đoàn viên',
    militaryEnlistDate: enlist,
    militaryDischargeDate: enlist ? addYears(enlist, 2, rng) : null,
    militaryRank: military ? 'Thượng sĩ' : null,
    healthStatus: 'Tốt',
    heightCm: gender === 'male' ? rng.int(158, 180) : rng.int(148, 168),
    weightKg: gender === 'male' ? rng.int(52, 80) : rng.int(42, 65),
    bloodType: rng.pick(['A', 'B', 'AB', 'O']),
    policyFamily: maybe(0.03, 'Con liệt sĩ'),
    arrestHistory: 'Không',
    oldRegimeWork: 'Không',
    foreignOrgRelations: 'Không',
    relativesAbroad: maybe(0.05, 'Em ruột làm việc tại Nhật Bản'),
    economy_incomeSalary: `${(rank.coefficients[step - 1]! * 2_340_000 * 12).toLocaleString('vi-VN')} đồng`,
    managementComment: null,
    lastConfirmedAt: null,
  }

  const histories: GeneratedPerson['histories'] = {}
  const recruitYear = new Date(recruitmentDate).getUTCFullYear()
  const trainingKinds = ctx.codes('training-kind')
  const modes = ctx.codes('training-mode')
  histories['training-records'] = [
    {
      kind: trainingKinds[0]?.id,
      fromMonth: iso(birthYear + 18, 9, 1),
      toMonth: iso(birthYear + 22, 6, 1),
      institution: rng.pick(UNIVERSITIES),
      major: staff.major,
      mode: modes[0]?.id,
      qualification: 'Cử nhân',
    },
    {
      kind: trainingKinds[2]?.id ?? trainingKinds[0]?.id,
      fromMonth: iso(Math.min(recruitYear + 3, todayYear - 1), 3, 1),
      toMonth: iso(Math.min(recruitYear + 3, todayYear - 1), 6, 1),
      institution: 'Học viện Hành chính Quốc gia',
      major: 'Bồi dưỡng ngạch chuyên viên',
      mode: modes.find((m) => /bồi dưỡng/i.test(m.name))?.id ?? modes[0]?.id,
      qualification: 'Chứng chỉ',
    },
  ]
  const work: Array<Record<string, unknown>> = []
  let from = new Date(recruitmentDate).getUTCFullYear()
  for (let k = 0; k < 3 && from < todayYear; k++) {
    const to = k === 2 ? null : Math.min(todayYear, from + rng.int(3, 8))
    work.push({
      fromMonth: iso(from, rng.int(1, 12), 1),
      toMonth: to ? iso(to, rng.int(1, 12), 1) : null,
      position: k === 2 && position ? position : 'Chuyên viên',
      organisation: rng.pick(['Vụ Tổ chức cán bộ, Bộ Nội vụ', 'Vụ Công chức – Viên chức, Bộ Nội vụ', 'Văn phòng Bộ Nội vụ', 'Sở Nội vụ tỉnh Thanh Hóa']),
    })
    if (!to) break
    from = to
  }
  histories['work-history'] = work
  const salary: Array<Record<string, unknown>> = []
  for (let s = Math.max(1, step - 2); s <= step; s++) {
    const y = Math.max(recruitYear, stepYear - (step - s) * holding)
    salary.push({ effectiveDate: iso(y, s === step ? new Date(salaryStepDate).getUTCMonth() + 1 : 7, 1), rankCode: rank.code, step: s, coefficient: rank.coefficients[s - 1], percentage: 100 })
  }
  histories['salary-history'] = salary
  const ratings = ctx.codes('evaluation-rating')
  histories['evaluations'] = [todayYear - 2, todayYear - 1].map((year) => ({
    year,
    rating: rng.weighted(ratings.map((r, i) => [r.id, [20, 60, 18, 2][i] ?? 1] as const)),
  }))
  histories['awards'] = rng.chance(0.4)
    ? [{ year: todayYear - rng.int(1, 5), form: rng.pick(ctx.codes('award-form').slice(-4)).id, content: 'Đã có thành tích xuất sắc trong công tác' }]
    : []
  histories['disciplines'] = rng.chance(0.02)
    ? [{ fromDate: iso(todayYear - 2, 5, 10), toDate: iso(todayYear - 1, 5, 10), form: ctx.codes('discipline-form')[0]?.id, sphere: 'administrative', violation: 'Vi phạm quy chế làm việc', decidedBy: 'Bộ Nội vụ' }]
    : []
  const rel = (code: string) => ctx.codeId('relation', code)
  const family: Array<Record<string, unknown>> = [
    { side: 'self', relation: rel('CHA_DE'), fullName: `${fullName.split(' ')[0]} Văn ${rng.pick(GIVEN_MALE)}`, birthYear: birthYear - rng.int(24, 32), details: `${rng.pick(JOBS)}; ${rng.pick(PLACES)}`, sortOrder: 1 },
    { side: 'self', relation: rel('ME_DE'), fullName: personName(rng, 'female'), birthYear: birthYear - rng.int(22, 30), details: `${rng.pick(JOBS)}; ${rng.pick(PLACES)}`, sortOrder: 2 },
  ]
  if (rng.chance(0.8)) {
    const spouseGender = gender === 'male' ? 'female' : 'male'
    family.push({ side: 'self', relation: rel(gender === 'male' ? 'VO' : 'CHONG'), fullName: personName(rng, spouseGender), birthYear: birthYear + rng.int(-3, 3), details: `${rng.pick(JOBS)}; Hà Nội`, sortOrder: 3 })
    family.push({ side: 'self', relation: rel('CON'), fullName: `${fullName.split(' ')[0]} ${rng.pick([...MIDDLE_MALE, ...MIDDLE_FEMALE])} ${rng.pick([...GIVEN_MALE, ...GIVEN_FEMALE])}`, birthYear: Math.min(todayYear - 1, birthYear + rng.int(25, 33)), details: 'Học sinh', sortOrder: 4 })
    family.push({ side: 'spouse', relation: rel(gender === 'male' ? 'CHA_VO' : 'CHA_CHONG'), fullName: personName(rng, 'male'), birthYear: birthYear - rng.int(24, 32), details: `${rng.pick(JOBS)}; ${rng.pick(PLACES)}`, sortOrder: 5 })
    family.push({ side: 'spouse', relation: rel(gender === 'male' ? 'ME_VO' : 'ME_CHONG'), fullName: personName(rng, 'female'), birthYear: birthYear - rng.int(22, 30), details: `${rng.pick(JOBS)}; ${rng.pick(PLACES)}`, sortOrder: 6 })
  }
  histories['family-members'] = family.filter((f) => f.relation != null)
  return { staff, histories }
}
