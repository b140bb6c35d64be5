import type { Field } from 'payload'

import { EMPLOYMENT_STATUS_LABELS, EMPLOYMENT_STATUSES } from '../../../src/domain/lifecycle'
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

/**
 * Trạng thái công tác — derived from the decisions in effect (src/domain/lifecycle.ts), never typed: only a
 * decision's application (src/lifecycle/apply.ts, with overrideAccess) writes these fields.
 */
export const employmentStatusFields: Field[] = [
  {
    name: 'employmentStatus',
    type: 'select',
    defaultValue: 'active',
    index: true,
    label: label('Trạng thái công tác', 'Employment status'),
    options: EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: EMPLOYMENT_STATUS_LABELS[s] })),
    access: { create: () => false, update: () => false },
    admin: { readOnly: true, position: 'sidebar', description: label('Theo các quyết định đã có hiệu lực', 'From the decisions in effect') },
  },
  dateField('employmentStatusSince', 'Từ ngày', 'Since', { access: { create: () => false, update: () => false }, admin: { readOnly: true, position: 'sidebar' } }),
  textField('leftToAgency', 'Chuyển đến cơ quan', 'Transferred to', { access: { create: () => false, update: () => false }, admin: { readOnly: true, position: 'sidebar', condition: (d: Record<string, unknown>) => d?.employmentStatus === 'transferred' } }),
]
