import type { Field } from 'payload'

import { dateField, label, textField, textareaField } from '../../shared/fields'

/** B — Công tác (2C items 10–13, 20; HS02 12–14, 23–29). */
export const employmentFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'employmentType',
        type: 'select',
        required: true,
        defaultValue: 'civil-servant',
        index: true,
        label: label('Loại đối tượng', 'Employment type'),
        options: [
          { value: 'cadre', label: label('Cán bộ', 'Cadre') },
          { value: 'civil-servant', label: label('Công chức', 'Civil servant') },
          { value: 'public-employee', label: label('Viên chức', 'Public employee') },
          { value: 'contract', label: label('Hợp đồng lao động', 'Contract worker') },
        ],
      },
      {
        name: 'unit',
        type: 'relationship',
        relationTo: 'units',
        required: true,
        index: true,
        label: label('Đơn vị công tác', 'Unit'),
      },
    ],
  },
  {
    type: 'row',
    fields: [
      textField('jobBeforeRecruitment', 'Nghề nghiệp khi được tuyển dụng', 'Occupation before recruitment'),
      dateField('recruitmentDate', 'Ngày tuyển dụng', 'Recruitment date'),
      textField('recruitingAgency', 'Cơ quan tuyển dụng', 'Recruiting agency'),
    ],
  },
  dateField('currentAgencyJoinDate', 'Ngày vào cơ quan hiện đang công tác', 'Joined current agency'),
  {
    type: 'row',
    fields: [
      textField('position', 'Chức vụ', 'Position', {
        index: true,
        admin: { description: { vi: 'Chức vụ (chức danh) hiện tại, về chính quyền hoặc Đảng, đoàn thể', en: 'Current position (government, Party or mass organisation)' } },
      }),
      dateField('positionAppointedDate', 'Ngày bổ nhiệm', 'Appointed on'),
      dateField('positionReappointedDate', 'Ngày bổ nhiệm lại', 'Re-appointed on'),
    ],
  },
  {
    type: 'row',
    fields: [
      textField('concurrentPositions', 'Chức vụ kiêm nhiệm', 'Concurrent positions'),
      textField('plannedPositions', 'Được quy hoạch chức danh', 'Succession planning'),
    ],
  },
  {
    type: 'row',
    fields: [
      textField('partyPosition', 'Chức vụ Đảng hiện tại', 'Party position'),
      textField('partyConcurrentPosition', 'Chức vụ Đảng kiêm nhiệm', 'Concurrent party position'),
    ],
  },
  textareaField('mainDuties', 'Công việc chính được giao', 'Main duties'),
  {
    type: 'row',
    fields: [
      textField('strengths', 'Sở trường công tác', 'Strengths'),
      textField('longestJob', 'Công việc làm lâu nhất', 'Longest-held job'),
    ],
  },
  {
    type: 'row',
    fields: [
      textField('jobPosition', 'Vị trí việc làm', 'Job position'),
      textField('jobPositionCode', 'Mã vị trí việc làm', 'Job position code'),
    ],
  },
]
