import type { CollectionConfig } from 'payload'

import { createHistoryInScope } from '../../access/createInScope'
import { readDecisions } from '../../access/decisions'
import { nobody } from '../../access/nobody'
import { auditChangesHook } from '../../hooks/audit/auditChanges'
import { auditReads } from '../../hooks/audit/auditReads'
import { applyEnteredDecision } from '../../hooks/decisions/applyEnteredDecision'
import { prepareDecision } from '../../hooks/decisions/prepareDecision'
import { DECISION_KIND_LABELS, DECISION_KINDS, DECISION_STATE_LABELS, DECISION_STATES } from '../../src/domain/lifecycle'
import { hiddenFromStaff } from '../../src/accounts/staffOnly'
import { dateField, label, textField, textareaField } from '../shared/fields'
import { decisionEndpoints } from './endpoints'

const readOnlySidebar = { readOnly: true, position: 'sidebar' as const }
const systemOnly = { create: () => false, update: () => false }

/**
 * Quyết định — what changes a career, as first-class data (src/domain/lifecycle.ts). HR-owned (T3): entered by
 * unit HR for records in their scope and by ministry HR; never edited or deleted through the API. A decision
 * takes effect on its effective date (src/lifecycle/apply.ts); one that ends access or moves the person out
 * waits for a second officer's approval; a correction is a new decision that revokes the one it corrects, and
 * a revocation is recorded on the decision with its reason (endpoints).
 */
export const Decisions: CollectionConfig = {
  slug: 'decisions',
  labels: { singular: label('Quyết định', 'Decision'), plural: label('Quyết định', 'Decisions') },
  defaultSort: '-effectiveDate',
  disableDuplicate: true,
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'kind', 'staff', 'effectiveDate', 'state'],
    group: label('Hồ sơ', 'Records'),
    hidden: hiddenFromStaff,
    description: label(
      'Quyết định có hiệu lực từ ngày ghi trong quyết định, không phải từ ngày nhập. Quyết định nghỉ hưu, thôi việc, chuyển công tác, buộc thôi việc, từ trần cần một cán bộ tổ chức khác phê duyệt.',
      'A decision takes effect on its effective date, not when typed in. Retirement, resignation, transfer out, dismissal and death need a second HR officer to approve.',
    ),
    pagination: { defaultLimit: 25 },
  },
  access: { read: readDecisions, create: createHistoryInScope, update: nobody, delete: nobody },
  endpoints: decisionEndpoints,
  hooks: {
    beforeChange: [prepareDecision],
    afterChange: [auditChangesHook(() => false), applyEnteredDecision],
    afterOperation: [auditReads],
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      label: label('Loại quyết định', 'Kind'),
      options: DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k] })),
    },
    { name: 'staff', type: 'relationship', relationTo: 'staff', required: true, index: true, label: label('Người có tên trong quyết định', 'Person') },
    {
      type: 'row',
      fields: [
        textField('number', 'Số quyết định', 'Decision number', { required: true }),
        dateField('signedDate', 'Ngày ký', 'Signed on', { required: true }),
        dateField('effectiveDate', 'Ngày có hiệu lực', 'Effective from', { required: true, index: true }),
      ],
    },
    { type: 'row', fields: [textField('signer', 'Người ký', 'Signed by', { required: true }), textField('issuingBody', 'Cơ quan ban hành', 'Issuing body', { required: true })] },
    {
      name: 'changes',
      type: 'group',
      label: label('Nội dung thay đổi', 'Changes'),
      admin: { description: label('Chỉ các mục mà loại quyết định này thay đổi', 'Only the items this kind of decision changes') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'unit', type: 'relationship', relationTo: 'units', label: label('Đơn vị công tác mới', 'New unit') },
            textField('position', 'Chức vụ mới', 'New position'),
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'rank', type: 'relationship', relationTo: 'ranks', label: label('Ngạch / CDNN mới', 'New rank') },
            { name: 'salaryStep', type: 'number', min: 1, label: label('Bậc lương', 'Salary step') },
            { name: 'salaryCoefficient', type: 'number', min: 0, label: label('Hệ số lương', 'Salary coefficient') },
          ],
        },
        textField('toAgency', 'Cơ quan tiếp nhận (chuyển công tác)', 'Receiving agency (transfer out)'),
      ],
    },
    textareaField('note', 'Ghi chú', 'Note'),
    { name: 'corrects', type: 'relationship', relationTo: 'decisions', label: label('Đính chính quyết định', 'Corrects decision'), admin: { description: label('Quyết định bị đính chính sẽ bị hủy bỏ, kèm lý do', 'The corrected decision is revoked, with the reason') } },
    textareaField('correctionReason', 'Lý do đính chính', 'Reason for the correction', { admin: { condition: (d: Record<string, unknown>) => Boolean(d?.corrects) } }),
    // Kept by the workflow (src/lifecycle/), never typed.
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'approved',
      index: true,
      label: label('Trạng thái', 'State'),
      options: DECISION_STATES.map((s) => ({ value: s, label: DECISION_STATE_LABELS[s] })),
      access: systemOnly,
      admin: readOnlySidebar,
    },
    { name: 'enteredBy', type: 'relationship', relationTo: 'accounts', label: label('Người nhập', 'Entered by'), access: systemOnly, admin: readOnlySidebar },
    { name: 'approvedBy', type: 'relationship', relationTo: 'accounts', label: label('Người phê duyệt', 'Approved by'), access: systemOnly, admin: readOnlySidebar },
    { name: 'approvedAt', type: 'date', label: label('Phê duyệt lúc', 'Approved at'), access: systemOnly, admin: readOnlySidebar },
    { name: 'appliedAt', type: 'date', label: label('Áp dụng vào hồ sơ lúc', 'Applied at'), access: systemOnly, admin: readOnlySidebar },
    { name: 'revokedBy', type: 'relationship', relationTo: 'accounts', label: label('Người hủy bỏ', 'Revoked by'), access: systemOnly, admin: readOnlySidebar },
    { name: 'revokedAt', type: 'date', label: label('Hủy bỏ lúc', 'Revoked at'), access: systemOnly, admin: readOnlySidebar },
    { name: 'revocationReason', type: 'textarea', label: label('Lý do hủy bỏ', 'Reason for revocation'), access: systemOnly, admin: readOnlySidebar },
    // What applying changed (values before, rows written and closed, accounts disabled), so a revocation restores it.
    { name: 'applied', type: 'json', access: { read: () => false, ...systemOnly }, admin: { hidden: true } },
  ],
}
