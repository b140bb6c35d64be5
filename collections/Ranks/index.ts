import type { CollectionConfig } from 'payload'

import { isLoggedIn } from '../../access/isLoggedIn'
import { organisationManagers } from '../../access/organisationManagers'
import { dateField, label, textField } from '../shared/fields'

/** Ngạch công chức / chức danh nghề nghiệp viên chức with their salary scale (NĐ 204/2004/NĐ-CP). */
export const Ranks: CollectionConfig = {
  slug: 'ranks',
  labels: { singular: label('Ngạch / CDNN', 'Rank'), plural: label('Ngạch, chức danh nghề nghiệp', 'Ranks') },
  defaultSort: 'code',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['code', 'name', 'kind', 'group'],
    group: label('Danh mục', 'Reference data'),
    pagination: { defaultLimit: 50 },
  },
  access: { read: isLoggedIn, create: organisationManagers, update: organisationManagers, delete: organisationManagers },
  fields: [
    textField('code', 'Mã số', 'Code', { required: true, unique: true }),
    textField('name', 'Tên ngạch / chức danh', 'Name', { required: true }),
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: label('Loại', 'Kind'),
      options: [
        { value: 'ngach', label: label('Ngạch công chức', 'Civil-service rank') },
        { value: 'cdnn', label: label('Chức danh nghề nghiệp', 'Professional title') },
      ],
    },
    {
      name: 'group',
      type: 'select',
      required: true,
      label: label('Nhóm (loại)', 'Group'),
      options: ['A3.1', 'A3.2', 'A2.1', 'A2.2', 'A1', 'A0', 'B', 'C1', 'C2', 'C3'].map((g) => ({ value: g, label: g })),
    },
    textField('salaryTable', 'Bảng lương', 'Salary table'),
    {
      name: 'coefficients',
      type: 'json',
      required: true,
      label: label('Hệ số lương theo bậc', 'Coefficient per step'),
      admin: { description: label('Mảng hệ số, bậc 1 trước: [2.34, 2.67, …]', 'Array, step 1 first: [2.34, 2.67, …]') },
    },
    dateField('validFrom', 'Hiệu lực từ', 'Valid from'),
    dateField('validTo', 'Hiệu lực đến', 'Valid to'),
    textField('source', 'Văn bản quy định', 'Legal source'),
  ],
}
