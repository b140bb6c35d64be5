import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, SanitizedCollectionConfig } from 'payload'

import { auditChanges } from '../../src/domain/auditEvent'
import { relationId } from '../../src/domain/relationId'
import { auditDigestKey, recordAuditEvent } from '../../src/audit/record'

type Doc = Record<string, unknown> & { id: number | string }

/** Join fields are other collections' rows (logged there), not values of this record. */
const joinFields = (collection: SanitizedCollectionConfig) => collection.flattenedFields.filter((f) => f.type === 'join').map((f) => f.name)

function subjectOf(collection: SanitizedCollectionConfig, doc: Doc): { subjects: number[]; paths?: Array<string | null> } {
  if (collection.slug === 'staff') return { subjects: [Number(doc.id)], paths: doc.unitPath ? [doc.unitPath as string] : undefined }
  const staffId = relationId(doc.staff)
  return { subjects: staffId == null ? [] : [staffId] }
}

/**
 * The record as it was, limited to the fields the saved document shows. Payload reads the previous version with
 * every field (overrideAccess) but returns the saved one with the caller's field access applied: a field the
 * caller may not read (a grant holder and the sensitive items) is absent, not emptied, and must not be logged as
 * changed to null. A field cleared on purpose is present with `null`.
 */
export function visibleBefore(previousDoc: Record<string, unknown> | null | undefined, doc: Record<string, unknown>): Record<string, unknown> | null {
  if (!previousDoc) return null
  return Object.fromEntries(Object.entries(previousDoc).filter(([field]) => field in doc))
}

/**
 * Logs every create and update of a personnel record or history row with its field changes (old → new),
 * sensitive values masked by `isSensitive`. Runs inside the operation's transaction.
 */
export function auditChangesHook(isSensitive: (field: string) => boolean): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, operation, req, collection }) => {
    const { subjects, paths } = subjectOf(collection, doc as Doc)
    await recordAuditEvent(req, {
      operation,
      collection: collection.slug,
      recordIds: [(doc as Doc).id],
      subjects,
      subjectUnitPaths: paths,
      changes: auditChanges(operation === 'create' ? null : visibleBefore(previousDoc, doc as Doc), doc, { isSensitive, digestKey: auditDigestKey(req), ignore: joinFields(collection) }),
    })
    return doc
  }
}

/** Logs the deletion of a record or row with the values it held (masked likewise). */
export function auditDeleteHook(isSensitive: (field: string) => boolean): CollectionAfterDeleteHook {
  return async ({ doc, req, collection }) => {
    const { subjects, paths } = subjectOf(collection, doc as Doc)
    await recordAuditEvent(req, {
      operation: 'delete',
      collection: collection.slug,
      recordIds: [(doc as Doc).id],
      subjects,
      subjectUnitPaths: paths,
      changes: auditChanges(doc, null, { isSensitive, digestKey: auditDigestKey(req), ignore: joinFields(collection) }),
    })
    return doc
  }
}
