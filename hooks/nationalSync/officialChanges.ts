import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { historyGroupOf, staffGroupsChanged } from '../../src/domain/nationalSync'
import { relationId } from '../../src/domain/relationId'
import { plainIdentifier, recordDeletion, recordOfficialChange } from '../../src/nationalSync/outbox'

type Doc = Record<string, unknown> & { id: number | string }

/**
 * A created or changed staff record → its national sync entry, on the operation's transaction (src/nationalSync/outbox.ts).
 * A new CCCD number (a new card) links the old key to the new one.
 */
export const staffToNationalOutbox: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const before = operation === 'create' ? null : (previousDoc as Doc | undefined)
  const groups = staffGroupsChanged(before, doc as Doc)
  const oldKey = before && 'nationalId' in (doc as Doc) ? plainIdentifier(before.nationalId) : null
  const newKey = plainIdentifier((doc as Doc).nationalId)
  await recordOfficialChange(req, { staffId: Number(doc.id), groups, previousPersonKey: oldKey && oldKey !== newKey ? oldKey : null })
  return doc
}

export const staffDeletionToNationalOutbox: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await recordDeletion(req, Number((doc as Doc).id), (doc as Doc).nationalId)
  return doc
}

/** A history row added, changed or removed → the entry of the record it belongs to. */
async function rowChanged(doc: Doc, slug: string, req: Parameters<CollectionAfterDeleteHook>[0]['req']): Promise<void> {
  const staffId = relationId(doc.staff)
  const group = historyGroupOf(slug)
  if (staffId != null && group) await recordOfficialChange(req, { staffId, groups: [group] })
}

export const historyToNationalOutbox: CollectionAfterChangeHook = async ({ doc, collection, req }) => {
  await rowChanged(doc as Doc, collection.slug, req)
  return doc
}

export const historyDeletionToNationalOutbox: CollectionAfterDeleteHook = async ({ doc, collection, req }) => {
  await rowChanged(doc as Doc, collection.slug, req)
  return doc
}
