import type { Field, FieldHook } from 'payload'

import { readSensitiveOfStaff } from '../../../access/sensitiveFields'
import { openOnRead, sealOnWrite } from '../../../hooks/encryption/sealedIdentifiers'
import { hideBlindIndex, indexNationalId } from '../../../hooks/staff/nationalIdIndex'
import { codeField, dateField, label, textField } from '../../shared/fields'

/** Stored encrypted (hooks/encryption): the column holds `enc:v1:…`; filters need the exact value (see nationalIdIndex). */
const sealed = (first: FieldHook[] = []) => ({ hooks: { beforeChange: [...first, sealOnWrite], afterRead: [openOnRead] } })

/** A — Định danh (2C items 1–9, 25–26; HS02 1–11). */
export const identityFields: Field[] = [
  {
    type: 'row',
    fields: [
      textField('staffCode', 'Số hiệu', 'Staff number', {
        required: true,
        unique: true,
        admin: { description: { vi: 'Số hiệu cán bộ, công chức, viên chức', en: 'Staff number issued by the agency' } },
      }),
      textField('nationalPersonalCode', 'Mã số định danh (CSDL quốc gia)', 'National CBCCVC database ID', {
        index: true,
        // NĐ 27/2026 Điều 16.3: the số định danh cá nhân (CCCD) is the key of the electronic record (src/nationalSync/).
        admin: {
          description: {
            vi: 'Giá trị cũ, chỉ để tham chiếu: từ 01/07/2026 (Nghị định 27/2026/NĐ-CP) mã định danh hồ sơ điện tử là số định danh cá nhân (số CCCD); hoso đồng bộ với CSDL quốc gia theo số CCCD.',
            en: 'Legacy value, kept for reference: since 01/07/2026 (Decree 27/2026) the key of the electronic record is the personal identification number (CCCD); hoso syncs with the national database by the CCCD number.',
          },
        },
      }),
    ],
  },
  {
    type: 'row',
    fields: [
      textField('fullName', 'Họ và tên khai sinh', 'Full name at birth', { required: true }),
      textField('otherNames', 'Tên gọi khác', 'Other names'),
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'gender',
        type: 'select',
        required: true,
        label: label('Giới tính', 'Gender'),
        options: [
          { value: 'male', label: label('Nam', 'Male') },
          { value: 'female', label: label('Nữ', 'Female') },
        ],
      },
      dateField('birthDate', 'Ngày sinh', 'Date of birth', { required: true, index: true }),
      textField('nationality', 'Quốc tịch', 'Nationality', { defaultValue: 'Việt Nam' }),
    ],
  },
  {
    type: 'row',
    fields: [
      textField('birthPlace', 'Nơi sinh', 'Place of birth'),
      textField('hometown', 'Quê quán', 'Home town'),
    ],
  },
  {
    type: 'row',
    fields: [
      codeField('ethnicity', 'ethnicity', 'Dân tộc', 'Ethnicity'),
      codeField('religion', 'religion', 'Tôn giáo', 'Religion'),
      textField('familyBackground', 'Thành phần gia đình xuất thân', 'Family background'),
    ],
  },
  {
    type: 'row',
    fields: [
      textField('nationalId', 'Số CCCD / định danh cá nhân', 'Citizen ID number', sealed([indexNationalId])),
      dateField('nationalIdIssueDate', 'Ngày cấp CCCD', 'ID issue date'),
      textField('nationalIdIssuePlace', 'Nơi cấp CCCD', 'ID issued by'),
    ],
  },
  {
    type: 'row',
    fields: [
      textField('legacyIdNumber', 'Số CMND cũ', 'Former ID card number'),
      textField('passportNumber', 'Số hộ chiếu', 'Passport number'),
      textField('taxCode', 'Mã số thuế', 'Tax code', sealed()),
    ],
  },
  {
    type: 'row',
    fields: [
      textField('socialInsuranceNumber', 'Số sổ BHXH', 'Social insurance number', sealed()),
      textField('healthInsuranceNumber', 'Số thẻ BHYT', 'Health insurance card number'),
    ],
  },
  textField('permanentAddress', 'Nơi đăng ký thường trú', 'Permanent residence'),
  textField('currentAddress', 'Nơi ở hiện nay', 'Current address'),
  {
    type: 'row',
    fields: [
      textField('phone', 'Điện thoại', 'Phone'),
      { name: 'email', type: 'email', label: label('Email', 'Email') },
    ],
  },
  { name: 'photo', type: 'upload', relationTo: 'photos', label: label('Ảnh 4×6', 'Photo 4×6') },
  // Blind index of the CCCD (HMAC-SHA256 with its own key): unique, and what exact CCCD filters are answered
  // with. Written only by the CCCD's hook, never returned, filterable by those who may filter on the CCCD.
  {
    name: 'nationalIdIndex',
    type: 'text',
    unique: true,
    label: label('Chỉ mục tra cứu CCCD', 'Citizen ID lookup index'),
    admin: { hidden: true },
    access: { read: readSensitiveOfStaff, create: () => false, update: () => false },
    hooks: { afterRead: [hideBlindIndex] },
  },
]
