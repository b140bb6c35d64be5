/**
 * Mẫu HS02-VC/BNV (TT 07/2019/TT-BNV): sơ yếu lý lịch viên chức — labels, order and tables as in
 * domain.md §3.2. Only the record's official values are printed.
 */
import type { TrainingRecord } from '../../payload-types'
import { BLANK, type Block, type FormDocument, type FormOptions, type PrintRecord, type TableColumn } from './model'
import { birthAndOriginItems, byDate, familyTables, formRows, militaryItem, otherNamesItem, partyItem, photoAndTitle, salaryStepItem, signatureLeft } from './shared'
import {
  GENDER, cell, cellDate, cellMonth, codeOf, coefficient, date, joined, nameOf, number, placeAndDate, rawName, rowsOf, text,
  unitName, upper,
} from './values'
import { formatMoney } from '../money'

export const FORM_HS02_TITLE = 'SƠ YẾU LÝ LỊCH VIÊN CHỨC'

const col = (header: string, width: number, align?: 'center'): TableColumn => ({ header, width, align })
const FROM = col('Từ tháng, năm', 11, 'center')
const TO = col('Đến tháng, năm', 11, 'center')

/** Training kinds (code list `training-kind`) of each HS02 sub-table 32.1–32.6. */
const TRAINING_TABLES: Array<{ number: string; title: string; kinds: string[]; columns: TableColumn[]; row: (t: TrainingRecord) => string[] }> = [
  {
    number: '32.1-',
    title: 'Chuyên môn (từ trung cấp trở lên cả trong nước và nước ngoài)',
    kinds: ['CHUYEN_MON'],
    columns: [FROM, TO, col('Tên cơ sở đào tạo', 24), col('Chuyên ngành đào tạo', 20), col('Hình thức đào tạo', 14, 'center'), col('Văn bằng, trình độ', 20)],
    row: (t) => [cellMonth(t.fromMonth), cellMonth(t.toMonth), cell(t.institution), cell(t.major), cell(rawName(t.mode)), cell(t.qualification)],
  },
  {
    number: '32.2-',
    title: 'Lý luận chính trị',
    kinds: ['LLCT'],
    columns: [FROM, TO, col('Tên cơ sở đào tạo', 34), col('Hình thức đào tạo', 18, 'center'), col('Văn bằng được cấp', 26)],
    row: (t) => [cellMonth(t.fromMonth), cellMonth(t.toMonth), cell(t.institution), cell(rawName(t.mode)), cell(t.qualification)],
  },
  ...(
    [
      ['32.3-', 'Bồi dưỡng quản lý nhà nước/ chức danh nghề nghiệp/ nghiệp vụ chuyên ngành', 'BD_QLNN'],
      ['32.4-', 'Bồi dưỡng kiến thức an ninh, quốc phòng', 'BD_ANQP'],
      ['32.5-', 'Tin học', 'TIN_HOC'],
    ] as const
  ).map(([number, title, kind]) => ({
    number,
    title,
    kinds: [kind],
    columns: [FROM, TO, col('Tên cơ sở đào tạo', 46), col('Chứng chỉ được cấp', 32)],
    row: (t: TrainingRecord) => [cellMonth(t.fromMonth), cellMonth(t.toMonth), cell(t.institution), cell(t.qualification)],
  })),
  {
    number: '32.6-',
    title: 'Ngoại ngữ/ tiếng dân tộc',
    kinds: ['NGOAI_NGU'],
    columns: [FROM, TO, col('Tên cơ sở đào tạo', 30), col('Tên ngoại ngữ/tiếng dân tộc', 18), col('Chứng chỉ được cấp', 20), col('Điểm số', 10, 'center')],
    row: (t) => [cellMonth(t.fromMonth), cellMonth(t.toMonth), cell(t.institution), cell(t.language), cell(t.qualification), cell(t.score)],
  },
]

const kindCode = (t: TrainingRecord): string => (t.kind && typeof t.kind === 'object' ? t.kind.code : '')

export function buildFormHS02(record: PrintRecord, options: FormOptions = {}): FormDocument {
  const r = record
  const { rank, training, work, salary, family } = formRows(r)
  const allowances = [...rowsOf(r, 'allowanceHistory')].sort(byDate((a) => a.fromMonth))
  const evaluations = rowsOf(r, 'evaluations')
  const awards = rowsOf(r, 'awards')
  const disciplines = [...rowsOf(r, 'disciplines')].sort(byDate((d) => d.fromDate))
  const e = r.economy ?? {}

  // 35.1 has one row per year: xếp loại chuyên môn and thi đua from evaluations, khen thưởng from awards.
  const years = [...new Set([...evaluations.map((x) => x.year), ...awards.map((x) => x.year)])].sort((a, b) => a - b)
  const yearRows = years.map((y) => {
    const ev = evaluations.find((x) => x.year === y)
    const aw = awards.filter((x) => x.year === y).map((x) => rawName(x.form)).filter(Boolean)
    return [String(y), cell(rawName(ev?.rating)), cell(ev?.emulationTitle), aw.join('; ')]
  })

  const blocks: Block[] = [
    {
      kind: 'heading',
      lines: [
        [
          { label: 'Cơ quan quản lý viên chức', value: text(options.managingAgency) },
          { label: 'Số hiệu viên chức', value: text(r.staffCode) },
        ],
        [{ label: 'Đơn vị sử dụng viên chức', value: unitName(r) }],
      ],
    },
    ...photoAndTitle(r, FORM_HS02_TITLE),
    {
      kind: 'item',
      fields: [
        { number: '1)', label: 'Họ và tên khai sinh (viết chữ in hoa)', value: upper(text(r.fullName)) },
        { label: 'Giới tính', value: text(GENDER[r.gender]) },
      ],
    },
    otherNamesItem(r),
    { kind: 'item', fields: [{ number: '3)', label: 'Sinh ngày', value: date(r.birthDate) }] },
    ...birthAndOriginItems(r),
    {
      kind: 'item',
      fields: [
        { number: '8)', label: 'Số CCCD', value: text(r.nationalId ?? r.legacyIdNumber) },
        { label: 'Ngày cấp', value: date(r.nationalIdIssueDate) },
        { label: 'SĐT liên hệ', value: text(r.phone) },
      ],
    },
    {
      kind: 'item',
      fields: [
        { number: '9)', label: 'Số BHXH', value: text(r.socialInsuranceNumber) },
        { label: 'Số thẻ BHYT', value: text(r.healthInsuranceNumber) },
      ],
    },
    { kind: 'item', fields: [{ number: '10)', label: 'Nơi ở hiện nay', value: text(r.currentAddress) }] },
    { kind: 'item', fields: [{ number: '11)', label: 'Thành phần gia đình xuất thân', value: text(r.familyBackground) }] },
    { kind: 'item', fields: [{ number: '12)', label: 'Nghề nghiệp trước khi được tuyển dụng', value: text(r.jobBeforeRecruitment) }] },
    {
      kind: 'item',
      fields: [
        { number: '13)', label: 'Ngày được tuyển dụng lần đầu', value: date(r.recruitmentDate) },
        { label: 'Cơ quan, tổ chức, đơn vị tuyển dụng', value: text(r.recruitingAgency) },
      ],
    },
    { kind: 'item', fields: [{ number: '14)', label: 'Ngày vào cơ quan hiện đang công tác', value: date(r.currentAgencyJoinDate) }] },
    partyItem(r, '15)'),
    {
      kind: 'item',
      fields: [
        {
          number: '16)',
          label: 'Ngày tham gia tổ chức chính trị-xã hội đầu tiên (ngày vào Đoàn TNCSHCM, Công đoàn, Hội)',
          value: joined([r.socioPoliticalOrgJoinDate ? date(r.socioPoliticalOrgJoinDate) : '', r.socioPoliticalOrgDetails]),
        },
      ],
    },
    militaryItem(r, '17)'),
    { kind: 'item', fields: [{ number: '18)', label: 'Đối tượng chính sách', value: text(r.policyGroup) }] },
    { kind: 'item', fields: [{ number: '19)', label: 'Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào)', value: text(r.generalEducation) }] },
    { kind: 'item', fields: [{ number: '20)', label: 'Trình độ chuyên môn cao nhất', value: joined([rawName(r.highestQualification), r.major]) }] },
    { kind: 'item', fields: [{ number: '21)', label: 'Học hàm', value: nameOf(r.academicTitle) }] },
    { kind: 'item', fields: [{ number: '22)', label: 'Danh hiệu nhà nước phong tặng', value: text(r.highestStateTitle) }] },
    {
      kind: 'item',
      fields: [
        { number: '23)', label: 'Chức vụ hiện tại', value: text(r.position) },
        { label: 'Ngày bổ nhiệm/ngày phê chuẩn', value: date(r.positionAppointedDate) },
        { label: 'Ngày bổ nhiệm lại/phê chuẩn nhiệm kỳ tiếp theo', value: date(r.positionReappointedDate) },
      ],
    },
    { kind: 'item', fields: [{ number: '24)', label: 'Được quy hoạch chức danh', value: text(r.plannedPositions) }] },
    { kind: 'item', fields: [{ number: '25)', label: 'Chức vụ kiêm nhiệm', value: text(r.concurrentPositions) }] },
    { kind: 'item', fields: [{ number: '26)', label: 'Chức vụ Đảng hiện tại', value: text(r.partyPosition) }] },
    { kind: 'item', fields: [{ number: '27)', label: 'Chức vụ Đảng kiêm nhiệm', value: text(r.partyConcurrentPosition) }] },
    { kind: 'item', fields: [{ number: '28)', label: 'Công việc chính được giao', value: text(r.mainDuties) }] },
    {
      kind: 'item',
      fields: [
        { number: '29)', label: 'Sở trường công tác', value: text(r.strengths) },
        { label: 'Công việc làm lâu nhất', value: text(r.longestJob) },
      ],
    },
    { kind: 'section', number: '30)', title: 'Tiền lương' },
    {
      kind: 'item',
      fields: [
        { number: '30.1)', label: 'Ngạch/chức danh nghề nghiệp', value: nameOf(rank) },
        { label: 'Mã số', value: codeOf(rank) },
        { label: 'Ngày bổ nhiệm ngạch/chức danh nghề nghiệp', value: date(r.rankAppointedDate) },
      ],
    },
    salaryStepItem(r),
    {
      kind: 'item',
      fields: [
        { label: 'Phần trăm hưởng', value: number(r.salaryPercentage), suffix: '%' },
        { label: 'Phụ cấp thâm niên vượt khung', value: number(r.seniorityAllowancePct), suffix: '%' },
        { label: 'Ngày hưởng PCTNVK', value: date(r.seniorityAllowanceDate) },
      ],
    },
    {
      kind: 'item',
      fields: [
        { number: '30.2)', label: 'Phụ cấp chức vụ', value: coefficient(r.positionAllowance) },
        { label: 'Phụ cấp kiêm nhiệm', value: coefficient(r.concurrentAllowance) },
        { label: 'Phụ cấp khác', value: text(r.otherAllowances) },
      ],
    },
    {
      kind: 'item',
      fields: [
        { number: '30.3)', label: 'Vị trí việc làm', value: text(r.jobPosition) },
        { label: 'Mã số', value: text(r.jobPositionCode) },
        { label: 'Lương theo mức tiền', value: r.jobPositionSalary == null ? BLANK : formatMoney(r.jobPositionSalary).replace(' đồng', ''), suffix: ' vnđ' },
      ],
    },
    {
      kind: 'item',
      fields: [
        { number: '31)', label: 'Tình trạng sức khoẻ', value: text(r.healthStatus) },
        { label: 'Chiều cao', value: number(r.heightCm), suffix: ' cm' },
        { label: 'Cân nặng', value: number(r.weightKg), suffix: ' kg' },
        { label: 'Nhóm máu', value: text(r.bloodType) },
      ],
    },

    { kind: 'section', number: '32)', title: 'QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG' },
    ...TRAINING_TABLES.flatMap((t): Block[] => [
      { kind: 'subheading', text: `${t.number} ${t.title}` },
      { kind: 'table', columns: t.columns, rows: training.filter((x) => t.kinds.includes(kindCode(x))).map(t.row) },
    ]),
    { kind: 'section', number: '33)', title: 'TÓM TẮT QUÁ TRÌNH CÔNG TÁC' },
    {
      kind: 'table',
      columns: [FROM, TO, col('Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)', 50), col('Chức danh/chức vụ', 28)],
      rows: work.map((w) => [cellMonth(w.fromMonth), cellMonth(w.toMonth), cell(w.organisation), cell(w.position)]),
    },
    { kind: 'section', number: '34)', title: 'ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN' },
    {
      kind: 'paragraph',
      label: '34.1- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu?), đã khai báo cho ai, những vấn đề gì?',
      value: text(r.arrestHistory),
    },
    { kind: 'paragraph', label: '34.2- Bản thân có làm việc cho chế độ cũ (từ, đến; chức danh, chức vụ, đơn vị, địa điểm đã làm việc):', value: text(r.oldRegimeWork) },
    {
      kind: 'paragraph',
      label: '34.3- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội … ở nước ngoài (từ, đến; tên tổ chức, địa chỉ trụ sở, công việc đã làm):',
      value: text(r.foreignOrgRelations),
    },
    { kind: 'section', number: '35)', title: 'KHEN THƯỞNG, KỶ LUẬT' },
    { kind: 'subheading', text: '35.1- Thành tích thi đua, khen thưởng' },
    {
      kind: 'table',
      columns: [col('Năm', 10, 'center'), col('Xếp loại chuyên môn', 24), col('Xếp loại thi đua', 26), col('Hình thức khen thưởng', 40)],
      rows: yearRows,
    },
    { kind: 'subheading', text: '35.2- Kỷ luật Đảng/hành chính' },
    {
      kind: 'table',
      columns: [col('Từ', 12, 'center'), col('Đến', 12, 'center'), col('Hình thức', 18), col('Hành vi vi phạm chính', 32), col('Cơ quan quyết định', 26)],
      rows: disciplines.map((d) => [cellDate(d.fromDate), cellDate(d.toDate), cell(rawName(d.form)), cell(d.violation), cell(d.decidedBy)]),
    },
    { kind: 'section', number: '36)', title: 'QUAN HỆ GIA ĐÌNH' },
    ...familyTables(family, {
      self: '36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột',
      spouse: '36.2- Cha, Mẹ, anh chị em ruột (bên vợ hoặc chồng)',
      details:
        'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội (trong, ngoài nước); làm việc cho chế độ cũ, tiền án, tiền sự (nếu có)',
    }),
    { kind: 'section', number: '37)', title: 'HOÀN CẢNH KINH TẾ GIA ĐÌNH' },
    { kind: 'subheading', text: '37.1- Quá trình lương của bản thân' },
    {
      kind: 'table',
      columns: [FROM, TO, col('Mã số', 16, 'center'), col('Bậc lương', 12, 'center'), col('Hệ số lương', 14, 'center'), col('Tiền lương theo vị trí việc làm', 36)],
      rows: salary.map((s) => [
        cellMonth(s.effectiveDate), cellMonth(s.endDate), cell(s.rankCode), s.step == null ? '' : String(s.step),
        s.coefficient == null ? '' : coefficient(s.coefficient), s.jobPositionSalary == null ? '' : formatMoney(s.jobPositionSalary),
      ]),
    },
    { kind: 'subheading', text: '37.2- Các loại phụ cấp khác' },
    {
      kind: 'table',
      columns: [FROM, TO, col('Loại phụ cấp', 22), col('Phần trăm hưởng', 12, 'center'), col('Hệ số', 10, 'center'), col('Hình thức hưởng', 16), col('Giá trị (đồng)', 18)],
      rows: allowances.map((a) => [
        cellMonth(a.fromMonth), cellMonth(a.toMonth), cell(a.kind), a.percentage == null ? '' : `${a.percentage}%`,
        a.coefficient == null ? '' : coefficient(a.coefficient), cell(a.mode), a.amount == null ? '' : formatMoney(a.amount).replace(' đồng', ''),
      ]),
    },
    { kind: 'subheading', text: '37.3- Nguồn thu nhập chính của gia đình hàng năm' },
    { kind: 'item', fields: [{ label: '- Tiền lương', value: text(e.incomeSalary) }] },
    { kind: 'item', fields: [{ label: '- Các nguồn khác', value: text(e.incomeOther) }] },
    { kind: 'item', fields: [{ label: '- Nhà ở: + Được cấp, được thuê (loại nhà, tổng diện tích sử dụng, giấy chứng nhận quyền sở hữu)', value: text(e.housingAllocated) }] },
    { kind: 'item', fields: [{ label: '+ Nhà tự mua, tự xây (loại nhà, tổng diện tích sử dụng, giấy chứng nhận quyền sở hữu)', value: text(e.housingOwned) }] },
    { kind: 'item', fields: [{ label: '- Đất ở: + Đất được cấp (m2, giấy chứng nhận quyền sử dụng)', value: text(e.landAllocated) }] },
    { kind: 'item', fields: [{ label: '+ Đất tự mua (m2, giấy chứng nhận quyền sử dụng)', value: text(e.landOwned) }] },
    { kind: 'item', fields: [{ label: '- Đất sản xuất kinh doanh', value: text(e.landBusiness) }] },
    { kind: 'section', number: '38)', title: 'NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG' },
    { kind: 'lines', text: cell(r.managementComment), count: 5 },
    {
      kind: 'signatures',
      left: signatureLeft(),
      right: { placeDate: placeAndDate(options), title: 'THỦ TRƯỞNG CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG VIÊN CHỨC', lines: ['(Ký tên, đóng dấu)'] },
    },
  ]
  return { form: 'hs02', title: `${FORM_HS02_TITLE} — ${text(r.fullName)}`, blocks }
}
