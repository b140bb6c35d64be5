import type { Access } from 'payload'

import { mayManageOrganisation } from '../src/domain/access'
import { actorOf } from '../src/accounts/actor'

/** Grants are issued and approved by ministry HR or system administrators. */
export const grantManagers: Access = ({ req }) => mayManageOrganisation(actorOf(req))

/** Managers see all grants; everyone else sees the grants made to them. */
export const readGrants: Access = ({ req }) => {
  if (!req.user || !actorOf(req)) return false
  if (mayManageOrganisation(actorOf(req))) return true
  return { grantee: { equals: req.user.id } }
}
