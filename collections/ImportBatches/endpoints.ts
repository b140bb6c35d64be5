import type { Endpoint, PayloadRequest } from 'payload'

import { refuse } from '../../src/domain/errors'
import { commitImport, decideDuplicates } from '../../src/import/batches'
import { resultWorkbookResponse } from '../../src/import/result'
import { handle } from '../shared/responses'

const idParam = (req: PayloadRequest) => {
  const id = Number(req.routeParams?.id)
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) refuse('not-found', 'id', 'Không tìm thấy lượt nhập này', 'No such import batch')
  return id
}

async function jsonBody(req: PayloadRequest): Promise<unknown> {
  try {
    return (await req.json?.()) ?? {}
  } catch {
    refuse('invalid', 'body', 'Dữ liệu gửi lên không hợp lệ (cần JSON)', 'The request body must be JSON')
  }
}

/**
 *   POST /api/import-batches/:id/decisions   {row, decision: same|different, staffId?, reason?} or {decisions: […]}
 *   POST /api/import-batches/:id/commit      all or nothing, after re-checking nothing changed since the dry run
 *   GET  /api/import-batches/:id/result.xlsx the uploaded workbook with a status and a message column
 * Only the officer who ran the batch (404 for anyone else).
 */
export const importBatchEndpoints: Endpoint[] = [
  { path: '/:id/decisions', method: 'post', handler: handle(async (req) => decideDuplicates(req, idParam(req), await jsonBody(req))) },
  { path: '/:id/commit', method: 'post', handler: handle((req) => commitImport(req, idParam(req))) },
  { path: '/:id/result.xlsx', method: 'get', handler: handle((req) => resultWorkbookResponse(req, idParam(req))) },
]
