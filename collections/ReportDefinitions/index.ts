import type { CollectionConfig } from 'payload'

import { ministryHrOnly } from '../../access/organisationManagers'
import { auditChangesHook } from '../../hooks/audit/auditChanges'
import { prepareDefinition } from '../../hooks/reports/prepareDefinition'
import { hiddenFromStaff } from '../../src/accounts/staffOnly'
import { label } from '../shared/fields'

const derived = { readOnly: true, description: label('Lấy từ định nghĩa JSON', 'Taken from the JSON definition') }

/**
 * Định nghĩa báo cáo thống kê — report definitions saved by ministry HR without code (src/domain/reports,
 * docs/reports.md): the JSON is validated on every save and refused by name. A saved definition with a shipped
 * definition's code takes its place. Not named `reports`: the report endpoints are /api/reports (root endpoints).
 */
export const ReportDefinitions: CollectionConfig = {
  slug: 'report-definitions',
  labels: { singular: label('Định nghĩa báo cáo', 'Report definition'), plural: label('Định nghĩa báo cáo', 'Report definitions') },
  disableDuplicate: true,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['code', 'title', 'version', 'active'],
    group: label('Báo cáo', 'Reports'),
    hidden: hiddenFromStaff,
  },
  access: { read: ministryHrOnly, create: ministryHrOnly, update: ministryHrOnly, delete: ministryHrOnly },
  hooks: { beforeChange: [prepareDefinition], afterChange: [auditChangesHook(() => false)] },
  fields: [
    { name: 'code', type: 'text', unique: true, index: true, label: label('Mã báo cáo', 'Report code'), admin: derived },
    { name: 'title', type: 'text', label: label('Tên báo cáo', 'Title'), admin: derived },
    { name: 'version', type: 'number', label: label('Phiên bản', 'Version'), admin: derived },
    { name: 'active', type: 'checkbox', defaultValue: true, label: label('Đang dùng', 'In use') },
    { name: 'definition', type: 'json', required: true, label: label('Định nghĩa (JSON)', 'Definition (JSON)') },
  ],
}
