import type { CollectionAfterOperationHook, PayloadRequest } from 'payload'

import { actorOf } from '../../src/accounts/actor'
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
  // GraphQL resolvers leave overrideAccess unset (access applies); the Local API sets it to true unless told otherwise.
  if ((overrideAccess ?? (args as { overrideAccess?: boolean }).overrideAccess) === true) return result
  const docs = (operation === 'find' ? ((result as { docs?: Doc[] }).docs ?? []) : result ? [result as Doc] : []).filter(Boolean)
  await auditRead(req, collection.slug, docs, operation === 'find')
  return result
}

/**
 * The `read` event of documents returned to the signed-in person (also used by endpoints that read with
 * their own SQL, such as the name search): one event listing the ids, none for one's own record only.
 */
export async function auditRead(
  req: PayloadRequest,
  collection: string,
  docs: ReadonlyArray<{ id: number | string; staff?: unknown; unitPath?: unknown }>,
  list: boolean,
): Promise<void> {
  if (!readLoggingEnabled() || !req.user || !docs.length) return
  const isStaff = collection === 'staff'
  const subjects = isStaff ? docs.map((d) => Number(d.id)) : docs.map((d) => relationId(d.staff)).filter((id): id is number => id != null)
  const own = actorOf(req)?.staffId
  if (own != null && subjects.length && subjects.every((s) => s === own)) return
  await recordAuditEvent(req, {
    operation: 'read',
    collection,
    recordIds: docs.map((d) => d.id),
    subjects,
    subjectUnitPaths: isStaff && docs.every((d) => typeof d.unitPath === 'string') ? docs.map((d) => d.unitPath as string) : undefined,
    detail: list ? { list: true } : null,
  })
}
