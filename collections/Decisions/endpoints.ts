import type { Endpoint, PayloadRequest } from 'payload'

import { refuse } from '../../src/domain/errors'
import { approveDecision, revokeDecision } from '../../src/lifecycle/workflow'
import { handle } from '../shared/responses'

const idParam = (req: PayloadRequest) => {
  const id = Number(req.routeParams?.id)
  if (!Number.isSafeInteger(id) || id <= 0) refuse('not-found', 'id', 'Không tìm thấy quyết định', 'Decision not found')
  return id
}

async function reasonOf(req: PayloadRequest): Promise<string> {
  let body: Record<string, unknown>
  try {
    body = ((await req.json?.()) ?? {}) as Record<string, unknown>
  } catch {
    refuse('invalid', 'body', 'Dữ liệu gửi lên không hợp lệ (cần JSON)', 'The request body must be JSON')
  }
  return typeof body.reason === 'string' ? body.reason : ''
}

/**
 *   POST /api/decisions/:id/approve   second approval of a four-eyes decision (another HR officer)
 *   POST /api/decisions/:id/revoke    {reason}  revoke; an applied decision is undone first
 */
export const decisionEndpoints: Endpoint[] = [
  { path: '/:id/approve', method: 'post', handler: handle((req) => approveDecision(req, idParam(req))) },
  { path: '/:id/revoke', method: 'post', handler: handle(async (req) => revokeDecision(req, idParam(req), await reasonOf(req))) },
]
