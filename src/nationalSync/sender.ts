/**
 * Delivering the outbox: one pass sends, round after round, the oldest pending entry of each record that is due
 * (never an entry while an older one of the same record is still pending: the national side sees a record's changes
 * in order), through the configured adapter, until nothing is due. Each outcome is written at once: acknowledged →
 * `sent` with the time (the delay the 1-day rule measures); failed → retried later with back-off, or `failed` when
 * the receiver refused the message itself or the attempts ran out (an operator looks; later entries of that record
 * go on, each carries the whole record).
 *
 * Crash safety: an entry is marked sent only after its acknowledgement; a sender killed in between sends it again
 * with the same idempotency key, and the receiver keeps one copy. One pass at a time across every instance and the
 * CLI (a session advisory lock, as src/lifecycle/schedule.ts).
 */
import type { Pool, PoolClient } from 'pg'

import { dataKeyring } from '../crypto/dataKey'
import { retryDelayMs, type RetryPolicy } from '../domain/nationalSync'
import type { NationalSyncAdapter } from './adapters/types'
import { SEALED_PERSON_KEY, SEALED_RECORD } from './outbox'
import type { OutboxMessage } from './wireFormat'

export const SEND_LOCK = 'hoso:national-sync:send'

export interface SendResult {
  /** True when another process held the lock and this pass did nothing. */
  locked: boolean
  sent: number
  retried: number
  failed: number
  rounds: number
}

interface Row {
  id: string
  staff_id: number
  kind: 'upsert' | 'delete'
  person_key: string | null
  previous_person_key: string | null
  groups: string[]
  record_schema: string
  record: string | null
  record_sha256: string | null
  completed_at: Date
  idempotency_key: string
  attempts: number
}

function messageOf(r: Row): OutboxMessage {
  const keyring = dataKeyring()
  return {
    sequence: Number(r.id),
    idempotencyKey: r.idempotency_key,
    kind: r.kind,
    personKey: r.person_key ? keyring.open(r.person_key, SEALED_PERSON_KEY) : null,
    previousPersonKey: r.previous_person_key ? keyring.open(r.previous_person_key, SEALED_PERSON_KEY) : null,
    groups: r.groups,
    recordSchema: r.record_schema,
    record: r.record ? (JSON.parse(keyring.open(r.record, SEALED_RECORD)) as Record<string, unknown>) : null,
    recordSha256: r.record_sha256,
    completedAt: new Date(r.completed_at).toISOString(),
  }
}

/** The oldest pending entry of each record, when it is due and was not tried in this pass yet. */
async function dueHeads(db: PoolClient, limit: number, tried: readonly string[]): Promise<Row[]> {
  const { rows } = await db.query<Row>(
    `SELECT * FROM (SELECT DISTINCT ON (staff_id) * FROM national_sync_outbox WHERE status = 'pending' ORDER BY staff_id, id) head
      WHERE next_attempt_at <= clock_timestamp() AND id <> ALL($2::bigint[]) ORDER BY id LIMIT $1`,
    [limit, tried],
  )
  return rows
}

export interface SendOptions {
  policy: RetryPolicy
  /** Messages per round (one per record). */
  batch?: number
  /** Stop after this many rounds (a pass is bounded; the next pass goes on). */
  maxRounds?: number
  random?: () => number
}

/** One delivery pass (`npm run national-sync:send`, the schedule). Needs a pg pool; holds one connection. */
export async function sendPending(pool: Pool, adapter: NationalSyncAdapter, options: SendOptions): Promise<SendResult> {
  const db = await pool.connect()
  const result: SendResult = { locked: false, sent: 0, retried: 0, failed: 0, rounds: 0 }
  try {
    const { rows } = await db.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [SEND_LOCK])
    if (!rows[0]?.ok) return { ...result, locked: true }
    try {
      const maxRounds = options.maxRounds ?? 1000
      // Each entry is tried at most once per pass: a failure waits for its back-off, not for the next round.
      const failedThisPass: string[] = []
      while (result.rounds < maxRounds) {
        const heads = await dueHeads(db, options.batch ?? 100, failedThisPass)
        if (!heads.length) break
        result.rounds++
        const outcomes = await adapter.deliver(heads.map(messageOf))
        for (const [i, row] of heads.entries()) {
          const outcome = outcomes[i] ?? { ok: false as const, retry: true, error: 'no outcome from the adapter' }
          const attempts = row.attempts + 1
          if (outcome.ok) {
            await db.query(
              `UPDATE national_sync_outbox SET status = 'sent', attempts = $2, last_attempt_at = clock_timestamp(),
                      acknowledged_at = clock_timestamp(), ack_reference = $3, adapter = $4, last_error = NULL
                WHERE id = $1 AND status = 'pending'`,
              [row.id, attempts, outcome.reference, adapter.name],
            )
            result.sent++
          } else {
            const give = !outcome.retry || attempts >= options.policy.maxAttempts
            await db.query(
              `UPDATE national_sync_outbox SET status = $2, attempts = $3, last_attempt_at = clock_timestamp(), adapter = $4,
                      last_error = $5, next_attempt_at = clock_timestamp() + ($6::bigint * interval '1 millisecond')
                WHERE id = $1 AND status = 'pending'`,
              [row.id, give ? 'failed' : 'pending', attempts, adapter.name, outcome.error.slice(0, 1000), retryDelayMs(attempts, options.policy, options.random?.() ?? Math.random())],
            )
            if (give) result.failed++
            else result.retried++
            failedThisPass.push(String(row.id))
          }
        }
      }
      return result
    } finally {
      await db.query(`SELECT pg_advisory_unlock(hashtext($1))`, [SEND_LOCK]).catch(() => {})
    }
  } finally {
    db.release()
  }
}
