import type { Access } from 'payload'

import { actorOf } from '../src/accounts/actor'
import { isMinistryHr, isSysadmin } from '../src/domain/access'

/** Pending role changes are seen and decided by those who may approve them: ministry HR and system administrators. */
export const roleRequestDeciders: Access = ({ req }) => {
  const actor = actorOf(req)
  return isMinistryHr(actor) || isSysadmin(actor)
}
