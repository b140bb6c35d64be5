import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { localize } from '../../src/domain/errors'
import { actOnOwn, decide, ownState, reviewOf, saveOwn, uploadOwnPhoto, WorkflowError } from '../../src/changeRequests/workflow'
import { refusal } from '../shared/responses'

async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    return ((await req.json?.()) ?? {}) as Record<string, unknown>
  } catch {
    throw new WorkflowError(400, [{ field: 'body', vi: 'Dữ liệu gửi lên không hợp lệ (cần JSON).', en: 'The request body must be JSON.' }])
  }
}

/** Runs a workflow step and answers in the caller's language; refusals change nothing. */
const handle =
  (work: (req: PayloadRequest) => Promise<unknown>): Endpoint['handler'] =>
  async (req) => {
    if (!req.user) return refusal(req, 401)
    try {
      return Response.json(await work(req))
    } catch (e) {
      if (!(e instanceof WorkflowError)) throw e
      const language = req.i18n?.language ?? 'vi'
      return Response.json(
        { errors: e.issues.map((i) => ({ field: i.field, message: localize(i, language) })) },
        { status: e.status },
      )
    }
  }

const idParam = (req: PayloadRequest) => {
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id <= 0) throw new WorkflowError(404, [{ field: 'id', vi: 'Không tìm thấy yêu cầu.', en: 'Request not found.' }])
  return id
}

const revisionOf = (body: Record<string, unknown>) => {
  const r = Number(body.revision)
  if (!Number.isInteger(r)) throw new WorkflowError(400, [{ field: 'revision', vi: 'Thiếu phiên bản của yêu cầu.', en: 'The request revision is missing.' }])
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
