import type { Endpoint, PayloadRequest } from 'payload'

import { refuse } from '../../../src/domain/errors'
import { dryRunImport, parseMode } from '../../../src/import/batches'
import { exportResponse, templateResponse } from '../../../src/import/exportList'
import { MAX_IMPORT_BYTES } from '../../../src/import/limits'
import { readBodyCapped } from '../../shared/requestBody'
import { handle } from '../../shared/responses'

const MB = 1024 * 1024

/** The multipart form of an import: the file and the options (also accepted as query parameters). */
async function importForm(req: PayloadRequest) {
  const type = req.headers.get('content-type') ?? ''
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    refuse('invalid', 'file', 'Gửi tệp Excel dạng multipart/form-data, trường "file"', 'Send the Excel file as multipart/form-data, field "file"')
  }
  const body = await readBodyCapped(req.body as ReadableStream<Uint8Array> | null, MAX_IMPORT_BYTES + MB)
  if (!body) refuse('invalid', 'file', `Tệp quá lớn (tối đa ${MAX_IMPORT_BYTES / MB} MB)`, `File too large (${MAX_IMPORT_BYTES / MB} MB at most)`)
  let form: FormData
  try {
    form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': type }, body: body as BodyInit }).formData()
  } catch {
    refuse('invalid', 'file', 'Không đọc được dữ liệu gửi lên (multipart/form-data)', 'The multipart/form-data body cannot be read')
  }
  const file = form!.get('file')
  if (!file || typeof file === 'string') refuse('invalid', 'file', 'Thiếu tệp Excel (trường "file")', 'The Excel file (field "file") is missing')
  const query = new URL(req.url ?? '', 'http://local').searchParams
  const option = (name: string) => {
    const v = form!.get(name) ?? query.get(name)
    return typeof v === 'string' ? v.trim() : null
  }
  const dryRun = option('dryRun')
  if (dryRun !== null && dryRun !== 'true' && dryRun !== 'false') refuse('invalid', 'dryRun', 'dryRun nhận true hoặc false', 'dryRun takes true or false')
  const unit = option('unit')
  if (unit !== null && unit !== '' && !/^\d{1,9}$/.test(unit)) refuse('invalid', 'unit', 'Mã đơn vị phải là số nguyên dương', 'The unit id must be a positive integer')
  const f = file as File
  return {
    file: Buffer.from(await f.arrayBuffer()),
    fileName: f.name ? f.name.slice(0, 255) : null,
    mode: parseMode(option('mode')),
    dryRun: dryRun !== 'false',
    unitId: unit ? Number(unit) : null,
  }
}

/**
 *   GET  /api/staff/import/template.xlsx   the empty import template (HR officers; sensitive columns by duty)
 *   GET  /api/staff/export.xlsx?unit=…     the staff list with its filters, in the same layout (audited read and export)
 *   POST /api/staff/import                 multipart: file, mode=create|update|upsert, dryRun=true → an import batch
 */
export const importExportEndpoints: Endpoint[] = [
  { path: '/import/template.xlsx', method: 'get', handler: handle((req) => templateResponse(req)) },
  { path: '/export.xlsx', method: 'get', handler: handle((req) => exportResponse(req)) },
  { path: '/import', method: 'post', handler: handle(async (req) => dryRunImport(req, await importForm(req))) },
]
