import type { CollectionConfig } from 'payload'

import { readReminderSends } from '../../access/reminderSends'
import { noGenericWrites } from '../../access/changeRequests'
import { label } from '../shared/fields'
import { hiddenFromStaff } from '../../src/accounts/staffOnly'
import { reminderEndpoints } from './endpoints'

export const REMINDER_TEMPLATES = ['person-digest', 'hr-digest', 'manual'] as const
export const REMINDER_SEND_STATUSES = ['sending', 'sent', 'failed'] as const

/**
 * Thư nhắc cập nhật đã gửi — one row per message: who, when, which template, the result, the period.
 * The unique index (recipient, template, period_key) is the guarantee against duplicates: a message is
 * claimed by inserting its row before it is sent, so a retry or a second app instance cannot claim it
 * again (migrations/*reminder_sends_unique*). Written only by src/reminders/; nobody edits it.
 */
export const ReminderSends: CollectionConfig = {
  slug: 'reminder-sends',
  labels: { singular: label('Thư nhắc cập nhật', 'Reminder sent'), plural: label('Thư nhắc cập nhật', 'Reminders sent') },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'template', 'periodKey', 'status', 'sentAt', 'attempts'],
    group: label('Hồ sơ', 'Records'),
    hidden: hiddenFromStaff,
    description: label(
      'Nhật ký thư nhắc cập nhật hồ sơ: người nhận, mẫu thư, kỳ gửi, kết quả.',
      'Log of update reminders: recipient, template, period, result.',
    ),
  },
  access: { read: readReminderSends, create: noGenericWrites, update: noGenericWrites, delete: noGenericWrites },
  endpoints: reminderEndpoints,
  fields: [
    { name: 'recipient', type: 'relationship', relationTo: 'accounts', required: true, index: true, label: label('Tài khoản nhận', 'Recipient account') },
    { name: 'staff', type: 'relationship', relationTo: 'staff', index: true, label: label('Hồ sơ', 'Record') },
    { name: 'email', type: 'text', required: true, label: label('Địa chỉ thư', 'E-mail address') },
    {
      name: 'template',
      type: 'select',
      required: true,
      label: label('Mẫu thư', 'Template'),
      options: [
        { value: 'person-digest', label: label('Nhắc cá nhân hằng tuần', 'Weekly personal digest') },
        { value: 'hr-digest', label: label('Tổng hợp cho cán bộ tổ chức', 'Weekly HR digest') },
        { value: 'manual', label: label('Đơn vị nhắc trực tiếp', 'Manual reminder') },
        { value: 'data-request', label: label('Hạn yêu cầu về dữ liệu cá nhân', 'Personal-data request deadline') },
      ],
    },
    { name: 'periodKey', type: 'text', required: true, label: label('Kỳ gửi', 'Period') },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'sending',
      index: true,
      label: label('Kết quả', 'Result'),
      options: [
        { value: 'sending', label: label('Đang gửi', 'Sending') },
        { value: 'sent', label: label('Đã gửi', 'Sent') },
        { value: 'failed', label: label('Gửi lỗi', 'Failed') },
      ],
    },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0, label: label('Số lần thử', 'Attempts') },
    { name: 'error', type: 'text', label: label('Lỗi', 'Error') },
    { name: 'sentAt', type: 'date', label: label('Gửi lúc', 'Sent at'), admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
    { name: 'requestedBy', type: 'relationship', relationTo: 'accounts', label: label('Người yêu cầu', 'Requested by') },
  ],
}
