import type { CollectionConfig } from 'payload'

import { grantManagers, readGrants } from '../../access/grants'
import { approveGrant } from '../../hooks/grants/approveGrant'
import { auditGrant } from '../../hooks/grants/auditGrant'
import { validateGrantRecord } from '../../hooks/grants/validateGrantRecord'
import { dateField, label, textField, textareaField } from '../shared/fields'

/**
 * Quyền khai thác theo mục đích — purpose-bound access grants (src/domain/grants.ts). A grant counts only
 * when approved by someone other than the grantee and only between its dates.
 */
export const AccessGrants: CollectionConfig = {
  slug: 'access-grants',
  labels: { singular: label('Cấp quyền khai thác', 'Access grant'), plural: label('Cấp quyền khai thác', 'Access grants') },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'purpose',
    defaultColumns: ['grantee', 'action', 'purpose', 'validFrom', 'validTo', 'status'],
    group: label('Hệ thống', 'System'),
  },
  access: { read: readGrants, create: grantManagers, update: grantManagers, delete: grantManagers },
  hooks: { beforeValidate: [validateGrantRecord], beforeChange: [approveGrant], afterChange: [auditGrant] },
  fields: [
    { name: 'grantee', type: 'relationship', relationTo: 'accounts', required: true, index: true, label: label('Người được cấp quyền', 'Grantee') },
    {
      name: 'action',
      type: 'select',
      required: true,
      defaultValue: 'read',
      label: label('Quyền', 'Right'),
      options: [
        { value: 'read', label: label('Xem', 'Read') },
        { value: 'update', label: label('Xem và cập nhật', 'Read and update') },
      ],
    },
    { name: 'units', type: 'relationship', relationTo: 'units', hasMany: true, label: label('Đơn vị (gồm cả đơn vị trực thuộc)', 'Units (with their sub-units)') },
    { name: 'staff', type: 'relationship', relationTo: 'staff', hasMany: true, label: label('Hồ sơ cụ thể', 'Named records') },
    textField('purpose', 'Mục đích khai thác', 'Purpose', { required: true, admin: { placeholder: 'Thẩm định hồ sơ bổ nhiệm' } }),
    { type: 'row', fields: [dateField('validFrom', 'Từ ngày', 'From', { required: true }), dateField('validTo', 'Đến ngày', 'Until', { required: true })] },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      label: label('Trạng thái', 'Status'),
      options: [
        { value: 'pending', label: label('Chờ phê duyệt', 'Pending approval') },
        { value: 'approved', label: label('Đã phê duyệt', 'Approved') },
        { value: 'revoked', label: label('Đã thu hồi', 'Revoked') },
      ],
    },
    { name: 'approvedBy', type: 'relationship', relationTo: 'accounts', admin: { readOnly: true }, label: label('Người phê duyệt', 'Approved by') },
    { name: 'approvedAt', type: 'date', admin: { readOnly: true }, label: label('Thời điểm phê duyệt', 'Approved at') },
    textareaField('note', 'Ghi chú', 'Note'),
  ],
}
