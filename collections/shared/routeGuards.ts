import { NotFound, type CollectionBeforeOperationHook, type CollectionConfig, type Endpoint, type PayloadHandler } from 'payload'

/**
 * Two REST shapes that otherwise end in a database error (500):
 * - Payload mounts GET /versions, GET /versions/:id and POST /versions/:id on every collection, also on those
 *   without versions, where they query a table that does not exist. Our collections keep no versions (history
 *   lives in its own collections and the audit trail): these routes answer 404, before any query runs.
 * - An id that is not a positive integer (`/api/staff/abc` becomes NaN): 404, like an id that does not exist.
 */
const notFound: PayloadHandler = (req) => Response.json({ errors: [{ message: req.t('general:notFound') }] }, { status: 404 })

const versionRoutes: Endpoint[] = [
  { path: '/versions', method: 'get', handler: notFound },
  { path: '/versions/:id', method: 'get', handler: notFound },
  { path: '/versions/:id', method: 'post', handler: notFound },
]

const wellFormedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !(Number.isSafeInteger(Number(id)) && Number(id) > 0)) throw new NotFound(req.t)
  return args
}

export function guardRoutes(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => ({
    ...c,
    endpoints: c.versions ? c.endpoints : [...(c.endpoints || []), ...versionRoutes],
    hooks: { ...c.hooks, beforeOperation: [wellFormedId, ...(c.hooks?.beforeOperation ?? [])] },
  }))
}
