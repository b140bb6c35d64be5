import crypto from 'node:crypto'

import type { Endpoint } from 'payload'

import { normaliseCode } from '../../src/domain/signing/signedExport'
import { verifierOptions } from '../../src/signedExports/context'
import { exportByCode, exportBySha256 } from '../../src/signedExports/publicRecord'
import { verifyPdf } from '../../src/signing/verify'
import { bilingualError as error } from '../shared/responses'

/** Larger uploads are refused before they are read (a CV form with a photo is well under 2 MB). */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024

/**
 * POST /api/signed-exports/verify (body: the PDF, application/pdf) — public: anyone holding a document
 * checks its signatures (signer, chain to our trust anchors, times, integrity, later changes) and
 * whether it is one of our exports, by its SHA-256. Nothing is stored but an anonymous log line.
 */
export const verifyUploadEndpoint: Endpoint = {
  path: '/verify',
  method: 'post',
  handler: async (req) => {
    const length = Number(req.headers.get('content-length') ?? 0)
    if (length > MAX_VERIFY_BYTES) return error(413, 'Tệp quá lớn (tối đa 20 MB)', 'File too large (20 MB at most)')
    const body = req.body ? new Uint8Array(await new Response(req.body as ReadableStream).arrayBuffer()) : new Uint8Array()
    if (body.length > MAX_VERIFY_BYTES) return error(413, 'Tệp quá lớn (tối đa 20 MB)', 'File too large (20 MB at most)')
    if (body.length < 5 || Buffer.from(body.subarray(0, 5)).toString('latin1') !== '%PDF-') {
      return error(400, 'Tệp tải lên không phải PDF', 'The uploaded file is not a PDF')
    }
    const sha256 = crypto.createHash('sha256').update(body).digest('hex')
    let report
    try {
      report = await verifyPdf(body, await verifierOptions())
    } catch (err) {
      return error(400, `Không đọc được tệp PDF: ${(err as Error).message}`, 'The PDF could not be read')
    }
    const match = await exportBySha256(req.payload, sha256)
    return Response.json({ report, export: match })
  },
}

/** GET /api/signed-exports/by-code/:code — public: the verification record a QR code points to. */
export const exportByCodeEndpoint: Endpoint = {
  path: '/by-code/:code',
  method: 'get',
  handler: async (req) => {
    const code = normaliseCode(String(req.routeParams?.code ?? ''))
    if (!code) return error(400, 'Mã tra cứu không hợp lệ (12 ký tự)', 'Invalid verification code (12 characters)')
    const record = await exportByCode(req.payload, code)
    if (!record) return error(404, 'Không có văn bản nào với mã tra cứu này', 'No document has this verification code')
    return Response.json(record)
  },
}
