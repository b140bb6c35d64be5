import { APIError, NotFound, type CollectionBeforeOperationHook, type CollectionConfig, type Endpoint, type PayloadHandler } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { localize } from '../../src/domain/errors'
import { checkListParams, queryBoundsFor } from '../../src/domain/queryLimits'
import { bodyIssue, queryIssue } from '../../src/domain/wellFormedInput'
import { maintenanceMessage } from '../../src/domain/maintenance'
import { maintenanceNow } from '../../src/maintenance/windows'

/**
 * Two REST shapes that otherwise end in a database error (500):
 * - Payload mounts GET /versions, GET /versions/:id and POST /versions/:id on every collection, also on those
 *   without versions, where they query a table that does not exist. Our collections keep no versions (history
 *   lives in its own collections and the audit trail): these routes answer 404, before any query runs.
 * - An id that is not a positive integer (`/api/staff/abc` becomes NaN): 404, like an id that does not exist.
 *
 * And one route no collection needs: Payload's duplicate (`POST /api/<slug>/:id/duplicate`) reads the source
 * with `overrideAccess: true, showHiddenFields: true`, so a copy made into one's own unit carried every sensitive
 * item and family rows' hidden details. It is off everywhere (`disableDuplicate`); a collection that truly needs
 * it must set `disableDuplicate: false` itself and re-check field access on the copy.
 */
const notFound: PayloadHandler = (req) => Response.json({ errors: [{ message: req.t('general:notFound') }] }, { status: 404 })

const versionRoutes: Endpoint[] = [
  { path: '/versions', method: 'get', handler: notFound },
  { path: '/versions/:id', method: 'get', handler: notFound },
  { path: '/versions/:id', method: 'post', handler: notFound },
]

/** Ids are PostgreSQL `integer` (serial): beyond 2^31 − 1 the database refuses the query (a 500). */
const MAX_ID = 2 ** 31 - 1

const wellFormedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !(Number.isSafeInteger(Number(id)) && Number(id) > 0 && Number(id) <= MAX_ID)) throw new NotFound(req.t)
  return args
}

/**
 * Reference lists a picker loads whole (the unit tree, code lists, ranks): a few hundred to a few thousand short
 * rows, read at depth 0 by the filter panels.
 */
const REFERENCE_LIST_LIMIT: Record<string, number> = { units: 5000, codes: 5000, ranks: 5000 }

/**
 * A REST read asks for at most a page of records, populated at most two levels deep; only ministry HR may ask for
 * a list unpaginated, still bounded (src/domain/queryLimits.ts). Checked on the request's own query string, so
 * the operations an endpoint runs for it internally are judged by what the caller asked. 400, naming the parameter.
 * GraphQL has its own cost limit (src/graphql/costLimit.ts).
 */
const boundedQuery: CollectionBeforeOperationHook = ({ operation, req, collection }) => {
  if (operation !== 'read' || req.payloadAPI !== 'REST') return
  // The sign-in lookup of the account a token names runs before req.user is known: not the caller's read.
  if (collection.auth && !req.user) return
  const bounds = queryBoundsFor(actorOf(req)?.roles)
  const reference = REFERENCE_LIST_LIMIT[collection.slug]
  const issue = checkListParams((req.query ?? {}) as Record<string, unknown>, reference ? { ...bounds, maxLimit: Math.max(bounds.maxLimit, reference) } : bounds)
  if (issue) throw new APIError(localize(issue, req.i18n?.language ?? 'vi'), 400, null, true)
}

/**
 * A NUL character, a geometry operator on a collection without point fields, or a body that is not a JSON object
 * (src/domain/wellFormedInput.ts): 400 before the query builder or PostgreSQL turns it into a 500.
 */
const wellFormedInput: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI !== 'REST') return args
  const language = req.i18n?.language ?? 'vi'
  const query = queryIssue(req.query as Record<string, unknown> | undefined)
  if (query) throw new APIError(localize(query, language), 400, null, true)
  if (operation === 'create' || operation === 'update') {
    const body = bodyIssue((args as { data?: unknown }).data)
    if (body) throw new APIError(localize(body, language), 400, null, true)
  }
  return args
}

const WRITABLE_DURING_MAINTENANCE = new Set<string>([
  // The windows themselves: extended, ended early, cancelled while in force.
  'maintenance-windows',
  // The record of a report exported (a read), kept like the audit trail so the same file can be produced again.
  'report-editions',
])

/**
 * During an announced maintenance window no business write runs, whichever way it comes: REST, GraphQL, the
 * admin's server actions, the self-service page, scheduled jobs (src/domain/maintenance.ts). 503, naming the end.
 * The windows themselves and the record of an exported report stay writable; the second-factor bookkeeping of a sign-in
 * runs (context.secondFactor), as do sign-in sessions and lockout counters, which Payload writes without hooks.
 */
const noWritesDuringMaintenance: CollectionBeforeOperationHook = async ({ operation, req, collection, args }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'delete' && operation !== 'updateByID' && operation !== 'deleteByID') return args
  if (WRITABLE_DURING_MAINTENANCE.has(collection.slug) || req.context?.secondFactor) return args
  const { current } = await maintenanceNow(req.payload)
  if (current) throw new APIError(localize(maintenanceMessage(current), req.i18n?.language ?? 'vi'), 503, null, true)
  return args
}

export function guardRoutes(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => ({
    ...c,
    disableDuplicate: c.disableDuplicate ?? true,
    endpoints: c.versions ? c.endpoints : [...(c.endpoints || []), ...versionRoutes],
    hooks: { ...c.hooks, beforeOperation: [wellFormedId, wellFormedInput, boundedQuery, noWritesDuringMaintenance, ...(c.hooks?.beforeOperation ?? [])] },
  }))
}
