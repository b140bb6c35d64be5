import type { Endpoint } from 'payload'

import { actorWithGrants } from '../../../access/actor'
import { recordScope } from '../../../src/domain/access'
import { searchStaffIds } from '../../../src/search/staffSearch'
import { poolOf } from '../../../src/server/pool'

/** What a result list shows; the full record is one click away. */
const LIST_COLUMNS = {
  staffCode: true,
  fullName: true,
  gender: true,
  birthDate: true,
  unit: true,
  rank: true,
  position: true,
  employmentType: true,
} as const

/**
 * GET /api/staff/search?q=nguyen van duk&limit=25 — name search that forgives missing diacritics and
 * small typos. Matching runs in SQL within the caller's read scope; the documents are then read through
 * Payload with the caller's access rules, so the result never holds a record (or field) the caller may not read.
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
    const matches = await searchStaffIds(poolOf(req.payload), q, limit, scope)
    if (!matches.length) return Response.json({ docs: [], query: q })
    const found = await req.payload.find({
      collection: 'staff',
      where: { id: { in: matches.map((m) => m.id) } },
      user: req.user,
      overrideAccess: false,
      depth: 0,
      joins: false,
      select: LIST_COLUMNS,
      limit: matches.length,
      pagination: false,
      req,
    })
    const byId = new Map(found.docs.map((d) => [d.id, d]))
    const docs = matches
      .filter((m) => byId.has(m.id))
      .map((m) => ({ ...byId.get(m.id)!, _score: Math.round(m.score * 100) / 100 }))
    return Response.json({ docs, query: q })
  },
}
