import type { Where } from 'payload'

import { recordScope, type Actor, type Scope } from '../src/domain/access'
import { subtreeToken } from '../src/domain/unitTree'

/**
 * A Scope as a database filter. `prefix` reaches the staff record from another collection
 * ('staff.' for histories). The filter runs in PostgreSQL on every path that honours access:
 * REST, GraphQL, Local API with overrideAccess: false, counts, joins and populated relationships.
 */
export function scopeToWhere(scope: Scope, prefix = ''): boolean | Where {
  if (scope.kind === 'all') return true
  if (scope.kind === 'none') return false
  const or: Where[] = [
    ...scope.subtreeUnitIds.map((u) => ({ [`${prefix}unitPath`]: { like: subtreeToken(u) } })),
    ...(scope.staffIds.length ? [{ [prefix ? prefix.slice(0, -1) : 'id']: { in: scope.staffIds } }] : []),
  ]
  return or.length === 1 ? or[0]! : { or }
}

/**
 * The records an HR officer answers for by duty (their update scope without grants: a grant opens records for
 * a purpose, never makes its holder the authority), as a filter through `prefix` ('staff.').
 */
export const dutyWhere = (actor: Actor, prefix = 'staff.'): boolean | Where => scopeToWhere(recordScope({ ...actor, grants: [] }, 'update'), prefix)
