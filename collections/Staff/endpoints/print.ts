import type { Endpoint, PayloadRequest } from 'payload'

import { todayInVietnam } from '../../../src/domain/dates'
import { buildCvForm, buildReviewPrint, chooseForm, type CvForm, type PrintRecord } from '../../../src/domain/forms'
import { loadPhoto, loadPrintRecord, managingAgencyOf } from '../../../src/pdf/loadRecord'
import { pendingChangesFor } from '../../../src/pdf/pendingChanges'
import { recordPrint } from '../../../src/pdf/recordPrint'
import { renderInPool } from '../../../src/workers/pools'
import { reviewSchema } from '../../../src/pdf/reviewSchema'
import { bilingualError as error, poolRefusal } from '../../shared/responses'

/** 401 without a session; 404 both for a missing record and one outside the caller's scope (no existence leak). */
async function recordFor(req: PayloadRequest): Promise<{ response: Response } | { record: PrintRecord; id: number }> {
  if (!req.user) return { response: error(401, 'Cần đăng nhập', 'Login required') }
  const id = Number(req.routeParams?.id)
  const record = Number.isInteger(id) && id > 0 ? await loadPrintRecord(req, id) : null
  if (!record) return { response: error(404, 'Không tìm thấy hồ sơ', 'Record not found') }
  return { record, id }
}

function pdfResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${filename}"`,
      // Personal data: never kept by a shared cache or the browser's back-forward cache.
      'Cache-Control': 'no-store',
    },
  })
}

/** Rendered in the render worker pool; a full queue answers 503 + Retry-After. */
async function renderOrRefuse(...args: Parameters<typeof renderInPool>): Promise<Uint8Array | Response> {
  try {
    return await renderInPool(...args)
  } catch (err) {
    const refused = poolRefusal(err)
    if (refused) return refused
    throw err
  }
}

const safe = (s: string | null | undefined) => (s ?? '').replace(/[^A-Za-z0-9._-]/g, '-')

/**
 * GET /api/staff/:id/2c.pdf[?form=2c|hs02] — the sơ yếu lý lịch of one record from its official data:
 * Mẫu 2C-BNV/2008 for cán bộ and công chức, HS02-VC/BNV for viên chức, unless `form` says which.
 */
export const cvPdfEndpoint: Endpoint = {
  path: '/:id/2c.pdf',
  method: 'get',
  handler: async (req) => {
    const asked = new URL(req.url ?? '', 'http://local').searchParams.get('form')
    if (asked != null && asked !== '2c' && asked !== 'hs02') {
      return error(400, 'Tham số form chỉ nhận 2c hoặc hs02', 'form must be 2c or hs02')
    }
    const found = await recordFor(req)
    if ('response' in found) return found.response
    const { record, id } = found
    const form: CvForm = (asked as CvForm | null) ?? chooseForm(record)
    const [photo, managingAgency] = await Promise.all([loadPhoto(record), managingAgencyOf(req, record)])
    const doc = buildCvForm(record, form, {
      managingAgency,
      place: process.env.HOSO_PRINT_PLACE ?? 'Hà Nội',
      date: todayInVietnam(new Date()),
    })
    const bytes = await renderOrRefuse(doc, { photo })
    if (bytes instanceof Response) return bytes
    await recordPrint(req, id, form)
    return pdfResponse(bytes, `so-yeu-ly-lich-${form}-${safe(record.staffCode)}.pdf`)
  },
}

/** GET /api/staff/:id/review.pdf — every item of the record, grouped as in the admin, pending changes marked. */
export const reviewPdfEndpoint: Endpoint = {
  path: '/:id/review.pdf',
  method: 'get',
  handler: async (req) => {
    const found = await recordFor(req)
    if ('response' in found) return found.response
    const { record, id } = found
    const pending = await pendingChangesFor(req, id)
    const doc = buildReviewPrint(record, pending, { schema: reviewSchema(req.payload), printedAt: todayInVietnam(new Date()) })
    const bytes = await renderOrRefuse(doc)
    if (bytes instanceof Response) return bytes
    await recordPrint(req, id, 'review')
    return pdfResponse(bytes, `ra-soat-${safe(record.staffCode)}.pdf`)
  },
}
