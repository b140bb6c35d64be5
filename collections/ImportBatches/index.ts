import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { readOwnImportBatches } from '../../access/importBatches'
import { label } from '../shared/fields'
import { importBatchEndpoints } from './endpoints'

/**
 * Lượt nhập hồ sơ từ Excel (issue 22, docs/import.md): one upload's dry run — the file's SHA-256, who ran it, the
 * mode, counts, problems, each row's outcome and the decisions on possible duplicates — and, once committed, when.
 * Written only by src/import through the endpoints; the file itself is kept sealed and never returned.
 */
export const ImportBatches: CollectionConfig = {
  slug: 'import-batches',
  labels: { singular: label('Lượt nhập Excel', 'Excel import'), plural: label('Lượt nhập Excel', 'Excel imports') },
  admin: {
    useAsTitle: 'fileName',
    defaultColumns: ['fileName', 'mode', 'status', 'createdBy', 'createdAt', 'committedAt'],
    group: label('Hồ sơ', 'Records'),
  },
  access: { read: readOwnImportBatches, create: nobody, update: nobody, delete: nobody },
  endpoints: importBatchEndpoints,
  fields: [
    { name: 'fileName', type: 'text', label: label('Tên tệp', 'File name'), admin: { readOnly: true } },
    { name: 'fileSha256', type: 'text', required: true, index: true, label: label('SHA-256 của tệp', 'File SHA-256'), admin: { readOnly: true } },
    {
      name: 'mode',
      type: 'select',
      required: true,
      label: label('Chế độ', 'Mode'),
      options: [
        { value: 'create', label: label('Thêm mới', 'Create') },
        { value: 'update', label: label('Cập nhật', 'Update') },
        { value: 'upsert', label: label('Thêm mới hoặc cập nhật', 'Create or update') },
      ],
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'previewed',
      label: label('Trạng thái', 'Status'),
      options: [
        { value: 'previewed', label: label('Đã chạy thử', 'Dry run done') },
        { value: 'committed', label: label('Đã ghi', 'Committed') },
      ],
      admin: { readOnly: true },
    },
    { name: 'counts', type: 'json', label: label('Số lượng', 'Counts'), admin: { readOnly: true } },
    { name: 'problems', type: 'json', label: label('Lỗi', 'Problems'), admin: { readOnly: true } },
    { name: 'rows', type: 'json', label: label('Kết quả từng dòng', 'Row outcomes'), admin: { readOnly: true } },
    { name: 'decisions', type: 'json', label: label('Quyết định về hồ sơ có thể trùng', 'Duplicate decisions'), admin: { readOnly: true } },
    { name: 'baseHashes', type: 'json', hidden: true },
    // The uploaded workbook, sealed (base64 of up to 64 MB, so beyond Payload's default text length).
    { name: 'file', type: 'textarea', hidden: true, maxLength: 100 * 1024 * 1024 },
    { name: 'createdBy', type: 'relationship', relationTo: 'accounts', required: true, index: true, label: label('Người nhập', 'Imported by'), admin: { readOnly: true } },
    { name: 'defaultUnit', type: 'relationship', relationTo: 'units', label: label('Đơn vị mặc định', 'Default unit'), admin: { readOnly: true } },
    { name: 'committedAt', type: 'date', label: label('Thời điểm ghi', 'Committed at'), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' } } },
  ],
}
