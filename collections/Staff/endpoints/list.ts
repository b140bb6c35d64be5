import type { Endpoint } from 'payload'

import { auditRead } from '../../../hooks/audit/auditReads'
import { maySeeSensitive } from '../../../src/domain/sensitivity'
import { parseStaffListQuery } from '../../../src/domain/staffListQuery'
import { listStaff } from '../../../src/search/staffList'
import { poolOf } from '../../../src/db/pool'
import { bilingualError, staffReadScope } from '../../shared/responses'

/**
 * GET /api/staff/list?unit=12&rank=3&gender=female&ageBand=50-54&partyMember=true&sort=name&page=2&limit=25
 * — a page of the staff list of a unit's subtree with the list filter panel's filters, in Vietnamese name
 * order, and the total: the list page of HR officers' tools and of other systems, without the cost of
 * Payload's generic list, which passes each row through every field of the record model (some 140). Rows carry
 * the list columns only, none of them sensitive (src/search/staffSearch.ts SEARCH_RESULT_FIELDS); the
 * caller's read scope is applied in the same SQL, so an officer's subtree bounds every answer; the read is
 * in the audit trail like any list. Filtering on party membership (a sensitive item) is for those who may
 * see it on every record (ministry HR), as on the filter panel.
 */
export const listEndpoint: Endpoint = {
  path: '/list',
  method: 'get',
  handler: async (req) => {
    const reader = await staffReadScope(req)
    if (reader instanceof Response) return reader
    const query = parseStaffListQuery(new URL(req.url ?? '', 'http://local').searchParams)
    if ('error' in query) return bilingualError(400, query.error.vi, query.error.en)
    if (query.filter.partyMember !== undefined && !maySeeSensitive(reader.actor, null)) {
      return bilingualError(403, 'Bạn không có quyền lọc theo đảng viên (thông tin nhạy cảm)', 'You may not filter on party membership (a sensitive item)')
    }
    const page = await listStaff(poolOf(req.payload), query, reader.scope)
    await auditRead(req, 'staff', page.docs, true)
    return Response.json(page)
  },
}
