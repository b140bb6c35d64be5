import type { CollectionConfig } from 'payload'

import { isLoggedIn } from '../../access/isLoggedIn'
import { organisationManagers } from '../../access/organisationManagers'
import { holdUnitMove, recordUnitMove } from '../../hooks/units/holdUnitMove'
import { preventCycle } from '../../hooks/units/preventCycle'
import { dateField, label } from '../shared/fields'

/** Đơn vị — the unit tree: Bộ → Vụ/Cục/Viện/Trung tâm → Phòng/Ban … */
export const Units: CollectionConfig = {
  slug: 'units',
  labels: {
    singular: { vi: 'Đơn vị', en: 'Unit' },
    plural: { vi: 'Đơn vị', en: 'Units' },
  },
  defaultSort: 'sortOrder',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['code', 'name', 'type', 'parent'],
    pagination: { defaultLimit: 25 },
    group: { vi: 'Tổ chức', en: 'Organisation' },
  },
  access: { read: isLoggedIn, create: organisationManagers, update: organisationManagers, delete: organisationManagers },
  hooks: { beforeChange: [preventCycle, holdUnitMove], afterChange: [recordUnitMove] },
  fields: [
    { name: 'code', type: 'text', required: true, unique: true, index: true, label: { vi: 'Mã đơn vị', en: 'Code' } },
    { name: 'name', type: 'text', required: true, label: { vi: 'Tên đơn vị', en: 'Name' } },
    { name: 'shortName', type: 'text', label: { vi: 'Tên viết tắt', en: 'Short name' } },
    {
      name: 'type',
      type: 'select',
      required: true,
      label: { vi: 'Loại đơn vị', en: 'Type' },
      options: [
        { value: 'ministry', label: { vi: 'Bộ', en: 'Ministry' } },
        { value: 'department', label: { vi: 'Vụ', en: 'Department' } },
        { value: 'agency', label: { vi: 'Cục / Tổng cục', en: 'Agency' } },
        { value: 'inspectorate', label: { vi: 'Thanh tra', en: 'Inspectorate' } },
        { value: 'office', label: { vi: 'Văn phòng', en: 'Office' } },
        { value: 'institute', label: { vi: 'Viện', en: 'Institute' } },
        { value: 'centre', label: { vi: 'Trung tâm', en: 'Centre' } },
        { value: 'board', label: { vi: 'Ban', en: 'Board' } },
        { value: 'press', label: { vi: 'Báo / Tạp chí', en: 'Press' } },
        { value: 'division', label: { vi: 'Phòng', en: 'Division' } },
      ],
    },
    { name: 'parent', type: 'relationship', relationTo: 'units', index: true, label: { vi: 'Đơn vị cấp trên', en: 'Parent unit' } },
    { name: 'sortOrder', type: 'number', defaultValue: 0, label: { vi: 'Thứ tự', en: 'Order' } },
    dateField('establishedOn', 'Ngày thành lập', 'Established on'),
    dateField('dissolvedOn', 'Ngày giải thể / sáp nhập', 'Dissolved or merged on'),
    // Materialized path of ids ("1.7.42."), kept by database triggers; read-only everywhere.
    { name: 'path', type: 'text', index: true, admin: { readOnly: true, position: 'sidebar' }, label: label('Đường dẫn cây', 'Tree path') },
    { name: 'depth', type: 'number', admin: { readOnly: true, position: 'sidebar' }, label: label('Cấp', 'Level') },
  ],
}
