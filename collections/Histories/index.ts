import { codeField, dateField, label, monthField, textField, textareaField } from '../shared/fields'
import { SENSITIVE_FAMILY_FIELDS } from '../../src/domain/sensitivity'
import { historyCollection } from './historyCollection'

/** 2C item 27, HS02 item 32 — đào tạo, bồi dưỡng (six kinds). */
export const TrainingRecords = historyCollection({
  slug: 'training-records',
  singular: ['Đào tạo, bồi dưỡng', 'Training'],
  plural: ['Quá trình đào tạo, bồi dưỡng', 'Training records'],
  formItems: '27 (2C), 32 (HS02)',
  defaultSort: 'fromMonth',
  defaultColumns: ['kind', 'fromMonth', 'toMonth', 'institution', 'qualification'],
  fields: [
    codeField('kind', 'training-kind', 'Loại', 'Kind', { required: true }),
    {
      type: 'row',
      fields: [monthField('fromMonth', 'Từ tháng, năm', 'From (month)', true), monthField('toMonth', 'Đến tháng, năm', 'To (month)')],
    },
    textField('institution', 'Tên trường / cơ sở đào tạo', 'Institution', { required: true }),
    textField('major', 'Chuyên ngành đào tạo, bồi dưỡng', 'Field of study'),
    {
      type: 'row',
      fields: [
        codeField('mode', 'training-mode', 'Hình thức đào tạo', 'Mode'),
        textField('qualification', 'Văn bằng, chứng chỉ, trình độ', 'Degree or certificate'),
      ],
    },
    { type: 'row', fields: [textField('language', 'Ngoại ngữ / tiếng dân tộc', 'Language'), textField('score', 'Điểm số', 'Score')] },
  ],
})

/** 2C item 28, HS02 item 33 — tóm tắt quá trình công tác. */
export const WorkHistory = historyCollection({
  slug: 'work-history',
  singular: ['Quá trình công tác', 'Work history entry'],
  plural: ['Quá trình công tác', 'Work history'],
  formItems: '28 (2C), 33 (HS02)',
  defaultSort: 'fromMonth',
  defaultColumns: ['fromMonth', 'toMonth', 'position', 'organisation'],
  fields: [
    {
      type: 'row',
      fields: [monthField('fromMonth', 'Từ tháng, năm', 'From (month)', true), monthField('toMonth', 'Đến tháng, năm', 'To (month)')],
    },
    textField('position', 'Chức danh, chức vụ', 'Title or position'),
    textField('organisation', 'Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)', 'Organisation', { required: true }),
    { type: 'row', fields: [textField('decisionNumber', 'Số quyết định', 'Decision number'), dateField('decisionDate', 'Ngày quyết định', 'Decision date')] },
  ],
})

/** 2C item 31, HS02 item 37.1 — diễn biến quá trình lương. */
export const SalaryHistory = historyCollection({
  slug: 'salary-history',
  singular: ['Diễn biến lương', 'Salary change'],
  plural: ['Diễn biến quá trình lương', 'Salary history'],
  formItems: '31 (2C), 37.1 (HS02)',
  defaultSort: 'effectiveDate',
  defaultColumns: ['effectiveDate', 'rankCode', 'step', 'coefficient'],
  fields: [
    {
      type: 'row',
      fields: [dateField('effectiveDate', 'Ngày hưởng (từ)', 'Effective from', { required: true }), dateField('endDate', 'Đến ngày', 'Until')],
    },
    {
      type: 'row',
      fields: [
        textField('rankCode', 'Mã ngạch / CDNN', 'Rank code', { required: true }),
        { name: 'step', type: 'number', min: 1, required: true, label: label('Bậc lương', 'Step') },
        { name: 'coefficient', type: 'number', min: 0, required: true, label: label('Hệ số lương', 'Coefficient') },
        { name: 'percentage', type: 'number', min: 0, max: 100, defaultValue: 100, label: label('Phần trăm hưởng', 'Percentage') },
      ],
    },
    { name: 'jobPositionSalary', type: 'number', min: 0, label: label('Tiền lương theo vị trí việc làm (đồng)', 'Job-position salary (VND)') },
    textField('decisionNumber', 'Số quyết định', 'Decision number'),
  ],
})

/** HS02 item 37.2 — các loại phụ cấp khác. */
export const AllowanceHistory = historyCollection({
  slug: 'allowance-history',
  singular: ['Phụ cấp', 'Allowance'],
  plural: ['Quá trình phụ cấp', 'Allowance history'],
  formItems: '37.2 (HS02)',
  defaultSort: 'fromMonth',
  defaultColumns: ['fromMonth', 'toMonth', 'kind', 'percentage', 'coefficient'],
  fields: [
    {
      type: 'row',
      fields: [monthField('fromMonth', 'Từ tháng, năm', 'From (month)', true), monthField('toMonth', 'Đến tháng, năm', 'To (month)')],
    },
    textField('kind', 'Loại phụ cấp', 'Allowance kind', { required: true }),
    {
      type: 'row',
      fields: [
        { name: 'percentage', type: 'number', min: 0, label: label('Phần trăm hưởng', 'Percentage') },
        { name: 'coefficient', type: 'number', min: 0, label: label('Hệ số', 'Coefficient') },
        textField('mode', 'Hình thức hưởng', 'How paid'),
        { name: 'amount', type: 'number', min: 0, label: label('Giá trị (đồng)', 'Amount (VND)') },
      ],
    },
  ],
})

/** 2C item 21, HS02 item 35.1 — khen thưởng. */
export const Awards = historyCollection({
  slug: 'awards',
  singular: ['Khen thưởng', 'Award'],
  plural: ['Khen thưởng', 'Awards'],
  formItems: '21 (2C), 35.1 (HS02)',
  defaultSort: '-year',
  defaultColumns: ['year', 'form', 'content'],
  fields: [
    { name: 'year', type: 'number', required: true, min: 1945, label: label('Năm', 'Year') },
    codeField('form', 'award-form', 'Hình thức khen thưởng', 'Award form', { required: true }),
    textField('content', 'Nội dung, thành tích', 'Achievement'),
    { type: 'row', fields: [textField('decisionNumber', 'Số quyết định', 'Decision number'), textField('decidedBy', 'Cơ quan quyết định', 'Decided by')] },
  ],
})

/** Đánh giá, xếp loại hằng năm (NĐ 90/2020, 48/2023) — HS02 item 35.1 "Xếp loại chuyên môn". */
export const Evaluations = historyCollection({
  slug: 'evaluations',
  singular: ['Đánh giá, xếp loại', 'Evaluation'],
  plural: ['Đánh giá, xếp loại hằng năm', 'Annual evaluations'],
  formItems: '35.1 (HS02)',
  defaultSort: '-year',
  defaultColumns: ['year', 'rating', 'emulationTitle'],
  fields: [
    { name: 'year', type: 'number', required: true, min: 1945, label: label('Năm', 'Year') },
    codeField('rating', 'evaluation-rating', 'Xếp loại chuyên môn', 'Rating', { required: true }),
    textField('emulationTitle', 'Xếp loại thi đua / danh hiệu', 'Emulation title'),
    textareaField('comment', 'Nhận xét', 'Comment'),
  ],
})

/** 2C item 22, HS02 item 35.2 — kỷ luật (sensitive: NĐ 356/2025 Điều 4.1.g). */
export const Disciplines = historyCollection({
  slug: 'disciplines',
  singular: ['Kỷ luật', 'Disciplinary measure'],
  plural: ['Kỷ luật', 'Disciplinary measures'],
  formItems: '22 (2C), 35.2 (HS02)',
  sensitive: true,
  defaultSort: '-fromDate',
  defaultColumns: ['fromDate', 'form', 'sphere', 'violation'],
  fields: [
    {
      type: 'row',
      fields: [dateField('fromDate', 'Từ ngày', 'From', { required: true }), dateField('toDate', 'Đến ngày', 'Until')],
    },
    {
      type: 'row',
      fields: [
        codeField('form', 'discipline-form', 'Hình thức', 'Form', { required: true }),
        {
          name: 'sphere',
          type: 'select',
          required: true,
          defaultValue: 'administrative',
          label: label('Kỷ luật về', 'Sphere'),
          options: [
            { value: 'party', label: label('Đảng', 'Party') },
            { value: 'administrative', label: label('Chính quyền', 'Administrative') },
            { value: 'organisation', label: label('Đoàn thể', 'Mass organisation') },
          ],
        },
      ],
    },
    textField('violation', 'Hành vi vi phạm chính', 'Main violation'),
    { type: 'row', fields: [textField('decidedBy', 'Cơ quan quyết định', 'Decided by'), textField('decisionNumber', 'Số quyết định', 'Decision number')] },
  ],
})

/** 2C item 30, HS02 item 36 — quan hệ gia đình (về bản thân; về bên vợ hoặc chồng). */
export const FamilyMembers = historyCollection({
  slug: 'family-members',
  singular: ['Người thân', 'Family member'],
  plural: ['Quan hệ gia đình', 'Family members'],
  formItems: '30 (2C), 36 (HS02)',
  sensitiveFields: [...SENSITIVE_FAMILY_FIELDS],
  defaultSort: 'sortOrder',
  defaultColumns: ['side', 'relation', 'fullName', 'birthYear'],
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'side',
          type: 'select',
          required: true,
          defaultValue: 'self',
          label: label('Về', 'Side'),
          options: [
            { value: 'self', label: label('Bản thân', 'Own family') },
            { value: 'spouse', label: label('Bên vợ (hoặc chồng)', "Spouse's family") },
          ],
        },
        codeField('relation', 'relation', 'Mối quan hệ', 'Relation', { required: true }),
      ],
    },
    {
      type: 'row',
      fields: [
        textField('fullName', 'Họ và tên', 'Full name', { required: true }),
        { name: 'birthYear', type: 'number', min: 1850, label: label('Năm sinh', 'Year of birth') },
      ],
    },
    textareaField(
      'details',
      'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở; thành viên các tổ chức chính trị - xã hội',
      'Home town, occupation, position, workplace, residence; memberships',
    ),
    { name: 'sortOrder', type: 'number', defaultValue: 0, label: label('Thứ tự', 'Order') },
  ],
})

export const HISTORY_COLLECTIONS = [
  TrainingRecords,
  WorkHistory,
  SalaryHistory,
  AllowanceHistory,
  Awards,
  Evaluations,
  Disciplines,
  FamilyMembers,
]
