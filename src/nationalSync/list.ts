/**
 * `GET /api/national-sync/outbox` — the outbox as ministry HR and the administrators see it: each entry's identifier
 * masked but for its last 4 digits, the groups, the hash, the times and the delay against the 1-day rule. Ministry HR
 * also sees which record an entry belongs to (and that read is an audit event); administrators, who read no personal
 * data, see no record id.
 */
import type { PayloadRequest } from 'payload'

import { actorOf } from '../accounts/actor'
import { recordAuditEvent } from '../audit/record'
import { dataKeyring } from '../crypto/dataKey'
import { poolOf } from '../db/pool'
import { refuse } from '../domain/errors'
import { isLate, isOutboxStatus, maskPersonKey, syncDelayMs, type OutboxStatus } from '../domain/nationalSync'
import { SEALED_PERSON_KEY } from './outbox'

export const OUTBOX_VIEW_ROLES = ['ministry-hr', 'sysadmin'] as const

export interface OutboxQuery {
  status: OutboxStatus | null
  page: number
  limit: number
}

const positive = (raw: string | null, field: string, fallback: number, max: number): number => {
  if (raw == null || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > max) refuse('invalid', field, `${field} phải là số nguyên từ 1 đến ${max}.`, `${field} must be a whole number from 1 to ${max}.`)
  return n
}

/** The query string, checked: 400 naming the parameter. */
export function outboxQuery(params: URLSearchParams): OutboxQuery {
  const status = params.get('status')
  if (status != null && status !== '' && !isOutboxStatus(status)) {
    refuse('invalid', 'status', 'status phải là pending, sent hoặc failed.', 'status must be pending, sent or failed.')
  }
  return { status: status ? (status as OutboxStatus) : null, page: positive(params.get('page'), 'page', 1, 1_000_000), limit: positive(params.get('limit'), 'limit', 50, 100) }
}

const openKey = (sealed: string | null): string | null => (sealed ? dataKeyring().open(sealed, SEALED_PERSON_KEY) : null)

export async function listOutbox(req: PayloadRequest, now = new Date()) {
  const actor = actorOf(req)
  const roles = actor?.roles ?? []
  if (!OUTBOX_VIEW_ROLES.some((r) => roles.includes(r))) {
    refuse('forbidden', 'role', 'Chỉ Vụ Tổ chức cán bộ và quản trị hệ thống xem được hàng đợi đồng bộ CSDL quốc gia.', 'Only ministry HR and administrators may see the national sync outbox.')
  }
  const seesRecords = roles.includes('ministry-hr')
  const q = outboxQuery(req.searchParams)
  const pool = poolOf(req.payload)
  const { rows } = await pool.query(
    `SELECT id, staff_id, kind, person_key, previous_person_key, groups, sources, record_schema, record_sha256, status, attempts,
            completed_at, acknowledged_at, next_attempt_at, last_error, adapter, ack_reference
       FROM national_sync_outbox WHERE ($1::varchar IS NULL OR status = $1) ORDER BY id DESC LIMIT $2 OFFSET $3`,
    [q.status, q.limit, (q.page - 1) * q.limit],
  )
  const counts = (await pool.query<{ status: OutboxStatus; n: number }>(`SELECT status, count(*)::int AS n FROM national_sync_outbox GROUP BY status`)).rows
  const byStatus = { pending: 0, sent: 0, failed: 0, ...Object.fromEntries(counts.map((c) => [c.status, c.n])) }
  const totalDocs = q.status ? byStatus[q.status] : byStatus.pending + byStatus.sent + byStatus.failed
  const docs = rows.map((r) => {
    const times = { completedAt: new Date(r.completed_at), acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null }
    return {
      id: Number(r.id),
      ...(seesRecords ? { staffId: r.staff_id as number } : {}),
      kind: r.kind as string,
      personKey: maskPersonKey(openKey(r.person_key)),
      previousPersonKey: maskPersonKey(openKey(r.previous_person_key)),
      groups: r.groups as string[],
      sources: r.sources as string[],
      recordSchema: r.record_schema as string,
      sha256: r.record_sha256 as string | null,
      status: r.status as OutboxStatus,
      attempts: r.attempts as number,
      completedAt: times.completedAt.toISOString(),
      acknowledgedAt: times.acknowledgedAt?.toISOString() ?? null,
      nextAttemptAt: r.status === 'pending' ? new Date(r.next_attempt_at).toISOString() : null,
      delayMs: syncDelayMs(times, now),
      late: isLate(times, now),
      lastError: r.last_error as string | null,
      adapter: r.adapter as string | null,
      ackReference: r.ack_reference as string | null,
    }
  })
  if (seesRecords && docs.length) {
    await recordAuditEvent(req, { operation: 'read', collection: 'national-sync-outbox', recordIds: docs.map((d) => d.id), subjects: [...new Set(rows.map((r) => r.staff_id as number))] })
  }
  return { docs, totalDocs, page: q.page, limit: q.limit, totalPages: Math.max(1, Math.ceil(totalDocs / q.limit)), counts: byStatus }
}
