import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'

import { logger } from '../db/logger'
import { requestBackup, runBackupQueue } from './service'

export const DEFAULT_BACKUP_CRON = '30 1 1 * *'
export const BACKUP_TIMEZONE = 'Asia/Ho_Chi_Minh'
const SWEEP_CRON = '*/15 * * * *'

const log = logger.child({ component: 'backup-schedule' })

/** The slot a scheduled run belongs to: the scheduled minute, the same on every instance. */
export function scheduledSlot(date: Date): string {
  return `scheduled:${new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString()}`
}

/** One scheduled tick: claim the slot (the unique index lets one instance win), then run the queue. */
export async function onScheduledTick(payload: Payload, date: Date): Promise<'queued' | 'taken'> {
  let outcome: 'queued' | 'taken' = 'queued'
  try {
    await requestBackup(payload, 'scheduled', scheduledSlot(date))
  } catch (err) {
    const taken = await payload.find({ collection: 'backups', where: { slot: { equals: scheduledSlot(date) } }, limit: 1, depth: 0 })
    if (!taken.docs.length) throw err
    outcome = 'taken'
  }
  await runBackupQueue(payload)
  return outcome
}

/**
 * Monthly backup (BACKUP_CRON, default 01:30 on the 1st, Vietnam time) plus a sweep every 15 minutes
 * that runs pending retries and jobs queued by other instances. node-cron fires on every instance; the
 * slot's unique key and the advisory lock in runBackupQueue make each slot run once.
 */
export function startBackupSchedule(payload: Payload): { stop(): void } | null {
  if (process.env.BACKUP_SCHEDULE === 'off') {
    log.info('backup schedule disabled (BACKUP_SCHEDULE=off)')
    return null
  }
  const expression = process.env.BACKUP_CRON ?? DEFAULT_BACKUP_CRON
  if (!cron.validate(expression)) throw new Error(`BACKUP_CRON is not a valid cron expression: ${expression}`)
  const tasks: ScheduledTask[] = [
    cron.schedule(
      expression,
      (ctx) =>
        onScheduledTick(payload, ctx.date).then(
          (outcome) => log.info({ outcome, slot: scheduledSlot(ctx.date) }, 'scheduled backup tick'),
          (err) => log.error({ err }, 'scheduled backup tick failed'),
        ),
      { timezone: BACKUP_TIMEZONE, name: 'hoso-backup', noOverlap: true },
    ),
    cron.schedule(
      SWEEP_CRON,
      () => runBackupQueue(payload).catch((err) => log.error({ err }, 'backup queue sweep failed')),
      { timezone: BACKUP_TIMEZONE, name: 'hoso-backup-sweep', noOverlap: true },
    ),
  ]
  log.info({ cron: expression, timezone: BACKUP_TIMEZONE }, 'backup schedule started')
  return { stop: () => tasks.forEach((t) => void t.destroy()) }
}
