import type { Access } from 'payload'

import { recordScope } from '../src/domain/access'
import { maySeeSensitive } from '../src/domain/sensitivity'
import { actorWithGrants } from './actor'
import { scopeToWhere } from './scopeToWhere'

/** History rows follow their staff record's scope (filter through the `staff` relationship). */
export const readHistoryRows: Access = async ({ req }) => scopeToWhere(recordScope(await actorWithGrants(req), 'read'), 'staff.')
export const updateHistoryRows: Access = async ({ req }) => scopeToWhere(recordScope(await actorWithGrants(req), 'update'), 'staff.')

/**
 * Rows that are sensitive as a whole (kỷ luật, NĐ 356/2025 Điều 4.1.g): HR within scope and the person
 * themselves; a unit head does not see them.
 */
export const readSensitiveHistoryRows: Access = async ({ req }) => {
  const actor = await actorWithGrants(req)
  if (maySeeSensitive(actor)) return scopeToWhere(recordScope(actor, 'read'), 'staff.')
  return actor?.staffId != null ? { staff: { equals: actor.staffId } } : false
}
