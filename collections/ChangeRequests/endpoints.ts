import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { actOnOwn, decide, ownState, reviewOf, saveOwn, uploadOwnPhoto } from '../../src/changeRequests/workflow'
import { refuse } from '../../src/domain/errors'
import { handle } from '../shared/responses'

async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    return ((await req.json?.()) ?? {}) as Record<string, unknown>
  } catch {
    refuse('invalid', 'body', 'Dữ liệu gửi lên không hợp lệ (cần JSON).', 'The request body must be JSON.')
  }
}

const idParam = (req: PayloadRequest) => {
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id <= 0) refuse('not-found', 'id', 'Không tìm thấy yêu cầu.', 'Request not found.')
  return id
}

const revisionOf = (body: Record<string, unknown>) => {
  const r = Number(body.revision)
  if (!Number.isInteger(r)) refuse('invalid', 'revision', 'Thiếu phiên bản của yêu cầu.', 'The request revision is missing.')
  return r
}

/**
 * The self-declaration workflow over HTTP:
 *   GET  /api/change-requests/mine           own record, open request, difference
 *   PUT  /api/change-requests/mine           save the form (T1 at once, T2 as draft)  {fields, rows, stamp, revision}
 *   POST /api/change-requests/mine/submit    "Gửi duyệt"                               {revision}
 *   POST /api/change-requests/mine/withdraw  withdraw a submitted request              {revision}
 *   POST /api/change-requests/mine/photo     upload a new 4×6 photo (multipart "file"), to declare as `photo`
 *   GET  /api/change-requests/:id/review     difference and allowed actions (HR in scope, or the author)
 *   POST /api/change-requests/:id/approve    {revision}
 *   POST /api/change-requests/:id/return     {revision, reason}
 */
export const changeRequestEndpoints: Endpoint[] = [
  { path: '/mine', method: 'get', handler: handle((req) => ownState(req)) },
  {
    path: '/mine',
    method: 'put',
    handler: handle(async (req) => {
      const body = await bodyOf(req)
      await saveOwn(req, {
        fields: (body.fields ?? {}) as Record<string, unknown>,
        rows: body.rows as never,
        stamp: String(body.stamp ?? ''),
        revision: body.revision == null ? null : Number(body.revision),
      })
      return ownState(req)
    }),
  },
  {
    path: '/mine/submit',
    method: 'post',
    handler: handle(async (req) => {
      await actOnOwn(req, 'submit', revisionOf(await bodyOf(req)))
      return ownState(req)
    }),
  },
  {
    path: '/mine/withdraw',
    method: 'post',
    handler: handle(async (req) => {
      await actOnOwn(req, 'withdraw', revisionOf(await bodyOf(req)))
      return ownState(req)
    }),
  },
  {
    path: '/mine/photo',
    method: 'post',
    handler: handle(async (req) => {
      await addDataAndFileToRequest(req)
      return uploadOwnPhoto(req, req.file as never)
    }),
  },
  { path: '/:id/review', method: 'get', handler: handle((req) => reviewOf(req, idParam(req))) },
  {
    path: '/:id/approve',
    method: 'post',
    handler: handle(async (req) => {
      const id = idParam(req)
      await decide(req, id, 'approve', revisionOf(await bodyOf(req)))
      return reviewOf(req, id)
    }),
  },
  {
    path: '/:id/return',
    method: 'post',
    handler: handle(async (req) => {
      const id = idParam(req)
      const body = await bodyOf(req)
      await decide(req, id, 'return', revisionOf(body), String(body.reason ?? ''))
      return reviewOf(req, id)
    }),
  },
]
