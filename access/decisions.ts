import type { Access, Where } from 'payload'

import { LEFT_STATUSES, mayReadArchived } from '../src/domain/lifecycle'
import { actorOf } from '../src/accounts/actor'
import { dutyWhere } from './scopeToWhere'

/**
 * Decisions: HR reads those on records in their update scope (by duty, not by grants), the person reads their
 * own, and the archivist (lưu trữ) reads the decisions of archived records.
 */
export const readDecisions: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  const hr = dutyWhere(actor)
  if (hr === true) return true
  const or: Where[] = []
  if (hr !== false) or.push(hr)
  if (actor.staffId != null) or.push({ staff: { equals: actor.staffId } })
  if (mayReadArchived(actor)) or.push({ 'staff.employmentStatus': { in: [...LEFT_STATUSES] } })
  return or.length ? { or } : false
}
