import type { Access, PayloadRequest } from 'payload'

import { recordScope, type Scope } from '../src/domain/access'
import { relationId } from '../src/domain/relationId'
import { isWithinSubtree } from '../src/domain/unitTree'
import { actorWithGrants } from '../src/accounts/actor'
import { scopeToWhere } from './scopeToWhere'

/** Whether unit `unitId` lies in one of the subtrees of an update scope (where records may be put). */
export async function unitWithinScope(req: PayloadRequest, scope: Scope, unitId: number | null): Promise<boolean> {
  if (scope.kind !== 'some') return scope.kind === 'all'
  if (unitId == null) return false
  const unit = await req.payload.findByID({ collection: 'units', id: unitId, depth: 0, req, overrideAccess: true, disableErrors: true })
  return Boolean(unit?.path && scope.subtreeUnitIds.some((u) => isWithinSubtree(unit.path as string, u)))
}

/** A new staff record may be created in a unit the actor may update (HR of that subtree, ministry HR). */
export const createStaffInScope: Access = async ({ req, data }) => {
  const scope = recordScope(await actorWithGrants(req), 'update')
  if (scope.kind !== 'some') return scope.kind === 'all'
  // Without data Payload is asking for the admin's permissions (show "Create new"?); the real create
  // always carries data and is checked below.
  if (!data) return true
  return unitWithinScope(req, scope, relationId(data.unit))
}

/** A history row may be added to a staff record the actor may update. */
export const createHistoryInScope: Access = async ({ req, data }) => {
  const where = scopeToWhere(recordScope(await actorWithGrants(req), 'update'))
  if (typeof where === 'boolean') return where
  if (!data) return true // permission probe, as above
  const staffId = relationId(data?.staff)
  if (staffId == null) return false
  const { totalDocs } = await req.payload.count({ collection: 'staff', where: { and: [{ id: { equals: staffId } }, where] }, req, overrideAccess: true })
  return totalDocs === 1
}
