import type { CollectionConfig } from 'payload'

import { isLoggedIn } from '../../access/isLoggedIn'
import { nobody } from '../../access/nobody'
import { sysadminOnly } from '../../access/isSysadmin'
import { auditChangesHook } from '../../hooks/audit/auditChanges'
import { afterWindowChange, checkWindow } from '../../hooks/maintenance/scheduleWindow'
import { MAINTENANCE_KINDS } from '../../src/domain/maintenance'
import { label, textareaField, textField } from '../shared/fields'
import { approveShortNoticeEndpoint, endWindowEndpoint } from './endpoints'

const nothingSensitive = () => false
const fixed = { create: () => false, update: () => false }
const dateTime = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'dd/MM/yyyy HH:mm', timeFormat: 'HH:mm' } }

/**
 * Lịch tạm dừng bảo trì — announced maintenance (src/domain/maintenance.ts, docs/operations.md). The system
 * administrator schedules a window; it is announced (banner, e-mail, GET /api/status) at once when its notice is
 * long enough, otherwise when ministry HR approves the short notice. Never deleted: cancelled or ended early,
 * so the availability delivered each month can be reported. Every change is an audit event.
 */
export const MaintenanceWindows: CollectionConfig = {
  slug: 'maintenance-windows',
  labels: { singular: label('Lần tạm dừng bảo trì', 'Maintenance window'), plural: label('Lịch tạm dừng bảo trì', 'Maintenance windows') },
  defaultSort: '-startsAt',
  disableDuplicate: true,
  admin: {
    useAsTitle: 'titleVi',
    defaultColumns: ['titleVi', 'kind', 'startsAt', 'endsAt', 'shortNoticeApprovedAt', 'endedAt', 'cancelledAt'],
    group: label('Hệ thống', 'System'),
    description: label(
      'Thông báo trước ít nhất 5 ngày làm việc; thông báo gấp hơn cần nêu lý do và được Vụ Tổ chức cán bộ phê duyệt. Thời gian theo giờ Việt Nam.',
      'Announce at least 5 working days ahead; a shorter notice gives its reason and needs ministry HR’s approval. Times are Việt Nam time.',
    ),
  },
  access: { read: isLoggedIn, create: sysadminOnly, update: sysadminOnly, delete: nobody },
  endpoints: [approveShortNoticeEndpoint, endWindowEndpoint],
  hooks: { beforeChange: [checkWindow], afterChange: [auditChangesHook(nothingSensitive), afterWindowChange] },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'read-only',
      options: MAINTENANCE_KINDS.map((k) => ({
        value: k,
        label: k === 'read-only' ? label('Chỉ xem (không lưu được thay đổi)', 'Read-only (no change can be saved)') : label('Dừng hoàn toàn', 'Full stop'),
      })),
      label: label('Loại tạm dừng', 'Kind'),
    },
    { name: 'startsAt', type: 'date', required: true, index: true, admin: dateTime, label: label('Bắt đầu', 'Starts') },
    { name: 'endsAt', type: 'date', required: true, index: true, admin: dateTime, label: label('Kết thúc', 'Ends') },
    textField('titleVi', 'Nội dung bảo trì', 'What (Vietnamese)', { required: true }),
    textField('titleEn', 'Nội dung (tiếng Anh)', 'What (English)'),
    textareaField('reasonVi', 'Lý do', 'Why (Vietnamese)'),
    textareaField('reasonEn', 'Lý do (tiếng Anh)', 'Why (English)'),
    textareaField('shortNoticeReason', 'Lý do thông báo gấp', 'Reason for short notice', {
      admin: { description: label('Bắt buộc khi thông báo trước ít hơn 5 ngày làm việc', 'Required with less than 5 working days’ notice') },
    }),
    { name: 'announcedAt', type: 'date', access: fixed, admin: { readOnly: true, position: 'sidebar', ...dateTime }, label: label('Thông báo lúc', 'Announced at') },
    { name: 'shortNoticeApprovedAt', type: 'date', access: fixed, admin: { readOnly: true, position: 'sidebar', ...dateTime }, label: label('Phê duyệt thông báo gấp lúc', 'Short notice approved at') },
    { name: 'shortNoticeApprovedBy', type: 'relationship', relationTo: 'accounts', access: fixed, admin: { readOnly: true, position: 'sidebar' }, label: label('Người phê duyệt', 'Approved by') },
    { name: 'endedAt', type: 'date', access: fixed, admin: { readOnly: true, position: 'sidebar', ...dateTime }, label: label('Kết thúc sớm lúc', 'Ended early at') },
    { name: 'cancelledAt', type: 'date', admin: { position: 'sidebar', ...dateTime }, label: label('Huỷ lúc', 'Cancelled at') },
  ],
}
