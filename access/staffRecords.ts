import type { Access } from 'payload'

import { recordScope } from '../src/domain/access'
import { actorWithGrants } from '../src/accounts/actor'
import { withArchivedRule } from './archivedRecords'
import { scopeToWhere } from './scopeToWhere'

/**
 * Staff records: own record, unit subtree, or all — by role (src/domain/access.ts); archived records (the person
 * has left) only for ministry HR and the archivist.
 */
export const readStaffRecords: Access = async ({ req }) => {
  const actor = await actorWithGrants(req)
  return withArchivedRule(actor, scopeToWhere(recordScope(actor, 'read')))
}
export const updateStaffRecords: Access = async ({ req }) => scopeToWhere(recordScope(await actorWithGrants(req), 'update'))
