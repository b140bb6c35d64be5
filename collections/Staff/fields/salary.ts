import type { Field } from 'payload'

import { dateField, label, textField } from '../../shared/fields'

/** E — Ngạch, lương (2C item 14; HS02 item 30). Current values; the history is in `salary-history`. */
export const salaryFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'rank',
        type: 'relationship',
        relationTo: 'ranks',
        index: true,
        label: label('Ngạch / CDNN', 'Rank'),
        admin: { description: label('Ngạch công chức hoặc chức danh nghề nghiệp viên chức', 'Civil-service rank or professional title') },
      },
      dateField('rankAppointedDate', 'Ngày bổ nhiệm ngạch / CDNN', 'Rank appointed on'),
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'salaryStep', type: 'number', min: 1, label: label('Bậc lương', 'Salary step') },
      { name: 'salaryCoefficient', type: 'number', min: 0, label: label('Hệ số lương', 'Salary coefficient') },
      dateField('salaryStepDate', 'Ngày hưởng', 'Effective from'),
      { name: 'salaryPercentage', type: 'number', min: 0, max: 100, defaultValue: 100, label: label('Phần trăm hưởng (%)', 'Percentage paid (%)') },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'seniorityAllowancePct', type: 'number', min: 0, max: 100, label: label('Phụ cấp thâm niên vượt khung (%)', 'Seniority allowance (%)') },
      dateField('seniorityAllowanceDate', 'Ngày hưởng PCTNVK', 'Seniority allowance from'),
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'positionAllowance', type: 'number', min: 0, label: label('Phụ cấp chức vụ (hệ số)', 'Position allowance (coefficient)') },
      { name: 'concurrentAllowance', type: 'number', min: 0, label: label('Phụ cấp kiêm nhiệm (hệ số)', 'Concurrent-position allowance') },
      textField('otherAllowances', 'Phụ cấp khác', 'Other allowances'),
    ],
  },
  { name: 'jobPositionSalary', type: 'number', min: 0, label: label('Lương theo vị trí việc làm (đồng)', 'Job-position salary (VND)') },
]
