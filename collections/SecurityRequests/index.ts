import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { roleRequestDeciders } from '../../access/roleRequests'
import { decideSecurityRequest, settleDecidedRequest } from '../../hooks/securityRequests/decideSecurityRequest'
import { SECURITY_REQUEST_KINDS, SECURITY_REQUEST_LABELS } from '../../src/domain/accountSecurity'
import { approvalFields, label } from '../shared/fields'

const fixed = { create: () => false, update: () => false }

/**
 * Đề nghị chờ phê duyệt — account security operations and unit moves that wait for a second person
 * (src/domain/accountSecurity.ts, docs/security.md): an e-mail change, a second-factor reset or re-enabling of an
 * account that reads personal data, and moving a unit that holds people. Created by the account and unit hooks
 * and the second-factor reset endpoint; approved or refused here by ministry HR who neither asked nor holds the account.
 */
export const SecurityRequests: CollectionConfig = {
  slug: 'security-requests',
  labels: { singular: label('Đề nghị chờ phê duyệt', 'Request awaiting approval'), plural: label('Đề nghị chờ phê duyệt', 'Requests awaiting approval') },
  defaultSort: '-createdAt',
  disableDuplicate: true,
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['kind', 'summary', 'requestedBy', 'status', 'createdAt'],
    group: label('Hệ thống', 'System'),
    description: label(
      'Đổi địa chỉ thư, đặt lại xác thực hai bước, kích hoạt lại tài khoản xem được hồ sơ cá nhân, và chuyển đơn vị có cán bộ chỉ có hiệu lực khi Vụ Tổ chức cán bộ phê duyệt: chọn "Đã phê duyệt" hoặc "Từ chối" rồi lưu.',
      'E-mail changes, second-factor resets, re-enabling accounts that read personal records, and moving units that hold people take effect only once ministry HR approves: choose "Approved" or "Refused" and save.',
    ),
  },
  access: { read: roleRequestDeciders, create: nobody, update: roleRequestDeciders, delete: nobody },
  hooks: { beforeChange: [decideSecurityRequest], afterChange: [settleDecidedRequest] },
  fields: [
    { name: 'summary', type: 'text', access: fixed, admin: { readOnly: true }, label: label('Nội dung', 'Summary') },
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      access: fixed,
      options: SECURITY_REQUEST_KINDS.map((k) => ({ value: k, label: SECURITY_REQUEST_LABELS[k] })),
      label: label('Loại đề nghị', 'Kind'),
    },
    { name: 'account', type: 'relationship', relationTo: 'accounts', index: true, access: fixed, label: label('Tài khoản', 'Account') },
    { name: 'newEmail', type: 'email', access: fixed, label: label('Địa chỉ thư mới', 'New e-mail address') },
    { name: 'unit', type: 'relationship', relationTo: 'units', index: true, access: fixed, label: label('Đơn vị', 'Unit') },
    { name: 'previousParent', type: 'relationship', relationTo: 'units', access: fixed, label: label('Đơn vị cấp trên hiện nay', 'Current parent unit') },
    { name: 'newParent', type: 'relationship', relationTo: 'units', access: fixed, label: label('Đơn vị cấp trên đề nghị', 'Requested parent unit') },
    ...approvalFields(),
  ],
}
