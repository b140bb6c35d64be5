import type { Pool } from 'pg'

import type { AuditFilter } from '../domain/auditFilters'

export interface AuditRow {
  seq: string
  occurredAt: Date
  operation: string
  targetCollection: string | null
  recordIds: string | null
  subjects: string | null
  subjectUnits: string | null
  actorId: string | null
  actorName: string | null
  actorRoles: string | null
  ip: string | null
  userAgent: string | null
  requestId: string | null
  purpose: string | null
  changes: unknown
  detail: unknown
  hash: string
}

/** The filter as a parameterised WHERE clause (dotted id lists: `LIKE '%.42.%'`, trigram-indexed). */
export function auditWhere(f: AuditFilter): { where: string; params: unknown[] } {
  const parts: string[] = []
  const params: unknown[] = []
  const add = (sql: string, v: unknown) => {
    params.push(v)
    parts.push(sql.replace('?', `$${params.length}`))
  }
  if (f.person) add('subjects LIKE ?', `%.${f.person}.%`)
  if (f.unit) add('subject_units LIKE ?', `%.${f.unit}.%`)
  if (f.actor) add('actor_id = ?', f.actor)
  if (f.operation) add('operation = ?', f.operation)
  if (f.collection) add('target_collection = ?', f.collection)
  if (f.from) add('occurred_at >= ?', f.from)
  if (f.until) add('occurred_at < ?', f.until)
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

export async function findAuditEvents(pool: Pool, f: AuditFilter, limit: number, offset = 0): Promise<AuditRow[]> {
  const { where, params } = auditWhere(f)
  const { rows } = await pool.query<AuditRow>(
    `SELECT seq::text AS seq, occurred_at AS "occurredAt", operation::text AS operation, target_collection AS "targetCollection",
            record_ids AS "recordIds", subjects, subject_units AS "subjectUnits", actor_id::text AS "actorId",
            actor_name AS "actorName", actor_roles AS "actorRoles", ip, user_agent AS "userAgent",
            request_id AS "requestId", purpose, changes, detail, hash
       FROM audit_events ${where} ORDER BY seq DESC LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
    params,
  )
  return rows
}
