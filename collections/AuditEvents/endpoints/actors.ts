import type { Endpoint } from 'payload'

import { actorOf } from '../../../src/accounts/actor'
import { isAuditor } from '../../../src/domain/access'
import { drainAuditOutbox } from '../../../src/audit/outbox'
import { findAuditActors } from '../../../src/audit/query'
import { poolOf } from '../../../src/db/pool'
import { refusal } from '../../shared/responses'

/**
 * GET /api/audit-events/actors?q=name — the actors found in the trail (account id, name, roles), auditor only:
 * the admin's filter panel picks the actor from these.
 */
export const actorsEndpoint: Endpoint = {
  path: '/actors',
  method: 'get',
  handler: async (req) => {
    if (!isAuditor(actorOf(req))) {
      return refusal(req, req.user ? 403 : 401)
    }
    const q = (new URL(req.url ?? '', 'http://local').searchParams.get('q') ?? '').slice(0, 100)
    const pool = poolOf(req.payload)
    await drainAuditOutbox(pool)
    return Response.json({ docs: await findAuditActors(pool, q, 50) })
  },
}
