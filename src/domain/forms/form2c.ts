/**
 * Mẫu 2C-BNV/2008 (QĐ 02/2008/QĐ-BNV): sơ yếu lý lịch cán bộ, công chức — labels, order and hints as in
 * domain.md §3.1. Only the record's official values are printed.
 */
import { BLANK, type Block, type FormDocument, type FormOptions, type PrintRecord } from './model'
import { birthAndOriginItems, familyTables, formRows, militaryItem, otherNamesItem, partyItem, photoAndTitle, salaryStepItem, signatureLeft } from './shared'
import {
  GENDER, cell, codeOf, coefficient, date, highest, joined, month, nameOf, number, period, placeAndDate, rawName,
  rowsOf, text, unitName, upper, yearOf,
} from './values'

export const FORM_2C_TITLE = 'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC'

export function buildForm2C(record: PrintRecord, options: FormOptions = {}): FormDocument {
  const r = record
  const { rank, training, work, salary, family } = formRows(r)

  const blocks: Block[] = [
    {
      kind: 'heading',
      formCode: 'Mẫu 2C-BNV/2008',
      lines: [
        [
          { label: 'Cơ quan, đơn vị có thẩm quyền quản lý CBCC', value: text(options.managingAgency) },
          { label: 'Số hiệu cán bộ, công chức', value: text(r.staffCode) },
        ],
        [{ label: 'Cơ quan, đơn vị sử dụng CBCC', value: unitName(r) }],
      ],
    },
    ...photoAndTitle(r, FORM_2C_TITLE),
    { kind: 'item', fields: [{ number: '1)', label: 'Họ và tên khai sinh (viết chữ in hoa)', value: upper(text(r.fullName)) }] },
    otherNamesItem(r),
    {
      kind: 'item',
      fields: [
        { number: '3)', label: 'Sinh ngày', value: date(r.birthDate) },
        { label: 'Giới tính (nam, nữ)', value: text(GENDER[r.gender]) },
      ],
    },
    ...birthAndOriginItems(r),
    {
      kind: 'item',
      fields: [{ number: '8)', label: 'Nơi đăng ký hộ khẩu thường trú', value: text(r.permanentAddress) }],
      hint: '(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)',
    },
    {
      kind: 'item',
      fields: [{ number: '9)', label: 'Nơi ở hiện nay', value: text(r.currentAddress) }],
      hint: '(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)',
    },
    { kind: 'item', fields: [{ number: '10)', label: 'Nghề nghiệp khi được tuyển dụng', value: text(r.jobBeforeRecruitment) }] },
    {
      kind: 'item',
      fields: [
        { number: '11)', label: 'Ngày tuyển dụng', value: date(r.recruitmentDate) },
        { label: 'Cơ quan tuyển dụng', value: text(r.recruitingAgency) },
      ],
    },
    {
      kind: 'item',
      fields: [{ number: '12)', label: 'Chức vụ (chức danh) hiện tại', value: joined([r.position, r.concurrentPositions && `kiêm ${r.concurrentPositions}`, r.partyPosition], '; ') }],
      hint: '(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)',
    },
    { kind: 'item', fields: [{ number: '13)', label: 'Công việc chính được giao', value: text(r.mainDuties) }] },
    {
      kind: 'item',
      fields: [
        { number: '14)', label: 'Ngạch công chức (viên chức)', value: nameOf(rank) },
        { label: 'Mã ngạch', value: codeOf(rank) },
      ],
    },
    salaryStepItem(r),
    {
      kind: 'item',
      fields: [
        { label: 'Phụ cấp chức vụ', value: coefficient(r.positionAllowance) },
        { label: 'Phụ cấp khác', value: text(r.otherAllowances) },
      ],
    },
    { kind: 'item', fields: [{ number: '15.1-', label: 'Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào)', value: text(r.generalEducation) }] },
    {
      kind: 'item',
      fields: [{ number: '15.2-', label: 'Trình độ chuyên môn cao nhất', value: joined([rawName(r.highestQualification), r.major]) }],
      hint: '(TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp, chuyên ngành)',
    },
    {
      kind: 'item',
      fields: [
        { number: '15.3-', label: 'Lý luận chính trị', value: nameOf(r.politicalTheory) },
        { number: '15.4-', label: 'Quản lý nhà nước', value: nameOf(r.stateManagement) },
      ],
      hint: '(Cao cấp, trung cấp, sơ cấp và tương đương) / (chuyên viên cao cấp, chuyên viên chính, chuyên viên, cán sự, …)',
    },
    {
      kind: 'item',
      fields: [
        { number: '15.5-', label: 'Ngoại ngữ', value: text(r.foreignLanguages) },
        { number: '15.6-', label: 'Tin học', value: nameOf(r.itLevel) },
      ],
      hint: '(Tên ngoại ngữ + Trình độ A, B, C, D…) / (Trình độ A, B, C, …)',
    },
    partyItem(r, '16)'),
    {
      kind: 'item',
      fields: [{ number: '17)', label: 'Ngày tham gia tổ chức chính trị - xã hội', value: joined([r.socioPoliticalOrgJoinDate ? date(r.socioPoliticalOrgJoinDate) : '', r.socioPoliticalOrgDetails]) }],
      hint: '(Ngày tham gia tổ chức: Đoàn, Hội, … và làm việc gì trong tổ chức đó)',
    },
    militaryItem(r, '18)'),
    {
      kind: 'item',
      fields: [{ number: '19)', label: 'Danh hiệu được phong tặng cao nhất', value: text(r.highestStateTitle) }],
      hint: '(Anh hùng lao động, anh hùng lực lượng vũ trang; nhà giáo, thầy thuốc, nghệ sĩ nhân dân và ưu tú, …)',
    },
    { kind: 'item', fields: [{ number: '20)', label: 'Sở trường công tác', value: text(r.strengths) }] },
    {
      kind: 'item',
      fields: [
        { number: '21)', label: 'Khen thưởng', value: highest(rowsOf(r, 'awards'), (a) => a.form, (a) => a.year) },
        { number: '22)', label: 'Kỷ luật', value: highest(rowsOf(r, 'disciplines'), (d) => d.form, (d) => yearOf(d.fromDate)) },
      ],
      hint: '(Hình thức cao nhất, năm nào) / (Về đảng, chính quyền, đoàn thể hình thức cao nhất, năm nào)',
    },
    {
      kind: 'item',
      fields: [
        { number: '23)', label: 'Tình trạng sức khỏe', value: text(r.healthStatus) },
        { label: 'Chiều cao', value: r.heightCm == null ? BLANK : `${r.heightCm} cm` },
        { label: 'Cân nặng', value: number(r.weightKg), suffix: ' (kg)' },
        { label: 'Nhóm máu', value: text(r.bloodType) },
      ],
    },
    {
      kind: 'item',
      fields: [
        { number: '24)', label: 'Là thương binh hạng', value: text(r.warInvalidGrade) },
        { label: 'Là con gia đình chính sách', value: text(r.policyFamily) },
      ],
      hint: '(Con thương binh, con liệt sĩ, người nhiễm chất độc da cam Dioxin)',
    },
    {
      kind: 'item',
      // The label stays the form's; a CCCD number is printed (domain.md §3.1).
      fields: [
        { number: '25)', label: 'Số chứng minh nhân dân', value: text(r.nationalId ?? r.legacyIdNumber) },
        { label: 'Ngày cấp', value: date(r.nationalIdIssueDate) },
      ],
    },
    { kind: 'item', fields: [{ number: '26)', label: 'Số sổ BHXH', value: text(r.socialInsuranceNumber) }] },

    { kind: 'section', number: '27)', title: 'ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC' },
    {
      kind: 'table',
      columns: [
        { header: 'Tên trường', width: 24 },
        { header: 'Chuyên ngành đào tạo, bồi dưỡng', width: 24 },
        { header: 'Từ tháng, năm - đến tháng, năm', width: 18, align: 'center' },
        { header: 'Hình thức đào tạo', width: 14, align: 'center' },
        { header: 'Văn bằng, chứng chỉ, trình độ gì', width: 20 },
      ],
      rows: training.map((t) => [cell(t.institution), cell(t.major || t.language || rawName(t.kind)), period(t.fromMonth, t.toMonth), cell(rawName(t.mode)), cell(t.qualification)]),
      note: 'Ghi chú: Hình thức đào tạo: Chính quy, tại chức, chuyên tu, bồi dưỡng …/ Văn bằng: TSKH, TS, Ths, Cử nhân, Kỹ sư …',
    },
    { kind: 'section', number: '28)', title: 'TÓM TẮT QUÁ TRÌNH CÔNG TÁC' },
    {
      kind: 'table',
      columns: [
        { header: 'Từ tháng, năm đến tháng, năm', width: 22, align: 'center' },
        { header: 'Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời gian được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, …', width: 78 },
      ],
      rows: work.map((w) => [period(w.fromMonth, w.toMonth), joined([w.position, w.organisation]).replace(BLANK, '')]),
    },
    { kind: 'section', number: '29)', title: 'ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN:' },
    {
      kind: 'paragraph',
      label:
        '- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, những vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, thời gian làm việc …)',
      value: joined([r.arrestHistory, r.oldRegimeWork], '\n'),
    },
    {
      kind: 'paragraph',
      label: '- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ chức nào, đặt trụ sở ở đâu …?):',
      value: text(r.foreignOrgRelations),
    },
    {
      kind: 'paragraph',
      label: '- Có thân nhân (Cha, Mẹ, Vợ, Chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ …)?',
      value: text(r.relativesAbroad),
    },
    { kind: 'section', number: '30)', title: 'QUAN HỆ GIA ĐÌNH' },
    ...familyTables(family, {
      self: 'a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột',
      spouse: 'b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột',
      details: 'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội …)',
    }),
    { kind: 'section', number: '31)', title: 'DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC' },
    {
      kind: 'matrix',
      rowHeaders: ['Tháng/năm', 'Mã ngạch/bậc', 'Hệ số lương'],
      columns: salary.map((s) => [month(s.effectiveDate), `${cell(s.rankCode)}/${s.step ?? ''}`, coefficient(s.coefficient)]),
      blankColumns: 6,
    },
    { kind: 'section', number: '32)', title: 'NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC' },
    { kind: 'lines', text: cell(r.managementComment), count: 5 },
    {
      kind: 'signatures',
      left: signatureLeft(),
      right: { placeDate: placeAndDate(options), title: 'Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC', lines: ['(Ký tên, đóng dấu)'] },
    },
  ]
  return { form: '2c', title: `${FORM_2C_TITLE} — ${text(r.fullName)}`, blocks }
}
