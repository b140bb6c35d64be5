import type { Endpoint } from 'payload'

import { actorOf } from '../../../src/accounts/actor'
import { isAuditor } from '../../../src/domain/access'
import { recordAuditEvent } from '../../../src/audit/record'
import { drainAuditOutbox } from '../../../src/audit/outbox'
import { findAuditEvents } from '../../../src/audit/query'
import { parseAuditFilter } from '../../../src/domain/auditFilters'
import { AUDIT_OPERATION_LABELS, type AuditOperation } from '../../../src/domain/auditOperations'
import { csvCell } from '../../../src/domain/csv'
import { formatDateTimeInVietnam } from '../../../src/domain/dates'
import { localize } from '../../../src/domain/errors'
import { poolOf } from '../../../src/db/pool'
import { refusal } from '../../shared/responses'

/** RFC 4180 quoting with formula cells neutralised (src/domain/csv.ts). */
const csvField = csvCell

const HEADER = [
  'seq', 'Thời điểm (giờ Việt Nam)', 'occurred_at_utc', 'Thao tác / operation', 'Người thực hiện / actor', 'actor_id', 'Vai trò / roles',
  'Loại dữ liệu / collection', 'Bản ghi / records', 'Hồ sơ liên quan / subjects', 'Đơn vị / units', 'Mục đích / purpose', 'IP',
  'User agent', 'request_id', 'Thay đổi / changes', 'Chi tiết / detail', 'hash',
]

/** At most this many rows per export; narrow the period for more. */
const MAX_ROWS = 100_000

/**
 * GET /api/audit-events/export.csv?person=&actor=&unit=&operation=&collection=&from=&to= — the audit trail
 * as CSV (UTF-8 with BOM, for Excel), auditor only. The export itself is an audit event.
 */
export const exportCsvEndpoint: Endpoint = {
  path: '/export.csv',
  method: 'get',
  handler: async (req) => {
    const lang = req.i18n?.language ?? 'vi'
    if (!isAuditor(actorOf(req))) {
      return refusal(req, req.user ? 403 : 401)
    }
    const { filter, issues } = parseAuditFilter(new URL(req.url ?? '', 'http://local').searchParams)
    if (issues.length) return Response.json({ errors: issues.map((i) => ({ field: i.field, message: localize(i, lang) })) }, { status: 400 })
    const pool = poolOf(req.payload)
    await drainAuditOutbox(pool)
    const rows = await findAuditEvents(pool, filter, MAX_ROWS)
    const lines = [HEADER.map(csvField).join(',')]
    for (const r of rows) {
      const op = AUDIT_OPERATION_LABELS[r.operation as AuditOperation]
      lines.push(
        [
          r.seq, formatDateTimeInVietnam(r.occurredAt), r.occurredAt.toISOString(), op ? `${op.vi} / ${r.operation}` : r.operation,
          r.actorName, r.actorId, r.actorRoles, r.targetCollection, r.recordIds, r.subjects, r.subjectUnits, r.purpose, r.ip,
          r.userAgent, r.requestId, r.changes, r.detail, r.hash,
        ].map(csvField).join(','),
      )
    }
    await recordAuditEvent(req, {
      operation: 'export',
      collection: 'audit-events',
      detail: { format: 'csv', rows: rows.length, filter: { ...filter, from: filter.from?.toISOString(), until: filter.until?.toISOString() } },
    })
    return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="nhat-ky-truy-cap-${new Date().toISOString().slice(0, 10)}.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
