import type { Access, Where } from 'payload'

import { isSysadmin, recordScope } from '../src/domain/access'
import { actorOf } from '../src/accounts/actor'
import { scopeToWhere } from './scopeToWhere'

/**
 * The reminder log: system administrators and ministry HR read all of it; unit HR reads the reminders sent
 * about records in their subtree; everyone reads the reminders sent to themselves.
 */
export const readReminderSends: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  if (isSysadmin(actor)) return true
  const hr = scopeToWhere(recordScope({ ...actor, grants: [] }, 'update'), 'staff.')
  if (hr === true) return true
  const or: Where[] = [{ recipient: { equals: req.user!.id } }]
  if (hr !== false && actor.roles.includes('unit-hr')) or.push(hr)
  return { or }
}
