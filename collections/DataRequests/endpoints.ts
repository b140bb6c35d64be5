import type { Endpoint, PayloadRequest } from 'payload'

import { closeRequest, completeCorrectionTask, extendRequest, fileOwnRequest, recordPaperRequest, sendFirstReply } from '../../src/dataRequests/workflow'
import { approveOfficerAccess, readThroughOfficerAccess, requestOfficerAccess } from '../../src/dataRequests/officerAccess'
import { refuse } from '../../src/domain/errors'
import { handle } from '../shared/responses'

const idParam = (req: PayloadRequest) => {
  const id = Number(req.routeParams?.id)
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) refuse('not-found', 'id', 'Không tìm thấy yêu cầu', 'Request not found')
  return id
}

async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    body = (await req.json?.()) ?? {}
  } catch {
    refuse('invalid', 'body', 'Dữ liệu gửi lên không hợp lệ (cần JSON)', 'The request body must be JSON')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) refuse('invalid', 'body', 'Dữ liệu gửi lên phải là một đối tượng JSON', 'The request body must be a JSON object')
  return body as Record<string, unknown>
}

/**
 *   POST /api/data-requests/mine               the person files a request about their own record {type, subject, text, items}
 *   POST /api/data-requests/paper              the officer records a paper request {staff, type, subject, text, items, receivedOn, thirdParties}
 *   POST /api/data-requests/:id/first-reply    the officer's first reply {text}
 *   POST /api/data-requests/:id/extend         the one extension {days, reason}
 *   POST /api/data-requests/:id/close          the outcome {outcome, legalBasis, reason}
 *   POST /api/data-requests/:id/correction-done  HR with authority over the record: the items they own are corrected {note}
 *   POST /api/data-requests/:id/access         the officer asks to read the items the request concerns {until?}
 *   POST /api/data-requests/:id/access/approve ministry HR approves that access (not the officer who asked)
 *   GET  /api/data-requests/:id/record         the officer reads those items, while approved, in date and the request open
 */
export const dataRequestEndpoints: Endpoint[] = [
  { path: '/mine', method: 'post', handler: handle(async (req) => fileOwnRequest(req, await bodyOf(req))) },
  { path: '/paper', method: 'post', handler: handle(async (req) => recordPaperRequest(req, await bodyOf(req))) },
  { path: '/:id/first-reply', method: 'post', handler: handle(async (req) => sendFirstReply(req, idParam(req), (await bodyOf(req)).text)) },
  {
    path: '/:id/extend',
    method: 'post',
    handler: handle(async (req) => {
      const body = await bodyOf(req)
      return extendRequest(req, idParam(req), body.days, body.reason)
    }),
  },
  { path: '/:id/close', method: 'post', handler: handle(async (req) => closeRequest(req, idParam(req), await bodyOf(req))) },
  { path: '/:id/access', method: 'post', handler: handle(async (req) => requestOfficerAccess(req, idParam(req), await bodyOf(req))) },
  { path: '/:id/access/approve', method: 'post', handler: handle(async (req) => approveOfficerAccess(req, idParam(req))) },
  { path: '/:id/record', method: 'get', handler: handle(async (req) => readThroughOfficerAccess(req, idParam(req))) },
  { path: '/:id/correction-done', method: 'post', handler: handle(async (req) => completeCorrectionTask(req, idParam(req), (await bodyOf(req)).note)) },
]
