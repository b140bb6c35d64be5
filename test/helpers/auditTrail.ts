import type pg from 'pg'

import { drainAuditOutbox } from '../../src/audit/outbox'

/**
 * Reading the audit trail from a test: where it ends now, and the events after a point. Both chain what waits
 * in the outbox first, as every reader of the trail does.
 */
export function auditTrail<Row = Record<string, any>>(sql: pg.Pool) {
  return {
    lastSeq: async () => {
      await drainAuditOutbox(sql)
      return Number((await sql.query('SELECT coalesce(max(seq), 0) AS s FROM audit_events')).rows[0].s)
    },
    eventsAfter: async (seq: number): Promise<Row[]> => {
      await drainAuditOutbox(sql)
      return (await sql.query('SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq', [seq])).rows as Row[]
    },
  }
}
