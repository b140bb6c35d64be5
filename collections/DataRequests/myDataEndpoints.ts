import type { Endpoint } from 'payload'

import { collectMyData, ownStaffId, recordMyDataExport } from '../../src/dataRequests/myData'
import { todayInVietnam } from '../../src/domain/dates'
import { buildReviewPrint } from '../../src/domain/forms'
import { buildMyDataDocument } from '../../src/domain/forms/myData'
import { loadPrintRecord } from '../../src/pdf/loadRecord'
import { pendingChangesFor } from '../../src/pdf/pendingChanges'
import { reviewSchema } from '../../src/pdf/reviewSchema'
import { renderInPool } from '../../src/workers/pools'
import { handle, poolRefusal } from '../shared/responses'

// Personal data: never kept by a shared cache or the browser's back-forward cache.
const PRIVATE = { 'Cache-Control': 'no-store' }

/**
 * GET /api/my-data.json — everything hoso holds about the signed-in person, machine-readable (src/dataRequests/myData.ts).
 * GET /api/my-data.pdf  — the same, readable. Both only the caller's own data; each download is an audit event.
 */
export const myDataEndpoints: Endpoint[] = [
  {
    path: '/my-data.json',
    method: 'get',
    handler: handle(async (req) => {
      const data = await collectMyData(req)
      await recordMyDataExport(req, data.staffId, 'json')
      return new Response(JSON.stringify(data, null, 2), {
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': 'attachment; filename="du-lieu-cua-toi.json"', ...PRIVATE },
      })
    }),
  },
  {
    path: '/my-data.pdf',
    method: 'get',
    handler: handle(async (req) => {
      const staffId = ownStaffId(req)
      const [data, record, pending] = await Promise.all([collectMyData(req), loadPrintRecord(req, staffId), pendingChangesFor(req, staffId)])
      const review = buildReviewPrint(record!, pending, { schema: reviewSchema(req.payload), printedAt: todayInVietnam(new Date()) })
      let bytes: Uint8Array
      try {
        bytes = await renderInPool(buildMyDataDocument(review, data))
      } catch (err) {
        const refused = poolRefusal(err)
        if (refused) return refused
        throw err
      }
      await recordMyDataExport(req, staffId, 'pdf')
      return new Response(bytes as unknown as BodyInit, {
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="du-lieu-cua-toi.pdf"', ...PRIVATE },
      })
    }),
  },
]
