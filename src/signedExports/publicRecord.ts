/**
 * What the public verification page may say about one of our exports: enough to tell a reader which
 * document it is and who signed it when — never the record's content. The staff member's name is shown
 * only when the uploaded file matches our original byte for byte (the reader already holds it).
 */
import type { Payload } from 'payload'

import { EXPORT_STATUS_LABELS, formatCode, type ExportForm, type ExportStatus } from '../domain/signing/signedExport'

export interface PublicExportRecord {
  code: string
  form: ExportForm
  formLabel: string
  status: ExportStatus
  statusLabel: { vi: string; en: string }
  createdAt: string
  sha256: string | null
  level: string | null
  person: { name: string | null; signedAt: string | null } | null
  agency: { name: string | null; signedAt: string | null } | null
  /** Only when the uploaded file is our original. */
  staffName?: string
}

const FORM_LABELS: Record<ExportForm, string> = {
  '2c': 'Sơ yếu lý lịch — Mẫu 2C-BNV/2008',
  hs02: 'Sơ yếu lý lịch viên chức — Mẫu HS02-VC/BNV',
  full: 'Trích xuất toàn bộ hồ sơ',
}

type Row = {
  code: string
  form: ExportForm
  status: ExportStatus
  createdAt: string
  sha256?: string | null
  level?: string | null
  person?: { name?: string | null; signedAt?: string | null } | null
  agency?: { name?: string | null; signedAt?: string | null } | null
  staff?: { fullName?: string | null } | number | null
}

function toPublic(row: Row, withName: boolean): PublicExportRecord {
  const signer = (s: Row['person']) => (s?.name ? { name: s.name ?? null, signedAt: s.signedAt ?? null } : null)
  return {
    code: formatCode(row.code),
    form: row.form,
    formLabel: FORM_LABELS[row.form],
    status: row.status,
    statusLabel: EXPORT_STATUS_LABELS[row.status],
    createdAt: row.createdAt,
    sha256: row.sha256 ?? null,
    level: row.level ?? null,
    person: signer(row.person),
    agency: signer(row.agency),
    ...(withName && row.staff && typeof row.staff === 'object' && row.staff.fullName ? { staffName: row.staff.fullName } : {}),
  }
}

export async function exportByCode(payload: Payload, code: string): Promise<PublicExportRecord | null> {
  const found = await payload.find({ collection: 'signed-exports', where: { code: { equals: code } }, depth: 0, limit: 1, overrideAccess: true })
  const row = found.docs[0] as unknown as Row | undefined
  return row ? toPublic(row, false) : null
}

/** The done export whose final file has this SHA-256 (hex), with the staff name. */
export async function exportBySha256(payload: Payload, sha256: string): Promise<PublicExportRecord | null> {
  const found = await payload.find({
    collection: 'signed-exports',
    where: { and: [{ sha256: { equals: sha256 } }, { status: { equals: 'done' } }] },
    depth: 1,
    populate: { staff: { fullName: true } },
    limit: 1,
    overrideAccess: true,
  })
  const row = found.docs[0] as unknown as Row | undefined
  return row ? toPublic(row, true) : null
}
