/**
 * The template and the export of the staff list in the import layout (issue 22): the export is the list the user
 * is looking at (the staff list's filters and read scope, src/search/staffList.ts), each record as its reader may
 * see it (sensitive items only by duty, loadCanonicalRecords), audited as a read and as an export, streamed.
 */
import { PassThrough } from 'node:stream'

import type { PayloadRequest } from 'payload'

import { actorWithGrants } from '../accounts/actor'
import { recordAuditEvent } from '../audit/record'
import { poolOf } from '../db/pool'
import { recordScope } from '../domain/access'
import { refuse } from '../domain/errors'
import { maySeeSensitive } from '../domain/sensitivity'
import { parseStaffListQuery } from '../domain/staffListQuery'
import { loadCanonicalRecords } from '../records/canonicalRecords'
import { listStaffIds } from '../search/staffList'
import { importActor, writesSensitive } from './plan'
import { importReferences } from './references'
import { writeImportWorkbook } from './workbook'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function xlsxResponse(fileName: string, fill: (out: PassThrough) => Promise<unknown>): Response {
  const out = new PassThrough()
  fill(out).catch((e) => out.destroy(e as Error))
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      out.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)))
      out.on('end', () => controller.close())
      out.on('error', (e) => controller.error(e))
    },
    cancel() {
      out.destroy()
    },
  })
  return new Response(body, {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}

/** The empty template for the signed-in HR officer (sensitive columns only when they may write them). */
export async function templateResponse(req: PayloadRequest): Promise<Response> {
  const actor = await importActor(req)
  const refs = await importReferences(req.payload)
  return xlsxResponse('mau-nhap-ho-so.xlsx', (out) => writeImportWorkbook(out, { sensitive: writesSensitive(actor), refs }))
}

/**
 * The export of the staff list with the list's query parameters (unit, rank, position, gender, ageBand,
 * partyMember, archived, sort; page and limit are ignored: the whole list). Sensitive columns are present for
 * those who see sensitive items by duty; a record whose items its reader may not see has them blank (blank =
 * unchanged when imported back).
 */
export async function exportResponse(req: PayloadRequest): Promise<Response> {
  const actor = await actorWithGrants(req)
  const scope = recordScope(actor, 'read')
  if (!actor || scope.kind === 'none') refuse('forbidden', 'staff', 'Bạn không có quyền xem danh sách hồ sơ', 'You may not read the staff list')
  const params = [...new URL(req.url ?? '', 'http://local').searchParams].filter(([k]) => k !== 'page' && k !== 'limit')
  const query = parseStaffListQuery(params)
  if ('error' in query) refuse('invalid', 'query', query.error.vi, query.error.en)
  const q = query as Exclude<typeof query, { error: unknown }>
  if (q.filter.partyMember !== undefined && !maySeeSensitive(actor, null)) {
    refuse('forbidden', 'partyMember', 'Bạn không có quyền lọc theo đảng viên (thông tin nhạy cảm)', 'You may not filter on party membership (a sensitive item)')
  }
  const ids = await listStaffIds(poolOf(req.payload), q, scope as Exclude<typeof scope, { kind: 'none' }>)
  const refs = await importReferences(req.payload)
  await recordAuditEvent(req, { operation: 'export', collection: 'staff', recordIds: ids, detail: { format: 'xlsx', layout: 'import', filter: Object.fromEntries(params) } })
  // Sensitive columns for HR officers by duty; the rows of records they may not see sensitive items of stay blank.
  const sensitive = writesSensitive(actor) || maySeeSensitive(actor, null)
  return xlsxResponse('ho-so.xlsx', (out) => writeImportWorkbook(out, { sensitive, refs, records: loadCanonicalRecords({ req }, ids) }))
}
