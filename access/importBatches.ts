import type { Access } from 'payload'

import { actorOf } from '../src/accounts/actor'
import { isHrOfficer } from '../src/domain/access'

/**
 * An import batch is read by the HR officer who ran it (its problems and duplicates name records of their scope);
 * nobody else, not even ministry HR, reads another officer's preview.
 */
export const readOwnImportBatches: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor || !isHrOfficer(actor) || !req.user) return false
  return { createdBy: { equals: req.user.id } }
}
