import type { CollectionConfig, FieldHook } from 'payload'

import { readDataRequests } from '../../access/dataRequests'
import { nobody } from '../../access/nobody'
import { auditReads } from '../../hooks/audit/auditReads'
import { dueStateOf } from '../../hooks/dataRequests/dueState'
import {
  DATA_REQUEST_OUTCOME_LABELS,
  DATA_REQUEST_OUTCOMES,
  DATA_REQUEST_STATE_LABELS,
  DATA_REQUEST_STATES,
  DATA_REQUEST_TYPE_LABELS,
  DATA_REQUEST_TYPES,
  DUE_STATE_LABELS,
  REFUSAL_BASES,
  REFUSAL_BASIS_LABELS,
} from '../../src/domain/dataRequests'
import { label } from '../shared/fields'
import { dataRequestEndpoints } from './endpoints'

const ro = { readOnly: true }
const side = { readOnly: true, position: 'sidebar' as const }
const options = <T extends string>(values: readonly T[], labels: Record<T, { vi: string; en: string }>) => values.map((v) => ({ value: v, label: labels[v] }))
const day = (name: string, vi: string, en: string, admin: Record<string, unknown> = ro) =>
  ({ name, type: 'text', label: label(vi, en), admin: { ...admin, description: label('ngày (năm-tháng-ngày)', 'day (year-month-day)') } }) as const
const instant = (name: string, vi: string, en: string) =>
  ({ name, type: 'date', label: label(vi, en), admin: { ...side, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } }) as const

/**
 * Yêu cầu về dữ liệu cá nhân — the register of data subjects' requests (Luật 91/2025/QH15 Điều 4.1, NĐ 356/2025
 * Điều 5): what was asked, when received, its deadlines on the working-day calendar, the first reply, the one
 * extension, the outcome and its legal basis. Written only by the endpoints (src/dataRequests/workflow.ts), each step
 * an audit event; never deleted through the API.
 */
export const DataRequests: CollectionConfig = {
  slug: 'data-requests',
  labels: { singular: label('Yêu cầu về dữ liệu cá nhân', 'Personal-data request'), plural: label('Yêu cầu về dữ liệu cá nhân', 'Personal-data requests') },
  defaultSort: '-receivedAt',
  disableDuplicate: true,
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['type', 'subject', 'staff', 'receivedOn', 'state', 'dueState'],
    group: label('Dữ liệu cá nhân', 'Personal data'),
    description: label(
      'Yêu cầu của chủ thể dữ liệu: trả lời lần đầu trong 02 ngày làm việc; xem, chỉnh sửa, cung cấp trong 10 ngày; xóa 20 ngày; rút lại sự đồng ý, hạn chế, phản đối 15 ngày (Nghị định 356/2025 Điều 5). Gia hạn tối đa 01 lần, có lý do.',
      'Requests of data subjects: first reply within 02 working days; view, correct, provide within 10 days; delete 20; withdraw consent, restrict, object 15 (Decree 356/2025 Art. 5). One extension at most, with a reason.',
    ),
    pagination: { defaultLimit: 25 },
  },
  access: { read: readDataRequests, create: nobody, update: nobody, delete: nobody },
  endpoints: dataRequestEndpoints,
  hooks: { afterOperation: [auditReads] },
  fields: [
    { name: 'type', type: 'select', required: true, index: true, label: label('Loại yêu cầu', 'Kind'), options: options(DATA_REQUEST_TYPES, DATA_REQUEST_TYPE_LABELS), admin: ro },
    { name: 'staff', type: 'relationship', relationTo: 'staff', required: true, index: true, label: label('Người yêu cầu (chủ thể dữ liệu)', 'Data subject'), admin: ro },
    { name: 'subject', type: 'text', required: true, label: label('Dữ liệu liên quan', 'About'), admin: ro },
    { name: 'items', type: 'json', label: label('Các mục của hồ sơ', 'Items of the record'), admin: ro },
    { name: 'text', type: 'textarea', label: label('Nội dung yêu cầu', 'Request'), admin: ro },
    { name: 'thirdParties', type: 'checkbox', label: label('Cần bên xử lý, bên thứ ba thực hiện', 'Processors or third parties must act'), admin: ro },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'received',
      index: true,
      label: label('Trạng thái', 'State'),
      options: options(DATA_REQUEST_STATES, DATA_REQUEST_STATE_LABELS),
      admin: side,
    },
    {
      name: 'dueState',
      type: 'select',
      virtual: true,
      label: label('Thời hạn', 'Due'),
      options: options(Object.keys(DUE_STATE_LABELS) as Array<keyof typeof DUE_STATE_LABELS>, DUE_STATE_LABELS),
      hooks: { afterRead: [dueStateOf as FieldHook] },
      admin: side,
    },
    { name: 'channel', type: 'select', required: true, label: label('Hình thức tiếp nhận', 'Received'), options: [{ value: 'online', label: label('Trực tuyến', 'Online') }, { value: 'paper', label: label('Văn bản giấy', 'On paper') }], admin: side },
    { name: 'filedBy', type: 'relationship', relationTo: 'accounts', label: label('Người nhập', 'Entered by'), admin: { ...side, hidden: true } },
    instant('receivedAt', 'Thời điểm tiếp nhận', 'Received at'),
    day('receivedOn', 'Ngày tiếp nhận', 'Day received', side),
    day('firstReplyDue', 'Hạn trả lời lần đầu', 'First reply due', side),
    day('dueDate', 'Hạn giải quyết', 'Due', side),
    day('extendedDueDate', 'Hạn giải quyết sau gia hạn', 'Due after extension', side),
    { name: 'firstReplyText', type: 'textarea', label: label('Trả lời lần đầu', 'First reply'), admin: ro },
    instant('firstRepliedAt', 'Trả lời lần đầu lúc', 'First reply at'),
    day('firstRepliedOn', 'Ngày trả lời lần đầu', 'Day of first reply', { ...ro, hidden: true }),
    { name: 'firstRepliedBy', type: 'relationship', relationTo: 'accounts', label: label('Người trả lời', 'Replied by'), admin: { ...ro, hidden: true } },
    { name: 'extensionDays', type: 'number', label: label('Số ngày gia hạn', 'Extension (days)'), admin: ro },
    { name: 'extensionReason', type: 'textarea', label: label('Lý do gia hạn', 'Reason for the extension'), admin: ro },
    instant('extendedAt', 'Gia hạn lúc', 'Extended at'),
    { name: 'outcome', type: 'select', label: label('Kết quả', 'Outcome'), options: options(DATA_REQUEST_OUTCOMES, DATA_REQUEST_OUTCOME_LABELS), admin: ro },
    { name: 'legalBasis', type: 'select', label: label('Căn cứ pháp lý', 'Legal basis'), options: options(REFUSAL_BASES, REFUSAL_BASIS_LABELS), admin: ro },
    { name: 'outcomeReason', type: 'textarea', label: label('Lý do', 'Reason'), admin: ro },
    instant('closedAt', 'Giải quyết xong lúc', 'Closed at'),
    day('closedOn', 'Ngày giải quyết xong', 'Day closed', { ...ro, hidden: true }),
    { name: 'closedBy', type: 'relationship', relationTo: 'accounts', label: label('Người giải quyết', 'Closed by'), admin: { ...ro, hidden: true } },
    // Corrections (Luật 91 Điều 13): declared items through the person's change request, HR-owned ones as HR's task.
    { name: 'changeRequest', type: 'relationship', relationTo: 'change-requests', label: label('Yêu cầu cập nhật hồ sơ đã duyệt', 'Approved change request'), admin: ro },
    { name: 'correctionTask', type: 'checkbox', index: true, label: label('Việc chỉnh sửa của bộ phận tổ chức cán bộ', 'Correction task for HR'), admin: side },
    instant('correctionDoneAt', 'Bộ phận tổ chức cán bộ đã chỉnh sửa lúc', 'HR corrected at'),
    { name: 'correctionDoneBy', type: 'relationship', relationTo: 'accounts', label: label('Người chỉnh sửa', 'Corrected by'), admin: { ...ro, hidden: true } },
    { name: 'correctionNote', type: 'textarea', label: label('Ghi chú chỉnh sửa', 'Correction note'), admin: ro },
    // The officer's narrow access to the items the request concerns (src/domain/officerAccess.ts).
    {
      name: 'accessStatus',
      type: 'select',
      label: label('Quyền truy cập của cán bộ bảo vệ dữ liệu', 'Officer access'),
      options: [
        { value: 'requested', label: label('Chờ Vụ Tổ chức cán bộ phê duyệt', 'Waiting for ministry HR') },
        { value: 'approved', label: label('Đã phê duyệt', 'Approved') },
      ],
      admin: side,
    },
    { name: 'accessRequestedBy', type: 'relationship', relationTo: 'accounts', label: label('Người đề nghị truy cập', 'Access asked by'), admin: { ...ro, hidden: true } },
    { name: 'accessApprovedBy', type: 'relationship', relationTo: 'accounts', label: label('Người phê duyệt truy cập', 'Access approved by'), admin: { ...ro, hidden: true } },
    instant('accessApprovedAt', 'Phê duyệt truy cập lúc', 'Access approved at'),
    instant('accessUntil', 'Truy cập đến', 'Access until'),
  ],
}
