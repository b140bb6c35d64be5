import type { Endpoint, Where } from 'payload'

import { maySeeSensitive } from '../../../src/domain/sensitivity'
import { inTreeOrder, subtreeToken } from '../../../src/domain/unitTree'
import { staffReadScope } from '../../shared/responses'

/**
 * GET /api/staff/list-filter-options — what the staff list's filter panel offers this user: the units of
 * the subtrees they may read (ministry HR: the whole tree; a unit HR officer: their unit and below), in tree
 * order; the ranks; the positions held in the records they may read (found with their access rules); and
 * whether they may filter on party membership (a sensitive item: src/domain/sensitivity.ts).
 */
export const listFilterOptionsEndpoint: Endpoint = {
  path: '/list-filter-options',
  method: 'get',
  handler: async (req) => {
    const reader = await staffReadScope(req)
    if (reader instanceof Response) return reader
    const { actor, scope } = reader
    const unitWhere: Where | undefined =
      scope.kind === 'all' ? undefined : { or: [{ id: { equals: -1 } }, ...scope.subtreeUnitIds.map((u) => ({ path: { like: subtreeToken(u) } }))] }
    const [units, ranks, positions] = await Promise.all([
      req.payload.find({ collection: 'units', where: unitWhere, depth: 0, limit: 0, pagination: false, select: { name: true, parent: true, sortOrder: true }, req }),
      req.payload.find({ collection: 'ranks', depth: 0, limit: 0, pagination: false, sort: 'code', select: { code: true, name: true }, req }),
      req.payload.findDistinct({ collection: 'staff', field: 'position', user: req.user, overrideAccess: false, limit: 1000, sort: 'position', req }),
    ])
    const tree = inTreeOrder(units.docs.map((u) => ({ id: u.id, name: u.name, parent: (u.parent as number | null) ?? null, sortOrder: u.sortOrder })))
    return Response.json({
      units: tree.map((u) => ({ id: u.id, name: u.name, level: u.level })),
      ranks: ranks.docs.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      positions: positions.values
        .map((v) => v.position)
        .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
        .sort((a, b) => a.localeCompare(b, 'vi')),
      partyFilter: maySeeSensitive(actor, null),
    })
  },
}
