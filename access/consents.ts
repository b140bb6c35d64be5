import type { Access } from 'payload'

import { actorOf } from '../src/accounts/actor'
import { seesAllDataRequests } from '../src/domain/dataRequests'

/** Consent records: the person their own; the personal-data officer and ministry HR all (the proof of consent). */
export const readConsents: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  if (seesAllDataRequests(actor)) return true
  return actor.staffId != null ? { staff: { equals: actor.staffId } } : false
}
