import { sql } from '@payloadcms/db-postgres'
import type { Endpoint, PayloadRequest } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { kickSigningQueue } from '../../src/signedExports/service'
import { recordAuditEvent } from '../../src/audit/record'
import { isHrOfficer } from '../../src/domain/access'
import { relationId } from '../../src/domain/relationId'
import { maySeeSensitive } from '../../src/domain/sensitivity'
import { requestSignedExports } from '../../src/signedExports/request'
import { processExport } from '../../src/signedExports/pipeline'
import { signingServices } from '../../src/signedExports/context'
import { finalFile } from '../../src/signedExports/files'
import type { ExternalRequest } from '../../src/signedExports/services'
import { transactionDb } from '../../src/db/pool'
import { bilingualError as error, handle } from '../shared/responses'

const isHr = (req: PayloadRequest) => isHrOfficer(actorOf(req))

/**
 * POST /api/signed-exports/request { staff: number[], form?: 'auto' | '2c' | 'hs02' | 'full' } — HR asks
 * for the signed sơ yếu lý lịch (or full record) of records in their scope (src/signedExports/request.ts).
 * 202 with the batch and the new rows.
 */
export const requestSignedExportsEndpoint: Endpoint = {
  path: '/request',
  method: 'post',
  handler: handle(
    async (req) => {
      const body = (await req.json?.().catch(() => null)) as { staff?: unknown; form?: unknown } | null
      return Response.json(await requestSignedExports(req, body), { status: 202 })
    },
    { signIn: false, bilingual: true },
  ),
}

async function readableExport(req: PayloadRequest) {
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id <= 0) return null
  return req.payload.findByID({ collection: 'signed-exports', id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
}

/** Whether the caller's own rights cover every item of record `staffId`, sensitive ones included. */
async function mayReadEveryItem(req: PayloadRequest, staffId: number | null): Promise<boolean> {
  if (staffId == null) return false
  // The unit path only (no read of the record on anyone's behalf, nothing to audit).
  const { rows } = await (await transactionDb(req.payload, req)).execute(sql`SELECT unit_path FROM staff WHERE id = ${staffId}`)
  return rows.length === 1 && maySeeSensitive(actorOf(req), { id: staffId, unitPath: (rows[0]!.unit_path as string | null) ?? null })
}

/**
 * GET /api/signed-exports/:id/file.pdf — the dual-signed document. It was rendered with the sensitive items (CCCD,
 * BHXH, ethnicity, religion, health…) and a signed file cannot be re-rendered per reader, so only those whose own
 * rights cover every item in it may download it: the person, and HR with sensitive rights over the record
 * (src/domain/sensitivity.ts). Everyone else — a unit head, a grant holder — gets 404, as for a record they
 * cannot see.
 */
export const downloadSignedExportEndpoint: Endpoint = {
  path: '/:id/file.pdf',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(401, 'Cần đăng nhập', 'Login required')
    const row = await readableExport(req)
    if (!row || !(await mayReadEveryItem(req, relationId(row.staff)))) return error(404, 'Không tìm thấy văn bản', 'Signed export not found')
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
