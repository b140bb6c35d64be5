import type { Payload } from 'payload'

import { poolOf } from '../db/pool'
import { alertLateEntries } from './alerts'
import { adapterFromEnv, retryPolicy } from './config'
import { pruneAcknowledged } from './retention'
import { sendPending, type SendResult } from './sender'

/**
 * One pass: deliver what is due (when an adapter is configured), report entries past the 1-day limit, and let go of
 * acknowledged entries past their retention (src/nationalSync/retention.ts).
 */
export async function nationalSyncPass(payload: Payload, now = new Date()): Promise<{ send: SendResult | null; alerted: number; pruned: number }> {
  const adapter = adapterFromEnv()
  let send: SendResult | null = null
  if (adapter) {
    try {
      send = await sendPending(poolOf(payload), adapter, { policy: retryPolicy() })
    } finally {
      await adapter.close?.()
    }
  }
  const alerted = await alertLateEntries(payload, poolOf(payload), now)
  const pruned = await pruneAcknowledged(poolOf(payload), now)
  return { send, alerted: alerted.entries, pruned }
}

/**
 * Every HOSO_NATIONAL_SYNC_INTERVAL_MS (default 60 s) on every instance; the sender's advisory lock lets one pass run
 * at a time across instances and the CLI. HOSO_NATIONAL_SYNC_SCHEDULE=off disables it (the tests run passes by hand).
 */
export function startNationalSyncSchedule(payload: Payload): { stop(): Promise<void> } | null {
  if (process.env.HOSO_NATIONAL_SYNC_SCHEDULE === 'off') return null
  const interval = Number(process.env.HOSO_NATIONAL_SYNC_INTERVAL_MS ?? 60_000)
  let busy: Promise<unknown> | null = null
  const tick = () => {
    if (busy) return
    busy = nationalSyncPass(payload)
      .then((r) => {
        if (r.send?.sent || r.send?.failed || r.alerted) payload.logger.info({ msg: 'national sync pass', ...r.send, alerted: r.alerted })
      })
      .catch((err) => payload.logger.error({ err, msg: 'national sync pass failed' }))
      .finally(() => (busy = null))
  }
  const timer = setInterval(tick, interval)
  timer.unref()
  tick()
  return {
    async stop() {
      clearInterval(timer)
      await busy
    },
  }
}
