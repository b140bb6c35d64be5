import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { relationId } from '../../src/domain/relationId'
import { refuseArchivedEdit } from '../../src/lifecycle/archived'
import { withRefusals } from '../validationError'

/** An archived staff record refuses edits and deletion (403), but for a decision taking effect or being revoked. */
export const refuseArchivedRecordEdits: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  await withRefusals('staff', req, () => refuseArchivedEdit(req, { id: Number(originalDoc.id), employmentStatus: originalDoc.employmentStatus ?? null }))
  return data
}

export const refuseArchivedRecordDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await withRefusals('staff', req, () => refuseArchivedEdit(req, { id: Number(id) }))
}

/** A history row of an archived record can be neither added, changed nor removed. */
export const refuseArchivedRowEdits: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  await withRefusals(collection.slug, req, () => refuseArchivedEdit(req, { id: relationId(data.staff ?? originalDoc?.staff) }))
  return data
}

export const refuseArchivedRowDeletion: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const row = await req.payload.findByID({ collection: collection.slug as 'work-history', id, depth: 0, req, overrideAccess: true, disableErrors: true })
  await withRefusals(collection.slug, req, () => refuseArchivedEdit(req, { id: relationId(row?.staff) }))
}
