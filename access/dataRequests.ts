import type { Access, Where } from 'payload'

import { actorOf } from '../src/accounts/actor'
import { seesAllDataRequests } from '../src/domain/dataRequests'
import { dutyWhere } from './scopeToWhere'

/**
 * Personal-data requests: the person reads their own; the personal-data officer and ministry HR read all of them
 * (with their due states); HR with authority over the record reads those that carry a correction task for them.
 * Nobody else.
 */
export const readDataRequests: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  if (seesAllDataRequests(actor)) return true
  const or: Where[] = []
  if (actor.staffId != null) or.push({ staff: { equals: actor.staffId } })
  const hr = dutyWhere(actor)
  if (hr !== false) or.push({ and: [{ correctionTask: { equals: true } }, ...(hr === true ? [] : [hr])] })
  return or.length ? { or } : false
}
