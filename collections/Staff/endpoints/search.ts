import type { Endpoint } from 'payload'

import { auditRead } from '../../../hooks/audit/auditReads'
import { searchStaff } from '../../../src/search/staffSearch'
import { poolOf } from '../../../src/db/pool'
import { staffReadScope } from '../../shared/responses'

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
    const reader = await staffReadScope(req)
    if (reader instanceof Response) return reader
    const url = new URL(req.url ?? '', 'http://local')
    const q = url.searchParams.get('q') ?? ''
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 25) || 25, 1), 100)
    const docs = await searchStaff(poolOf(req.payload), q, limit, reader.scope)
    await auditRead(req, 'staff', docs, true)
    return Response.json({ docs, query: q })
  },
}
