import type { CollectionConfig } from 'payload'

import { auditorOnly } from '../../access/isAuditor'
import { nobody } from '../../access/nobody'
import { drainOutboxBeforeRead } from '../../hooks/audit/drainOutboxBeforeRead'
import { AUDIT_OPERATION_LABELS, AUDIT_OPERATIONS } from '../../src/domain/auditOperations'
import { label } from '../shared/fields'
import { actorsEndpoint } from './endpoints/actors'
import { exportCsvEndpoint } from './endpoints/exportCsv'
import { mineEndpoint } from './endpoints/mine'

/**
 * Nhật ký truy cập — the append-only audit trail (domain.md §6.3). Rows are written by src/audit/ with
 * one SQL insert; the database numbers them, stamps the time and chains their SHA-256 hashes, and refuses
 * UPDATE, DELETE and TRUNCATE (migrations/*audit_chain*). `npm run audit:verify` checks the chain.
 * Actors are stored as a snapshot (id, name, roles), not a foreign key: deleting an account must not
 * rewrite its history.
 */
export const AuditEvents: CollectionConfig = {
  slug: 'audit-events',
  labels: { singular: label('Nhật ký truy cập', 'Audit event'), plural: label('Nhật ký truy cập', 'Audit trail') },
  timestamps: false,
  // Events are never edited: no edit locks (which would also tie lock rows to audit rows).
  lockDocuments: false,
  defaultSort: '-seq',
  admin: {
    useAsTitle: 'seq',
    defaultColumns: ['seq', 'occurredAt', 'operation', 'actorName', 'targetCollection', 'recordIds', 'purpose'],
    listSearchableFields: ['actorName', 'subjects', 'recordIds'],
    group: label('Hệ thống', 'System'),
    pagination: { defaultLimit: 50 },
    description: label(
      'Mọi thay đổi, lượt xem, in, xuất, ký và đăng nhập. Lọc theo hồ sơ, người thực hiện, đơn vị, thao tác và thời gian ở khung lọc bên dưới; tệp CSV xuất theo đúng bộ lọc đó.',
      'Every change, read, print, export, signature and sign-in. Filter by record, actor, unit, operation and period in the panel below; the CSV export follows the same filter.',
    ),
    components: { beforeListTable: ['/collections/AuditEvents/components/AuditFilterPanel#AuditFilterPanel'] },
  },
  access: { read: auditorOnly, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeOperation: [drainOutboxBeforeRead] },
  endpoints: [mineEndpoint, exportCsvEndpoint, actorsEndpoint],
  fields: [
    { name: 'seq', type: 'number', unique: true, admin: { readOnly: true }, label: label('Số thứ tự', 'Sequence') },
    {
      name: 'occurredAt',
      type: 'date',
      index: true,
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' } },
      label: label('Thời điểm', 'Time'),
    },
    {
      name: 'operation',
      type: 'select',
      required: true,
      options: AUDIT_OPERATIONS.map((value) => ({ value, label: AUDIT_OPERATION_LABELS[value] })),
      label: label('Thao tác', 'Operation'),
    },
    { name: 'targetCollection', type: 'text', admin: { components: { Cell: '/collections/AuditEvents/components/AuditCells#CollectionCell', Field: '/collections/AuditEvents/components/AuditCells#CollectionField' } }, label: label('Loại dữ liệu', 'Collection') },
    { name: 'recordIds', type: 'text', admin: { components: { Cell: '/collections/AuditEvents/components/AuditCells#DottedIdsCell', Field: '/collections/AuditEvents/components/AuditCells#DottedIdsField' } }, label: label('Bản ghi (ID)', 'Records (ID)') },
    { name: 'subjects', type: 'text', admin: { components: { Cell: '/collections/AuditEvents/components/AuditCells#DottedIdsCell', Field: '/collections/AuditEvents/components/AuditCells#DottedIdsField' } }, label: label('Người liên quan — hồ sơ (ID)', 'Subjects — staff records (ID)') },
    { name: 'subjectUnits', type: 'text', admin: { components: { Cell: '/collections/AuditEvents/components/AuditCells#DottedIdsCell', Field: '/collections/AuditEvents/components/AuditCells#DottedIdsField' } }, label: label('Đơn vị của người liên quan (ID)', "Subjects' units (ID)") },
    { name: 'actorId', type: 'number', index: true, label: label('Tài khoản thực hiện (ID)', 'Actor account (ID)') },
    { name: 'actorName', type: 'text', label: label('Người thực hiện', 'Actor') },
    { name: 'actorRoles', type: 'text', admin: { components: { Cell: '/collections/AuditEvents/components/AuditCells#RolesCell', Field: '/collections/AuditEvents/components/AuditCells#RolesField' } }, label: label('Vai trò', 'Roles') },
    { name: 'ip', type: 'text', label: label('Địa chỉ IP', 'IP address') },
    { name: 'userAgent', type: 'text', label: label('Trình duyệt', 'User agent') },
    { name: 'requestId', type: 'text', label: label('Mã yêu cầu', 'Request id') },
    { name: 'purpose', type: 'text', label: label('Mục đích', 'Purpose') },
    // Shown by our own components: Payload's JSON field loads its editor from a CDN, which the CSP blocks.
    {
      name: 'changes',
      type: 'json',
      label: label('Thay đổi (trước → sau)', 'Changes (before → after)'),
      admin: { components: { Field: '/collections/AuditEvents/components/AuditChanges#AuditChanges' } },
    },
    {
      name: 'detail',
      type: 'json',
      label: label('Chi tiết', 'Detail'),
      admin: { components: { Field: '/collections/AuditEvents/components/AuditChanges#AuditDetail' } },
    },
    { name: 'prevHash', type: 'text', admin: { readOnly: true }, label: label('Mã băm bản ghi trước', 'Previous hash') },
    { name: 'hash', type: 'text', admin: { readOnly: true }, label: label('Mã băm (SHA-256)', 'Hash (SHA-256)') },
  ],
}
