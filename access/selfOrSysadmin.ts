import type { Access } from 'payload'

import { isSysadmin } from '../src/domain/access'
import { actorOf } from '../src/accounts/actor'

/** Accounts: a person sees and changes their own account; system administrators manage all. */
export const selfOrSysadmin: Access = ({ req }) => {
  if (!req.user || (req.user as { disabled?: boolean }).disabled) return false
  if (isSysadmin(actorOf(req))) return true
  return { id: { equals: req.user.id } }
}
