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

export interface AuditActor {
  id: string
  name: string | null
  roles: string | null
}

/**
 * The accounts that appear as actors in the trail (id, the name and roles of their latest event), for the
 * auditor's actor picker: what the trail itself holds, nothing read from the accounts. A skip scan over the
 * actor_id index (one probe per distinct actor), then the name filter (`q`, case- and accent-insensitive).
 */
export async function findAuditActors(pool: Pick<Pool, 'query'>, q: string, limit: number): Promise<AuditActor[]> {
  const { rows } = await pool.query<AuditActor>(
    `WITH RECURSIVE ids AS (
       (SELECT actor_id FROM audit_events WHERE actor_id IS NOT NULL ORDER BY actor_id LIMIT 1)
       UNION ALL
       SELECT (SELECT e.actor_id FROM audit_events e WHERE e.actor_id > ids.actor_id ORDER BY e.actor_id LIMIT 1)
         FROM ids WHERE ids.actor_id IS NOT NULL
     )
     SELECT a.id, a.name, a.roles FROM (
       SELECT ids.actor_id::text AS id, last.actor_name AS name, last.actor_roles AS roles
         FROM ids CROSS JOIN LATERAL (
           SELECT actor_name, actor_roles FROM audit_events e WHERE e.actor_id = ids.actor_id ORDER BY e.seq DESC LIMIT 1
         ) last
        WHERE ids.actor_id IS NOT NULL
     ) a
     WHERE $1 = '' OR unaccent(coalesce(a.name, '')) ILIKE '%' || unaccent($1) || '%' OR a.id = $1
     ORDER BY a.name NULLS LAST, a.id::numeric LIMIT ${Number(limit)}`,
    [q.trim()],
  )
  return rows
}
