import type { Endpoint } from 'payload'

import { actorWithGrants } from '../../../access/actor'
import { auditRead } from '../../../hooks/audit/auditReads'
import { recordScope } from '../../../src/domain/access'
import { searchStaff } from '../../../src/search/staffSearch'
import { poolOf } from '../../../src/server/pool'

/**
 * GET /api/staff/search?q=nguyen van duk&limit=25 — name search that forgives missing diacritics and
 * small typos. One SQL query matches, ranks and reads the result columns within the caller's read scope
 * (the same rule as the collection's read access); the columns are none of the sensitive items, so no
 * field rule applies to them. The read is in the audit trail like any list.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    if (!req.user) {
      return Response.json({ errors: [{ message: req.t('error:unauthorized') }] }, { status: 401 })
    }
    const url = new URL(req.url ?? '', 'http://local')
    const q = url.searchParams.get('q') ?? ''
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 25) || 25, 1), 100)
    const scope = recordScope(await actorWithGrants(req), 'read')
    // As for the staff list: an account that may read no record (system administrator, auditor) is refused.
    if (scope.kind === 'none') {
      return Response.json({ errors: [{ message: req.t('error:notAllowedToPerformAction') }] }, { status: 403 })
    }
    const docs = await searchStaff(poolOf(req.payload), q, limit, scope)
    await auditRead(req, 'staff', docs, true)
    return Response.json({ docs, query: q })
  },
}
