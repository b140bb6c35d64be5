import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { sysadminOnly } from '../../access/isSysadmin'
import { runBackupEndpoint } from './endpoints'
import { label } from '../shared/fields'

/**
 * Sao lưu — one row per backup run or restore drill (QĐ 832/QĐ-BNV: monthly backups, tested restores).
 * Written only by the backup job and the drill (Local API); through the API the system administrator
 * reads them and starts a backup with POST /api/backups/run, nothing else.
 */
export const Backups: CollectionConfig = {
  slug: 'backups',
  labels: { singular: label('Bản sao lưu', 'Backup'), plural: label('Sao lưu', 'Backups') },
  admin: {
    group: label('Hệ thống', 'System'),
    defaultColumns: ['startedAt', 'kind', 'trigger', 'status', 'size', 'archive'],
    useAsTitle: 'archive',
  },
  access: { read: sysadminOnly, create: nobody, update: nobody, delete: nobody },
  endpoints: [{ path: '/run', method: 'post', handler: runBackupEndpoint }],
  defaultSort: '-startedAt',
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'backup',
      options: [
        { value: 'backup', label: label('Sao lưu', 'Backup') },
        { value: 'drill', label: label('Diễn tập khôi phục', 'Restore drill') },
      ],
      label: label('Loại', 'Kind'),
    },
    {
      name: 'trigger',
      type: 'select',
      required: true,
      defaultValue: 'manual',
      options: [
        { value: 'scheduled', label: label('Theo lịch', 'Scheduled') },
        { value: 'manual', label: label('Theo yêu cầu', 'On demand') },
      ],
      label: label('Khởi động', 'Trigger'),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      options: [
        { value: 'queued', label: label('Đang chờ', 'Queued') },
        { value: 'running', label: label('Đang chạy', 'Running') },
        { value: 'succeeded', label: label('Thành công', 'Succeeded') },
        { value: 'failed', label: label('Thất bại', 'Failed') },
      ],
      label: label('Trạng thái', 'Status'),
    },
    {
      // One scheduled run per slot across all app instances: the unique index refuses the second.
      name: 'slot',
      type: 'text',
      unique: true,
      label: label('Kỳ theo lịch', 'Scheduled slot'),
      admin: { description: label('Mốc thời gian của lần chạy theo lịch', 'The scheduled time this run belongs to') },
    },
    { name: 'archive', type: 'text', label: label('Tệp sao lưu', 'Archive') },
    { name: 'startedAt', type: 'date', label: label('Bắt đầu', 'Started'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', label: label('Kết thúc', 'Finished'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'size', type: 'number', label: label('Dung lượng (byte)', 'Size (bytes)') },
    { name: 'checksum', type: 'text', label: label('SHA-256 của tệp', 'Archive SHA-256') },
    { name: 'attempts', type: 'number', defaultValue: 0, label: label('Số lần chạy', 'Attempts') },
    { name: 'error', type: 'textarea', label: label('Lỗi', 'Error') },
    { name: 'result', type: 'json', label: label('Chi tiết', 'Details') },
    { name: 'removedAt', type: 'date', label: label('Đã xóa theo thời hạn lưu giữ', 'Removed by retention') },
  ],
}
