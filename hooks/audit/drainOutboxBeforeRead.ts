import type { CollectionBeforeOperationHook } from 'payload'

import { drainAuditOutbox } from '../../src/audit/outbox'
import { poolOf } from '../../src/db/pool'

/** The auditor's list and detail views show every read answered so far: pending outbox rows are chained first. */
export const drainOutboxBeforeRead: CollectionBeforeOperationHook = async ({ operation, args, req }) => {
  if (operation === 'read' && req.user) await drainAuditOutbox(poolOf(req.payload))
  return args
}
