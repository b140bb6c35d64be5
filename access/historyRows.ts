import type { Access } from 'payload'

import { recordScope } from '../src/domain/access'
import { actorOf, actorWithGrants } from '../src/accounts/actor'
import { scopeToWhere } from './scopeToWhere'

/** History rows follow their staff record's scope (filter through the `staff` relationship). */
export const readHistoryRows: Access = async ({ req }) => scopeToWhere(recordScope(await actorWithGrants(req), 'read'), 'staff.')
export const updateHistoryRows: Access = async ({ req }) => scopeToWhere(recordScope(await actorWithGrants(req), 'update'), 'staff.')

/**
 * Rows that are sensitive as a whole (kỷ luật, NĐ 356/2025 Điều 4.1.g): HR within scope and the person
 * themselves; a unit head does not see them.
 */
export const readSensitiveHistoryRows: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  if (actor.roles.includes('ministry-hr')) return true
  // Own duty only (grants never open sensitive rows): own unit's subtree for HR, plus one's own record.
  const subtreeUnitIds = actor.roles.includes('unit-hr') && actor.unitId != null ? [actor.unitId] : []
  const staffIds = actor.staffId != null ? [actor.staffId] : []
  if (!subtreeUnitIds.length && !staffIds.length) return false
  return scopeToWhere({ kind: 'some', subtreeUnitIds, staffIds }, 'staff.')
}
