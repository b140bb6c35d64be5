import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../../access/nobody'
import { readSignedExports } from '../../access/signedExports'
import { EXPORT_STATUSES, EXPORT_STATUS_LABELS } from '../../src/domain/signing/signedExport'
import { label } from '../shared/fields'
import {
  completeExternalSignatureEndpoint,
  downloadSignedExportEndpoint,
  requestSignedExportsEndpoint,
  toBeSignedEndpoint,
} from './endpoints'
import { exportByCodeEndpoint, verifyUploadEndpoint } from './verifyEndpoints'

const signerGroup = (name: string, vi: string, en: string): Field => ({
  name,
  type: 'group',
  label: label(vi, en),
  admin: { readOnly: true },
  fields: [
    { name: 'name', type: 'text', label: label('Người/cơ quan ký', 'Signed by') },
    { name: 'certificate', type: 'text', label: label('Chứng thư số (chủ thể)', 'Certificate subject') },
    { name: 'issuer', type: 'text', label: label('Tổ chức cấp', 'Issuer') },
    { name: 'serial', type: 'text', label: label('Số hiệu chứng thư', 'Certificate serial') },
    { name: 'transport', type: 'text', label: label('Thiết bị ký', 'Key custody') },
    { name: 'signedAt', type: 'date', label: label('Thời điểm ký (dấu thời gian)', 'Signed at (timestamp)'), admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' } } },
  ],
})

/**
 * Văn bản điện tử có ký số — one document of one record (sơ yếu lý lịch 2C-BNV/2008 or HS02-VC/BNV, or the full record)
 * taken through the two signatures of NĐ 30/2020/NĐ-CP by the signing job (jobs/signing). Rows are
 * written only by the job and the endpoints (Local API); readers see the exports of records in their
 * scope. The PDF bytes live in `signed_export_files`, written in the same transaction that marks the
 * row done, so a document is never "done" without its file nor half-signed with a done status.
 */
export const SignedExports: CollectionConfig = {
  slug: 'signed-exports',
  labels: { singular: label('Văn bản ký số', 'Signed export'), plural: label('Văn bản ký số', 'Signed exports') },
  admin: {
    group: label('Hồ sơ', 'Records'),
    useAsTitle: 'code',
    defaultColumns: ['code', 'staff', 'form', 'status', 'createdAt', 'sha256'],
  },
  access: { read: readSignedExports, create: nobody, update: nobody, delete: nobody },
  endpoints: [verifyUploadEndpoint, exportByCodeEndpoint, requestSignedExportsEndpoint, downloadSignedExportEndpoint, toBeSignedEndpoint, completeExternalSignatureEndpoint],
  defaultSort: '-createdAt',
  fields: [
    { name: 'actions', type: 'ui', admin: { components: { Field: '/src/components/signing/SignedExportActions#SignedExportActions' } } },
    { name: 'code', type: 'text', required: true, unique: true, index: true, label: label('Mã tra cứu', 'Verification code'), admin: { readOnly: true } },
    { name: 'staff', type: 'relationship', relationTo: 'staff', required: true, index: true, label: label('Hồ sơ', 'Record'), admin: { readOnly: true } },
    {
      name: 'form',
      type: 'select',
      required: true,
      options: [
        { value: '2c', label: label('Mẫu 2C-BNV/2008', 'Form 2C-BNV/2008') },
        { value: 'hs02', label: label('Mẫu HS02-VC/BNV', 'Form HS02-VC/BNV') },
        { value: 'full', label: label('Toàn bộ hồ sơ (trích xuất)', 'Full record (extract)') },
      ],
      label: label('Biểu mẫu', 'Form'),
      admin: { readOnly: true },
    },
    { name: 'batch', type: 'text', required: true, index: true, label: label('Lượt yêu cầu', 'Request batch'), admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: EXPORT_STATUSES.map((s) => ({ value: s, label: EXPORT_STATUS_LABELS[s] })),
      label: label('Trạng thái', 'Status'),
      admin: { readOnly: true },
    },
    { name: 'requestedBy', type: 'relationship', relationTo: 'accounts', label: label('Người yêu cầu', 'Requested by'), admin: { readOnly: true } },
    signerGroup('person', 'Người có thẩm quyền', 'Competent person'),
    signerGroup('agency', 'Cơ quan quản lý', 'Managing agency'),
    { name: 'level', type: 'text', label: label('Mức PAdES', 'PAdES level'), admin: { readOnly: true } },
    { name: 'sha256', type: 'text', index: true, label: label('SHA-256 của tệp', 'File SHA-256'), admin: { readOnly: true } },
    { name: 'size', type: 'number', label: label('Dung lượng (byte)', 'Size (bytes)'), admin: { readOnly: true } },
    { name: 'error', type: 'textarea', label: label('Lý do không thành công', 'Failure reason'), admin: { readOnly: true, condition: (d) => Boolean(d?.error) } },
    // Where the job stands with an external signer: what was handed out (never a secret), JSON.
    { name: 'pending', type: 'json', admin: { hidden: true }, access: { read: () => false } },
  ],
}
