import type { Field } from 'payload'

import { dateField, label, textField, textareaField } from '../../shared/fields'

/** C — Đảng, đoàn thể, quân ngũ (2C 16–19; HS02 15–17, 22). */
export const partyFields: Field[] = [
  {
    type: 'row',
    fields: [
      dateField('partyJoinDate', 'Ngày vào Đảng Cộng sản Việt Nam', 'Joined the Communist Party'),
      dateField('partyOfficialDate', 'Ngày chính thức', 'Full party member since'),
    ],
  },
  {
    type: 'row',
    fields: [
      dateField('socioPoliticalOrgJoinDate', 'Ngày tham gia tổ chức chính trị - xã hội', 'Joined a socio-political organisation'),
      textField('socioPoliticalOrgDetails', 'Tổ chức, công việc trong tổ chức', 'Organisation and role'),
    ],
  },
  {
    type: 'row',
    fields: [
      dateField('militaryEnlistDate', 'Ngày nhập ngũ', 'Enlisted on'),
      dateField('militaryDischargeDate', 'Ngày xuất ngũ', 'Discharged on'),
      textField('militaryRank', 'Quân hàm cao nhất', 'Highest military rank'),
    ],
  },
  textField('highestStateTitle', 'Danh hiệu được phong tặng cao nhất', 'Highest state title'),
]

/** Sức khỏe và chính sách (2C 23–24; HS02 18, 31) — sensitive (NĐ 356/2025 Điều 4.1.d). */
export const healthFields: Field[] = [
  {
    type: 'row',
    fields: [
      textField('healthStatus', 'Tình trạng sức khỏe', 'Health status'),
      { name: 'heightCm', type: 'number', min: 0, label: label('Chiều cao (cm)', 'Height (cm)') },
      { name: 'weightKg', type: 'number', min: 0, label: label('Cân nặng (kg)', 'Weight (kg)') },
      {
        name: 'bloodType',
        type: 'select',
        label: label('Nhóm máu', 'Blood type'),
        options: ['A', 'B', 'AB', 'O'].map((v) => ({ value: v, label: v })),
      },
    ],
  },
  {
    type: 'row',
    fields: [
      textField('warInvalidGrade', 'Là thương binh hạng', 'War invalid grade'),
      textField('policyFamily', 'Là con gia đình chính sách', 'Child of a policy family'),
      textField('policyGroup', 'Đối tượng chính sách', 'Policy beneficiary group'),
    ],
  },
]

/** G — Đặc điểm lịch sử bản thân (2C 29; HS02 34) — sensitive. */
export const personalHistoryFields: Field[] = [
  textareaField('arrestHistory', 'Bị bắt, bị tù (thời gian, ở đâu), đã khai báo cho ai, những vấn đề gì', 'Arrests or imprisonment'),
  textareaField('oldRegimeWork', 'Làm việc trong chế độ cũ (cơ quan, địa điểm, chức danh, thời gian)', 'Work under the former regime'),
  textareaField('foreignOrgRelations', 'Tham gia, quan hệ với tổ chức chính trị, kinh tế, xã hội ở nước ngoài', 'Relations with organisations abroad'),
  textareaField('relativesAbroad', 'Thân nhân ở nước ngoài (làm gì, địa chỉ)', 'Relatives abroad'),
]

/** I — Hoàn cảnh kinh tế gia đình (HS02 37.3) — restricted. */
export const economyFields: Field[] = [
  {
    name: 'economy',
    type: 'group',
    label: label('Hoàn cảnh kinh tế gia đình', 'Family economic situation'),
    fields: [
      {
        type: 'row',
        fields: [
          textField('incomeSalary', 'Thu nhập từ tiền lương (đồng/năm)', 'Income from salary (VND/year)'),
          textField('incomeOther', 'Các nguồn thu nhập khác', 'Other income'),
        ],
      },
      textField('housingAllocated', 'Nhà được cấp, được thuê (loại nhà, diện tích, giấy chứng nhận)', 'Allocated or rented housing'),
      textField('housingOwned', 'Nhà tự mua, tự xây (loại nhà, diện tích, giấy chứng nhận)', 'Owned housing'),
      textField('landAllocated', 'Đất ở được cấp (m², giấy chứng nhận)', 'Allocated residential land'),
      textField('landOwned', 'Đất ở tự mua (m², giấy chứng nhận)', 'Purchased residential land'),
      textField('landBusiness', 'Đất sản xuất, kinh doanh', 'Land for production or business'),
    ],
  },
]
