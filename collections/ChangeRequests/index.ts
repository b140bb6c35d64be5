import type { CollectionConfig } from 'payload'

import { noGenericWrites, readChangeRequests } from '../../access/changeRequests'
import { openDeclaredIdentifiers, sealDeclaredIdentifiers } from '../../hooks/encryption/sealedIdentifiers'
import { SUBMISSION_ACTIONS, SUBMISSION_STATUSES, ACTION_LABELS, STATUS_LABELS } from '../../src/domain/submission'
import { label } from '../shared/fields'
import { hiddenFromStaff } from '../../src/accounts/staffOnly'
import { changeRequestEndpoints } from './endpoints'

const sealedJson = { beforeChange: [sealDeclaredIdentifiers], afterRead: [openDeclaredIdentifiers] }

/**
 * Yêu cầu cập nhật hồ sơ — what a person declares (tier T2, src/domain/tiers.ts), kept apart from the
 * official record until HR approves it. At most one open request (draft, submitted or returned) per record,
 * enforced by a partial unique index. Written only by the workflow endpoints (src/changeRequests/workflow.ts);
 * approved requests stay as the history of declared changes, with the values before and after.
 */
export const ChangeRequests: CollectionConfig = {
  slug: 'change-requests',
  labels: { singular: label('Yêu cầu cập nhật hồ sơ', 'Change request'), plural: label('Yêu cầu cập nhật hồ sơ', 'Change requests') },
  defaultSort: '-submittedAt',
  admin: {
    useAsTitle: 'staffName',
    defaultColumns: ['staffName', 'status', 'submittedAt', 'decidedAt'],
    group: label('Hồ sơ', 'Records'),
    hidden: hiddenFromStaff,
    description: label(
      'Thay đổi do cán bộ tự khai, chờ bộ phận tổ chức cán bộ duyệt. Mở một yêu cầu để xem chênh lệch so với hồ sơ chính thức.',
      'Changes declared by staff, waiting for HR approval. Open one to see the difference from the official record.',
    ),
    pagination: { defaultLimit: 25 },
  },
  access: { read: readChangeRequests, create: noGenericWrites, update: noGenericWrites, delete: noGenericWrites },
  endpoints: changeRequestEndpoints,
  fields: [
    {
      name: 'review',
      type: 'ui',
      admin: { components: { Field: '/src/components/ChangeRequestReview#ChangeRequestReview' } },
    },
    { name: 'staff', type: 'relationship', relationTo: 'staff', required: true, index: true, label: label('Hồ sơ', 'Record'), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'staffName', type: 'text', label: label('Họ và tên', 'Name'), admin: { readOnly: true, hidden: true } },
    { name: 'author', type: 'relationship', relationTo: 'accounts', required: true, label: label('Người lập', 'Author'), admin: { readOnly: true, hidden: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      label: label('Trạng thái', 'Status'),
      options: SUBMISSION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'revision', type: 'number', required: true, defaultValue: 0, label: label('Phiên bản', 'Revision'), admin: { readOnly: true, hidden: true } },
    // Declared and base values hold identifiers too (a new CCCD): sealed like the record's own (src/domain/sealedValue.ts).
    { name: 'proposal', type: 'json', label: label('Nội dung đề nghị', 'Proposal'), admin: { hidden: true }, hooks: sealedJson },
    { name: 'base', type: 'json', label: label('Hồ sơ chính thức khi lập', 'Official values when written'), admin: { hidden: true }, hooks: sealedJson },
    { name: 'baseStamp', type: 'text', label: label('Dấu phiên bản hồ sơ', 'Official record stamp'), admin: { hidden: true } },
    { name: 'returnReason', type: 'textarea', label: label('Lý do trả lại', 'Reason for return'), admin: { readOnly: true } },
    { name: 'submittedAt', type: 'date', index: true, label: label('Ngày gửi duyệt', 'Submitted'), admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
    { name: 'decidedAt', type: 'date', label: label('Ngày duyệt / trả lại', 'Decided'), admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
    { name: 'decidedBy', type: 'relationship', relationTo: 'accounts', label: label('Người duyệt / trả lại', 'Decided by'), admin: { readOnly: true, hidden: true } },
    {
      name: 'transitions',
      type: 'array',
      label: label('Quá trình xử lý', 'Transitions'),
      labels: { singular: label('Bước xử lý', 'Step'), plural: label('Quá trình xử lý', 'Transitions') },
      admin: { readOnly: true, initCollapsed: true },
      fields: [
        { name: 'action', type: 'select', required: true, label: label('Thao tác', 'Action'), options: SUBMISSION_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] })) },
        { name: 'status', type: 'select', label: label('Trạng thái mới', 'New status'), options: SUBMISSION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })) },
        { name: 'at', type: 'date', required: true, label: label('Thời điểm', 'At'), admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' } } },
        // Accounts are not readable by HR, so the admin would show an unnamed relation: kept for the record only.
        { name: 'actor', type: 'relationship', relationTo: 'accounts', label: label('Người thực hiện', 'By'), admin: { hidden: true } },
        { name: 'reason', type: 'textarea', label: label('Lý do', 'Reason') },
      ],
    },
  ],
}
