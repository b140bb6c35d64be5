/**
 * recordAuditEvent — the one way to write to the audit trail. Changes, reads and logins are recorded by
 * hooks (hooks/audit/); other features call this for print, export, sign, approve, return, backup, restore.
 *
 * One SQL INSERT per event, on the request's transaction when there is one (Payload's req.transactionID):
 * the event of a change commits or rolls back with the change itself, so a committed change never lacks
 * its event, even after a crash. The database numbers, stamps and chains the row (migrations/*audit_chain*).
 * A read's event goes into the outbox instead (a plain INSERT, no lock and no hash on the read's path);
 * src/audit/outbox.ts moves it into the chain within about a second, and before anyone reads the trail.
 */
import { createHmac } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { actorOf, actorWithGrants } from '../accounts/actor'
import { recordScope } from '../domain/access'
import type { AuditChange } from '../domain/auditEvent'
import { dottedIds, grantPurposes, reachedByDuty, unitTokens } from '../domain/auditEvent'
import type { AuditOperation } from '../domain/auditOperations'
import { transactionDb } from '../db/pool'

export interface AuditEventInput {
  operation: AuditOperation
  /** The collection (or other resource: 'accounts', 'backup' …) the event is about. */
  collection: string
  recordIds?: ReadonlyArray<number | string>
  /** Staff records concerned (the data subjects); defaults to recordIds for the 'staff' collection. */
  subjects?: ReadonlyArray<number>
  /** Unit paths of the subjects when known (saves a lookup); otherwise read from the staff table. */
  subjectUnitPaths?: ReadonlyArray<string | null | undefined>
  /** Why: a grant's purpose, an export's reason. Reads and changes through grants get it automatically. */
  purpose?: string | null
  changes?: AuditChange[] | null
  /** Anything else worth keeping. Never put a CCCD, password, token or key here. */
  detail?: Record<string, unknown> | null
  /** The acting account when it is not req.user (a login, before req.user is set). */
  actor?: { id: number | string; name?: string | null; roles?: readonly string[] } | null
}

/** Set HOSO_AUDIT_READS=false to stop logging reads (the benchmark's baseline); changes are always logged. */
export const readLoggingEnabled = () => process.env.HOSO_AUDIT_READS !== 'false'

/** Key for the digests that replace sensitive values in change logs (derived from the server secret). */
export function auditDigestKey(req: PayloadRequest): string {
  return createHmac('sha256', req.payload.secret).update('hoso-audit-digest').digest('hex')
}

const header = (req: PayloadRequest, name: string): string | null => {
  const h = req.headers as Headers | undefined
  const v = typeof h?.get === 'function' ? h.get(name) : null
  return v ? v.slice(0, 500) : null
}

type AccountLike = { id: number | string; email?: string; displayName?: string | null; roles?: string[]; collection?: string }

async function purposeOf(req: PayloadRequest, input: AuditEventInput, subjects: readonly number[]): Promise<string | null> {
  if (input.purpose !== undefined) return input.purpose
  const own = actorOf(req)
  if (!subjects.length || !own) return null
  if (!['read', 'update', 'create', 'delete'].includes(input.operation)) return null
  const action = input.operation === 'read' ? 'read' : 'update'
  const paths = input.subjectUnitPaths
  const known = paths && paths.length === subjects.length ? subjects.map((id, i) => ({ id, unitPath: paths[i] ?? null })) : null
  // Records within the actor's own duty carry no purpose: no grants to load (one query less on every read).
  const byDuty = reachedByDuty(own, action)
  if (recordScope({ ...own, grants: [] }, action).kind === 'all' || known?.every(byDuty)) return null
  const actor = await actorWithGrants(req)
  if (!actor?.grants?.length) return null
  let records: Array<{ id: number; unitPath: string | null }>
  if (known) records = known
  else {
    // On the request's transaction: a second pool connection inside a transaction can exhaust the pool.
    const db = await transactionDb(req.payload, req)
    const { rows } = await db.execute(sql`SELECT id, unit_path AS "unitPath" FROM staff WHERE id = ANY(string_to_array(${subjects.join(',')}, ',')::int[])`)
    records = rows as Array<{ id: number; unitPath: string | null }>
  }
  const purposes = grantPurposes(actor, records, action)
  return purposes.length ? purposes.join('; ') : null
}

export async function recordAuditEvent(req: PayloadRequest, input: AuditEventInput): Promise<void> {
  const user: AccountLike | null = input.actor
    ? { id: input.actor.id, displayName: input.actor.name ?? null, roles: [...(input.actor.roles ?? [])] }
    : ((req.user as AccountLike | null) ?? null)
  const subjects = [...new Set(input.subjects ?? (input.collection === 'staff' ? (input.recordIds ?? []).map(Number) : []))].filter(Number.isFinite)
  const purpose = await purposeOf(req, input, subjects)
  const knownUnits = input.subjectUnitPaths ? unitTokens(input.subjectUnitPaths) : null
  const subjectsText = dottedIds(subjects)
  // Unit paths unknown (history rows, extra events): read them in the same statement.
  const units =
    knownUnits || !subjectsText
      ? sql`${knownUnits}::varchar`
      : sql`(SELECT '.' || string_agg(DISTINCT u, '.') || '.'
               FROM staff s, unnest(string_to_array(trim(both '.' from s.unit_path), '.')) u
              WHERE s.id = ANY(string_to_array(trim(both '.' from ${subjectsText}::text), '.')::int[]) AND u <> '')`
  const db = await transactionDb(req.payload, req)
  // A read outside any transaction commits without waiting for the WAL flush (synchronous_commit off for this
  // one statement): the app may crash without losing it; only a crash of PostgreSQL itself can lose the last
  // fraction of a second of read events. Changes always commit synchronously, with the change, on its transaction.
  const inTransaction = db !== (req.payload.db as unknown as { drizzle: unknown }).drizzle
  // A change made by an Excel import (src/import/commit.ts) goes through the outbox too, tagged with its batch,
  // on the import's transaction: thousands of records do not hold the chain's lock for the whole import.
  const importBatch = (req.context as { importBatch?: number } | undefined)?.importBatch
  const toOutbox = input.operation === 'read' || (importBatch != null && inTransaction)
  if (importBatch != null && input.operation !== 'read') input = { ...input, detail: { ...(input.detail ?? {}), importBatch } }
  const asyncCommit = toOutbox && !inTransaction ? sql`FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit` : sql``
  await db.execute(sql`
    INSERT INTO ${toOutbox ? sql`audit_outbox` : sql`audit_events`} (operation, target_collection, record_ids, subjects, subject_units, actor_id, actor_name,
                              actor_roles, ip, user_agent, request_id, purpose, changes, detail)
    SELECT ${input.operation}::enum_audit_events_operation, ${input.collection}, ${dottedIds(input.recordIds ?? [])}, ${subjectsText},
           ${units}, ${user ? Number(user.id) : null}::numeric, ${user ? (user.displayName || user.email || null) : null},
           ${user?.roles?.join(',') ?? null}, ${header(req, 'x-hoso-client-ip')}, ${header(req, 'user-agent')},
           ${header(req, 'x-request-id')}, ${purpose}, ${input.changes ? JSON.stringify(input.changes) : null}::jsonb,
           ${input.detail ? JSON.stringify(input.detail) : null}::jsonb
    ${asyncCommit}`)
}
