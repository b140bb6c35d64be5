import type { Endpoint } from 'payload'

import { deadlineList } from '../../src/nationalSync/deadlines'
import { listOutbox } from '../../src/nationalSync/list'
import { handle } from '../shared/responses'

/**
 * Root endpoints of the national database sync (payload.config.ts `endpoints`: /api/national-sync/…). The outbox is a
 * plain table written by the record's hooks (src/nationalSync/outbox.ts), not a Payload collection: no REST writes.
 */
export const nationalSyncEndpoints: Endpoint[] = [
  // 401 without sign-in; 403 but for ministry HR and administrators (after the second factor); 400 for a bad query.
  { path: '/national-sync/outbox', method: 'get', handler: handle(listOutbox) },
  // NĐ 27/2026 deadlines (src/nationalSync/deadlines.ts): 401 without sign-in; HR officers, within their unit subtree (403 otherwise).
  { path: '/national-sync/deadlines', method: 'get', handler: handle(deadlineList) },
]
