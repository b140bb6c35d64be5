import type { CollectionConfig } from 'payload'

import { ministryHrOnly } from '../../access/organisationManagers'
import { nobody } from '../../access/nobody'
import { hiddenFromStaff } from '../../src/accounts/staffOnly'
import { label } from '../shared/fields'

/**
 * Ấn bản báo cáo — every exported report run (src/reports/editions.ts): the definition and its version as run,
 * the date, the units, the parameters and the file's SHA-256, so the same file can be produced again and checked.
 * Written by the server only; read by ministry HR.
 */
export const ReportEditions: CollectionConfig = {
  slug: 'report-editions',
  labels: { singular: label('Ấn bản báo cáo', 'Report edition'), plural: label('Ấn bản báo cáo', 'Report editions') },
  disableDuplicate: true,
  defaultSort: '-createdAt',
  admin: { useAsTitle: 'code', defaultColumns: ['code', 'reportDate', 'format', 'fileHash', 'createdAt'], group: label('Báo cáo', 'Reports'), hidden: hiddenFromStaff },
  access: { read: ministryHrOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'code', type: 'text', required: true, index: true, label: label('Mã báo cáo', 'Report code') },
    { name: 'version', type: 'number', required: true, label: label('Phiên bản định nghĩa', 'Definition version') },
    { name: 'reportDate', type: 'text', required: true, label: label('Tính đến ngày (YYYY-MM-DD)', 'Reporting date (YYYY-MM-DD)') },
    { name: 'format', type: 'text', required: true, label: label('Định dạng', 'Format') },
    { name: 'units', type: 'json', required: true, label: label('Đơn vị', 'Units') },
    { name: 'parameters', type: 'json', required: true, label: label('Tham số', 'Parameters') },
    { name: 'definition', type: 'json', required: true, label: label('Định nghĩa đã chạy', 'Definition as run') },
    { name: 'fileHash', type: 'text', required: true, index: true, label: label('SHA-256 của tệp', 'File SHA-256') },
    { name: 'requestedBy', type: 'relationship', relationTo: 'accounts', label: label('Người xuất', 'Exported by') },
  ],
}
