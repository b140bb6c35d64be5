import type { Access, Where } from 'payload'

import { actorOf } from '../src/accounts/actor'
import { dutyWhere } from './scopeToWhere'

/**
 * Change requests hold proposed personal data: the person reads their own; HR reads those on records in
 * their update scope (unit-hr: their subtree; ministry-hr: all). Unit heads and purpose-bound grants do not
 * open them — a grant is for reading official data, not for reviewing declarations.
 */
export const readChangeRequests: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  const hr = dutyWhere(actor)
  if (hr === true) return true
  const or: Where[] = [{ author: { equals: req.user!.id } }]
  if (actor.staffId != null) or.push({ staff: { equals: actor.staffId } })
  if (hr !== false) or.push(hr)
  return { or }
}

/** Nobody writes change requests through the generic API: the workflow endpoints do, with their checks. */
export const noGenericWrites: Access = () => false
