import type { Access } from 'payload'

import { recordScope } from '../src/domain/access'
import { maySeeSensitive } from '../src/domain/sensitivity'
import { actorOf } from './actor'
import { scopeToWhere } from './scopeToWhere'

/** History rows follow their staff record's scope (filter through the `staff` relationship). */
export const readHistoryRows: Access = ({ req }) => scopeToWhere(recordScope(actorOf(req), 'read'), 'staff.')
export const updateHistoryRows: Access = ({ req }) => scopeToWhere(recordScope(actorOf(req), 'update'), 'staff.')

/**
 * Rows that are sensitive as a whole (kỷ luật, NĐ 356/2025 Điều 4.1.g): HR within scope and the person
 * themselves; a unit head does not see them.
 */
export const readSensitiveHistoryRows: Access = ({ req }) => {
  const actor = actorOf(req)
  if (maySeeSensitive(actor)) return scopeToWhere(recordScope(actor, 'read'), 'staff.')
  return actor?.staffId != null ? { staff: { equals: actor.staffId } } : false
}
