import crypto from 'node:crypto'

import type { Endpoint } from 'payload'

import { normaliseCode } from '../../src/domain/signing/signedExport'
import { verifierOptions } from '../../src/signedExports/context'
import { exportByCode, exportBySha256 } from '../../src/signedExports/publicRecord'
import { MAX_VERIFY_BYTES } from '../../src/signedExports/limits'
import { verifyInPool } from '../../src/workers/pools'
import { readBodyCapped } from '../shared/requestBody'
import { bilingualError as error, poolRefusal } from '../shared/responses'

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
    const body = length > MAX_VERIFY_BYTES ? null : await readBodyCapped(req.body as ReadableStream<Uint8Array> | null, MAX_VERIFY_BYTES)
    if (!body) return error(413, 'Tệp quá lớn (tối đa 20 MB)', 'File too large (20 MB at most)')
    if (body.length < 5 || Buffer.from(body.subarray(0, 5)).toString('latin1') !== '%PDF-') {
      return error(400, 'Tệp tải lên không phải PDF', 'The uploaded file is not a PDF')
    }
    const sha256 = crypto.createHash('sha256').update(body).digest('hex')
    // In a worker thread, behind a short queue: a crafted document never stalls everyone else's requests.
    let result
    try {
      result = await verifyInPool(body, await verifierOptions())
    } catch (err) {
      const refused = poolRefusal(err)
      if (refused) return refused
      throw err
    }
    if ('unreadable' in result) return error(400, `Không đọc được tệp PDF: ${result.unreadable}`, 'The PDF could not be read')
    const match = await exportBySha256(req.payload, sha256)
    return Response.json({ report: result.report, export: match })
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
