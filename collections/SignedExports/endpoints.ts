import type { Endpoint, PayloadRequest } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { kickSigningQueue, requestExports } from '../../src/signedExports/service'
import { recordAuditEvent } from '../../src/audit/record'
import { isHrOfficer, mayReach } from '../../src/domain/access'
import { chooseForm } from '../../src/domain/forms'
import { EXPORT_FORMS, type ExportForm } from '../../src/domain/signing/signedExport'
import { processExport } from '../../src/signedExports/pipeline'
import { signingServices } from '../../src/signedExports/context'
import { finalFile } from '../../src/signedExports/files'
import type { ExternalRequest } from '../../src/signedExports/services'
import { transactionDb } from '../../src/db/pool'
import { bilingualError as error } from '../shared/responses'

/** At most this many records per request (a larger batch is split by the admin). */
export const MAX_BATCH = 500

const isHr = (req: PayloadRequest) => isHrOfficer(actorOf(req))

/**
 * POST /api/signed-exports/request { staff: number[], form?: 'auto' | '2c' | 'hs02' | 'full' } — HR asks
 * for the signed sơ yếu lý lịch (or full record) of records in their scope. All or nothing: one record outside the scope (or
 * missing) refuses the whole request and creates nothing. 202 with the batch and the new rows.
 */
export const requestSignedExportsEndpoint: Endpoint = {
  path: '/request',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return error(401, 'Cần đăng nhập', 'Login required')
    if (!isHr(req)) return error(403, 'Chỉ cán bộ tổ chức (đã xác thực hai bước) được yêu cầu văn bản ký số', 'Only HR officers (with the second factor) may request signed exports')
    const body = (await req.json?.().catch(() => null)) as { staff?: unknown; form?: unknown } | null
    const ids = Array.isArray(body?.staff) ? [...new Set(body!.staff.map(Number))] : []
    const form = body?.form ?? 'auto'
    if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) return error(400, 'Chọn ít nhất một hồ sơ', 'Select at least one record')
    if (ids.length > MAX_BATCH) return error(400, `Mỗi lần tối đa ${MAX_BATCH} hồ sơ`, `At most ${MAX_BATCH} records per request`)
    if (form !== 'auto' && !EXPORT_FORMS.includes(form as ExportForm)) return error(400, 'Biểu mẫu chỉ nhận auto, 2c, hs02 hoặc full', 'form must be auto, 2c, hs02 or full')
    const found = await req.payload.find({
      collection: 'staff',
      where: { id: { in: ids } },
      select: { unitPath: true, employmentType: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const actor = actorOf(req)
    const reachable = found.docs.filter((d) => mayReach(actor, 'update', { id: d.id, unitPath: d.unitPath ?? '' }))
    if (reachable.length !== ids.length) return error(404, 'Có hồ sơ không tồn tại hoặc ngoài phạm vi quản lý; không tạo văn bản nào', 'A record does not exist or is outside your scope; nothing was created')
    const items = reachable.map((d) => ({ staffId: d.id, form: form === 'auto' ? chooseForm(d) : (form as ExportForm) }))
    const { batch, ids: created } = await requestExports(req.payload, items, Number(req.user.id))
    await recordAuditEvent(req, { operation: 'export', collection: 'staff', recordIds: ids, detail: { signedExport: true, batch, count: ids.length } })
    kickSigningQueue(req.payload)
    return Response.json({ batch, ids: created }, { status: 202 })
  },
}

async function readableExport(req: PayloadRequest) {
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id <= 0) return null
  return req.payload.findByID({ collection: 'signed-exports', id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
}

/** GET /api/signed-exports/:id/file.pdf — the dual-signed document, for readers of the record. */
export const downloadSignedExportEndpoint: Endpoint = {
  path: '/:id/file.pdf',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(401, 'Cần đăng nhập', 'Login required')
    const row = await readableExport(req)
    if (!row) return error(404, 'Không tìm thấy văn bản', 'Signed export not found')
    const bytes = row.status === 'done' ? await finalFile(await transactionDb(req.payload, req), row.id) : null
    if (!bytes) return error(409, 'Văn bản chưa ký xong', 'The document is not signed yet')
    const staffId = typeof row.staff === 'object' ? row.staff.id : row.staff
    await recordAuditEvent(req, { operation: 'export', collection: 'signed-exports', recordIds: [row.id], subjects: [staffId], detail: { code: row.code, download: true } })
    return new Response(bytes as unknown as BodyInit, {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="so-yeu-ly-lich-${row.form}-${row.code}.pdf"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}

const AWAITING_EXTERNAL = ['awaiting-person', 'awaiting-agency']

/** The export an HR officer may sign externally now, or the refusal (401, 403, 404, or 409 when it waits for no signature). */
async function awaitingExternalSignature(req: PayloadRequest) {
  if (!req.user) return error(401, 'Cần đăng nhập', 'Login required')
  if (!isHr(req)) return error(403, 'Không có quyền ký văn bản này', 'Not allowed to sign this document')
  const row = await readableExport(req)
  if (!row) return error(404, 'Không tìm thấy văn bản', 'Signed export not found')
  if (!AWAITING_EXTERNAL.includes(row.status)) return error(409, 'Văn bản không chờ chữ ký ngoài', 'The document is not waiting for an external signature')
  return row
}

/**
 * GET /api/signed-exports/:id/to-be-signed — for an external signer (USB token client, remote signing
 * service): the hash of the signed attributes to sign, and the attributes themselves. Nothing secret.
 */
export const toBeSignedEndpoint: Endpoint = {
  path: '/:id/to-be-signed',
  method: 'get',
  handler: async (req) => {
    const row = await awaitingExternalSignature(req)
    if (row instanceof Response) return row
    const full = await req.payload.findByID({ collection: 'signed-exports', id: row.id, depth: 0, overrideAccess: true })
    const pending = (full as unknown as { pending?: ExternalRequest | null }).pending
    if (!pending) return error(409, 'Văn bản không chờ chữ ký ngoài', 'The document is not waiting for an external signature')
    return Response.json({ id: row.id, code: row.code, step: pending.step, digestAlgorithm: pending.digestAlgorithm, toBeSignedHash: pending.toBeSignedHash, signedAttributes: pending.signedAttributes })
  },
}

/**
 * POST /api/signed-exports/:id/signature { signature } | { cms } — the external signer's answer. The
 * signature is checked against the step's certificate before it is embedded; a wrong one is refused
 * (400) and the document keeps waiting.
 */
export const completeExternalSignatureEndpoint: Endpoint = {
  path: '/:id/signature',
  method: 'post',
  handler: async (req) => {
    const row = await awaitingExternalSignature(req)
    if (row instanceof Response) return row
    const body = (await req.json?.().catch(() => null)) as { signature?: unknown; cms?: unknown } | null
    const signature = typeof body?.signature === 'string' ? body.signature : undefined
    const cms = typeof body?.cms === 'string' ? body.cms : undefined
    if (!signature && !cms) return error(400, 'Thiếu chữ ký (signature hoặc cms, dạng base64)', 'Missing signature (signature or cms, base64)')
    try {
      const status = await processExport(req.payload, row.id, await signingServices(), { signature, cms })
      kickSigningQueue(req.payload)
      return Response.json({ id: row.id, status })
    } catch (err) {
      const e = err as { vi?: string; en?: string; message?: string }
      return error(400, e.vi ?? 'Chữ ký không hợp lệ', e.en ?? 'The signature was refused')
    }
  },
}
