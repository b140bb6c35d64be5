import type { Endpoint } from 'payload'

import { actorOf } from '../../../src/accounts/actor'
import { AUDIT_OPERATION_LABELS, type AuditOperation } from '../../../src/domain/auditOperations'
import { formatDateTimeInVietnam } from '../../../src/domain/dates'
import { drainAuditOutbox } from '../../../src/audit/outbox'
import { poolOf } from '../../../src/db/pool'
import { refusal } from '../../shared/responses'

/**
 * GET /api/audit-events/mine?limit=50&page=1 — "Ai đã xem hồ sơ của tôi": who read, changed, printed or
 * exported the signed-in person's own record and its histories, when (Vietnamese time) and for what purpose
 * (Luật BVDLCN 2025 Điều 4.1.a, "được biết về hoạt động xử lý dữ liệu cá nhân"). The person's own reads are left
 * out; their own changes stay in.
 */
export const mineEndpoint: Endpoint = {
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const actor = actorOf(req)
    if (!req.user || !actor) return refusal(req, 401)
    const en = req.i18n?.language === 'en'
    if (actor.staffId == null) {
      return Response.json({ docs: [], totalDocs: 0, message: en ? 'This account has no staff record' : 'Tài khoản này không gắn với hồ sơ cán bộ nào' })
    }
    const params = new URL(req.url ?? '', 'http://local').searchParams
    const limit = Math.min(Math.max(Number(params.get('limit') ?? 50) || 50, 1), 200)
    const page = Math.max(Number(params.get('page') ?? 1) || 1, 1)
    const pool = poolOf(req.payload)
    // Reads answered a moment ago may still be in the outbox.
    await drainAuditOutbox(pool)
    const where = `subjects LIKE $1 AND NOT (operation = 'read' AND actor_id = $2)`
    const args = [`%.${actor.staffId}.%`, req.user.id]
    const [{ rows }, { rows: total }] = await Promise.all([
      pool.query<{ occurredAt: Date; operation: AuditOperation; actorName: string | null; actorRoles: string | null; purpose: string | null; collection: string; self: boolean }>(
        `SELECT occurred_at AS "occurredAt", operation::text AS operation, actor_name AS "actorName", actor_roles AS "actorRoles",
                purpose, target_collection AS collection, coalesce(actor_id = $2, false) AS self
           FROM audit_events WHERE ${where} ORDER BY seq DESC LIMIT ${limit} OFFSET ${(page - 1) * limit}`,
        args,
      ),
      pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE ${where}`, args),
    ])
    const docs = rows.map((r) => ({
      time: formatDateTimeInVietnam(r.occurredAt),
      occurredAt: r.occurredAt.toISOString(),
      operation: r.operation,
      operationLabel: AUDIT_OPERATION_LABELS[r.operation]?.[en ? 'en' : 'vi'] ?? r.operation,
      actor: r.self ? (en ? 'You' : 'Bạn') : (r.actorName ?? (en ? 'System' : 'Hệ thống')),
      roles: r.actorRoles ? r.actorRoles.split(',') : [],
      purpose: r.purpose,
      collection: r.collection,
    }))
    return Response.json({ docs, totalDocs: total[0]!.n, page, limit })
  },
}
