import type { CollectionConfig } from 'payload'

import { isLoggedIn } from '../../access/isLoggedIn'

/** Hồ sơ cán bộ, công chức, viên chức, người lao động — one record per person. */
export const Staff: CollectionConfig = {
  slug: 'staff',
  labels: {
    singular: { vi: 'Hồ sơ cán bộ', en: 'Staff record' },
    plural: { vi: 'Hồ sơ cán bộ', en: 'Staff records' },
  },
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['staffCode', 'fullName', 'gender', 'birthDate', 'unit'],
    group: { vi: 'Hồ sơ', en: 'Records' },
  },
  access: { read: isLoggedIn, create: isLoggedIn, update: isLoggedIn, delete: isLoggedIn },
  fields: [
    { name: 'staffCode', type: 'text', required: true, unique: true, label: { vi: 'Số hiệu cán bộ', en: 'Staff code' } },
    { name: 'fullName', type: 'text', required: true, label: { vi: 'Họ và tên khai sinh', en: 'Full name at birth' } },
    {
      name: 'gender',
      type: 'select',
      required: true,
      label: { vi: 'Giới tính', en: 'Gender' },
      options: [
        { value: 'male', label: { vi: 'Nam', en: 'Male' } },
        { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
      ],
    },
    { name: 'birthDate', type: 'date', required: true, label: { vi: 'Ngày sinh', en: 'Date of birth' }, admin: { date: { displayFormat: 'dd/MM/yyyy' } } },
    {
      name: 'employmentType',
      type: 'select',
      required: true,
      defaultValue: 'civil-servant',
      label: { vi: 'Loại đối tượng', en: 'Employment type' },
      options: [
        { value: 'cadre', label: { vi: 'Cán bộ', en: 'Cadre' } },
        { value: 'civil-servant', label: { vi: 'Công chức', en: 'Civil servant' } },
        { value: 'public-employee', label: { vi: 'Viên chức', en: 'Public employee' } },
        { value: 'contract', label: { vi: 'Hợp đồng lao động', en: 'Contract worker' } },
      ],
    },
    { name: 'unit', type: 'relationship', relationTo: 'units', required: true, index: true, label: { vi: 'Đơn vị công tác', en: 'Unit' } },
  ],
}
