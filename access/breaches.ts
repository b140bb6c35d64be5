import type { Access } from 'payload'

import { actorOf } from '../src/accounts/actor'
import { isSysadmin } from '../src/domain/access'
import { isDataProtectionOfficer } from '../src/domain/dataRequests'

/** The breach register: the personal-data officer and the system administrator (who find and handle incidents). */
export const breachHandlers: Access = ({ req }) => {
  const actor = actorOf(req)
  return isDataProtectionOfficer(actor) || isSysadmin(actor)
}
