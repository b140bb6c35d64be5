import cron from 'node-cron'
import { createLocalReq, type Payload } from 'payload'

import { withAdvisoryLock } from '../db/pool'
import { afterMaintenance } from '../maintenance/windows'
import { inTransaction } from '../db/transaction'
import { applyDecision } from './apply'
import { dueDecisionIds, lifecycleNow } from './workflow'

export const LIFECYCLE_CRON = '0 0 * * *'
export const LIFECYCLE_TIMEZONE = 'Asia/Ho_Chi_Minh'

export interface DueRun {
  /** True when another instance held the lock and this one did nothing. */
  locked: boolean
  applied: number[]
  failed: Array<{ id: number; error: string }>
}

/**
 * Applies every approved decision whose effective date has come (00:00 Việt Nam time), each in its own
 * transaction, oldest first. Fires on every instance: the advisory lock makes one instance work at a time and
 * the conditional claim in applyDecision makes each decision apply exactly once even if two runs overlap.
 * A decision that cannot be applied (the record fails validation) stays approved, is logged and retried next run.
 */
export async function applyDueDecisions(payload: Payload, now = lifecycleNow()): Promise<DueRun> {
  const run = await withAdvisoryLock(payload, 'hoso:lifecycle:apply', async () => {
    const result: DueRun = { locked: false, applied: [], failed: [] }
    const req = await createLocalReq({}, payload)
    for (const id of await dueDecisionIds(req, now)) {
      const one = await createLocalReq({ context: { lifecycleRun: true } }, payload)
      try {
        if (await inTransaction(one, () => applyDecision(one, id, now, 'schedule'))) result.applied.push(id)
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err)
        payload.logger.error({ msg: 'decision could not be applied', decision: id, err: error })
        result.failed.push({ id, error })
      }
    }
    return result
  })
  const result = run?.value ?? { locked: true, applied: [], failed: [] }
  payload.logger.info({ msg: 'decisions due applied', applied: result.applied.length, failed: result.failed.length, locked: result.locked })
  return result
}

/**
 * Every day at 00:00 Việt Nam time, and once at start (catching up on days the app was down).
 * LIFECYCLE_SCHEDULE=off disables it (the test server sets it off; tests call applyDueDecisions with a fixed clock).
 */
export function startLifecycleSchedule(payload: Payload): { stop(): void } | null {
  if (process.env.LIFECYCLE_SCHEDULE === 'off') return null
  // Applying a decision writes the record: inside a maintenance window it waits for the window's end.
  const tick = () => void afterMaintenance(payload, 'lifecycle', () => applyDueDecisions(payload)).catch((err) => payload.logger.error({ err, msg: 'decision run failed' }))
  const daily = cron.schedule(LIFECYCLE_CRON, tick, { timezone: LIFECYCLE_TIMEZONE, name: 'hoso-lifecycle' })
  tick()
  return { stop: () => void daily.stop() }
}
