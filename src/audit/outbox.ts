/**
 * The read-event outbox (migrations/*audit_outbox*): a read's event is one plain INSERT into `audit_outbox`
 * (src/audit/record.ts); the drainer moves outbox rows into the chained `audit_events` in batches, in id
 * order, exactly once, one transaction per batch, under an advisory lock so that one instance drains at a
 * time (the database function hoso_audit_drain_outbox does all of it).
 *
 * Readers of the trail (the person's own view, the auditor's list and CSV) drain first and wait for a drain
 * in progress elsewhere, so they see every read answered before them; the periodic drainer keeps the outbox
 * short between them.
 */
import type { Pool } from 'pg'
import type { Payload } from 'payload'

import { poolOf } from '../db/pool'

const BATCH = 5000

/**
 * Moves every outbox row committed so far into the chain, one batch per transaction. With `wait: false` it
 * gives up at once when another session is draining (the periodic drainer); with `wait: true` it queues
 * behind it (a reader that must see everything). Returns how many events it moved.
 */
export async function drainAuditOutbox(pool: Pick<Pool, 'query'>, { wait = true } = {}): Promise<number> {
  let moved = 0
  for (;;) {
    const { rows } = await pool.query<{ n: number }>('SELECT hoso_audit_drain_outbox($1, $2) AS n', [BATCH, wait])
    const n = rows[0]!.n
    if (n < 0) return moved
    moved += n
    if (n < BATCH) return moved
  }
}

/** Read events not yet chained. */
export async function pendingAuditOutbox(pool: Pick<Pool, 'query'>): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_outbox')
  return rows[0]!.n
}

export interface AuditDrainer {
  /** Stops the timer, waits for a drain in progress and drains once more. */
  stop(): Promise<void>
}

/**
 * Drains at once (events left by a crash) and then every `intervalMs` (HOSO_AUDIT_DRAIN_MS, default 1000).
 * Runs on every instance; the database's advisory lock lets one drain at a time and the others skip.
 */
export function startAuditDrainer(
  payload: Payload,
  intervalMs = Number(process.env.HOSO_AUDIT_DRAIN_MS ?? 1000),
  onError: (err: unknown) => void = (err) => payload.logger.error({ err }, 'audit outbox drain failed'),
): AuditDrainer {
  const pool = poolOf(payload)
  let busy: Promise<unknown> | null = null
  let stopped = false
  const tick = () => {
    if (busy || stopped) return
    busy = drainAuditOutbox(pool, { wait: false })
      .catch(onError)
      .finally(() => (busy = null))
  }
  tick()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await busy
      await drainAuditOutbox(pool, { wait: false }).catch(onError)
    },
  }
}
