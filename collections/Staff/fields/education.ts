import type { Field } from 'payload'

import { codeField, textField } from '../../shared/fields'

/** D — Trình độ (2C item 15; HS02 19–21). Training rows are in `training-records`. */
export const educationFields: Field[] = [
  {
    type: 'row',
    fields: [
      textField('generalEducation', 'Trình độ giáo dục phổ thông', 'General education', {
        admin: { placeholder: '12/12' },
      }),
      codeField('highestQualification', 'qualification', 'Trình độ chuyên môn cao nhất', 'Highest qualification'),
      textField('major', 'Chuyên ngành', 'Field of study'),
    ],
  },
  {
    type: 'row',
    fields: [
      codeField('academicTitle', 'academic-title', 'Học hàm', 'Academic title'),
      codeField('academicDegree', 'academic-degree', 'Học vị', 'Academic degree'),
    ],
  },
  {
    type: 'row',
    fields: [
      codeField('politicalTheory', 'political-theory', 'Lý luận chính trị', 'Political theory'),
      codeField('stateManagement', 'state-management', 'Quản lý nhà nước', 'State management'),
    ],
  },
  {
    type: 'row',
    fields: [
      textField('foreignLanguages', 'Ngoại ngữ', 'Foreign languages', { admin: { placeholder: 'Tiếng Anh bậc 3 (B1)' } }),
      codeField('itLevel', 'it-level', 'Tin học', 'IT skills'),
    ],
  },
]
