import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { roleRequestDeciders } from '../../access/roleRequests'
import { applyApprovedRoleRequest, decideRoleRequest } from '../../hooks/roleRequests/decideRoleRequest'
import { ROLE_OPTIONS } from '../../src/accounts/roleOptions'
import { isSysadmin } from '../../src/domain/access'
import { approvalFields, label, textareaField } from '../shared/fields'

const fixed = { create: () => false, update: () => false }

/**
 * Đề nghị thay đổi vai trò — a change of an account's roles that reads personal data (or of system roles)
 * waiting for a second person (src/domain/roleChanges.ts). Created by the account hooks when a system
 * administrator saves such a change; approved or refused here by ministry HR (or, for system roles only,
 * another system administrator) who is neither the requester nor the account's holder.
 */
export const RoleRequests: CollectionConfig = {
  slug: 'role-requests',
  labels: { singular: label('Đề nghị thay đổi vai trò', 'Role change request'), plural: label('Đề nghị thay đổi vai trò', 'Role change requests') },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'summary',
    // The account's name and e-mail are in the summary: the deciders (ministry HR) may not read accounts.
    defaultColumns: ['summary', 'roles', 'unit', 'status', 'createdAt'],
    group: label('Hệ thống', 'System'),
    description: label(
      'Vai trò xem hồ sơ cá nhân và vai trò hệ thống chỉ có hiệu lực khi người khác có thẩm quyền phê duyệt: chọn "Đã phê duyệt" hoặc "Từ chối" rồi lưu.',
      'Roles that read personal records and system roles take effect only once another authorised person approves: choose "Approved" or "Refused" and save.',
    ),
  },
  access: { read: roleRequestDeciders, create: nobody, update: roleRequestDeciders, delete: nobody },
  hooks: { beforeChange: [decideRoleRequest], afterChange: [applyApprovedRoleRequest] },
  fields: [
    { name: 'summary', type: 'text', access: fixed, admin: { readOnly: true }, label: label('Tài khoản và vai trò đề nghị', 'Account and requested roles') },
    {
      name: 'account',
      type: 'relationship',
      relationTo: 'accounts',
      index: true,
      access: fixed,
      label: label('Tài khoản', 'Account'),
      // Only a system administrator reads accounts; to anyone else the link shows as "untitled – ID".
      admin: { condition: (_data, _sibling, { user }) => isSysadmin(user ? { roles: (user as { roles?: string[] }).roles ?? [] } : null) },
    },
    { name: 'roles', type: 'select', hasMany: true, options: ROLE_OPTIONS, access: fixed, label: label('Vai trò đề nghị', 'Requested roles') },
    { name: 'unit', type: 'relationship', relationTo: 'units', access: fixed, label: label('Đơn vị phụ trách đề nghị', 'Requested unit in charge') },
    { name: 'staff', type: 'relationship', relationTo: 'staff', access: fixed, label: label('Hồ sơ cán bộ gắn với tài khoản', 'Staff record of the account') },
    { name: 'previousRoles', type: 'select', hasMany: true, options: ROLE_OPTIONS, access: fixed, label: label('Vai trò trước đó', 'Previous roles') },
    { name: 'approverRoles', type: 'select', hasMany: true, options: ROLE_OPTIONS, access: fixed, admin: { readOnly: true }, label: label('Ai được phê duyệt', 'Who may approve') },
    ...approvalFields(),
  ],
}
