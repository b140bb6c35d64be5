import type { CollectionAfterOperationHook } from 'payload'

import { actorOf } from '../../access/actor'
import { readLoggingEnabled, recordAuditEvent } from '../../src/audit/record'
import { relationId } from '../../src/domain/relationId'

type Doc = Record<string, unknown> & { id: number | string }

/**
 * One `read` event per find or findByID made on behalf of a person (REST, GraphQL, the admin, and Local API
 * calls with `overrideAccess: false`), listing the ids returned. System reads (access overridden) are not
 * personal-data reads; a person reading only their own record is not logged (domain.md §6.3: "every read of
 * another person's record"). Counts return no record and are not logged.
 */
export const auditReads: CollectionAfterOperationHook = async ({ operation, args, result, req, collection, overrideAccess }) => {
  if (operation !== 'find' && operation !== 'findByID') return result
  if (!readLoggingEnabled() || !req.user) return result
  // GraphQL resolvers leave overrideAccess unset (access applies); the Local API sets it to true unless told otherwise.
  if ((overrideAccess ?? (args as { overrideAccess?: boolean }).overrideAccess) === true) return result
  const docs = (operation === 'find' ? ((result as { docs?: Doc[] }).docs ?? []) : result ? [result as Doc] : []).filter(Boolean)
  if (!docs.length) return result
  const isStaff = collection.slug === 'staff'
  const subjects = isStaff ? docs.map((d) => Number(d.id)) : docs.map((d) => relationId(d.staff)).filter((id): id is number => id != null)
  const own = actorOf(req)?.staffId
  if (own != null && subjects.length && subjects.every((s) => s === own)) return result
  await recordAuditEvent(req, {
    operation: 'read',
    collection: collection.slug,
    recordIds: docs.map((d) => d.id),
    subjects,
    subjectUnitPaths: isStaff && docs.every((d) => typeof d.unitPath === 'string') ? docs.map((d) => d.unitPath as string) : undefined,
    detail: operation === 'find' ? { list: true } : null,
  })
  return result
}
