import cron from 'node-cron'
import type { Payload } from 'payload'

import { weekKey } from '../domain/reminders'
import { withAdvisoryLock } from '../db/pool'
import { afterMaintenance } from '../maintenance/windows'
import { releaseOrphanedJobs } from '../db/orphanedJobs'

/** The jobs queue the weekly reminder task (jobs/reminders/task.ts) runs on. */
export const REMINDER_QUEUE = 'reminders'

export const DEFAULT_REMINDER_CRON = '0 7 * * 1'
export const REMINDER_TIMEZONE = 'Asia/Ho_Chi_Minh'

/**
 * Queues this week's reminder job unless one was already queued for the period, then runs the queue.
 * node-cron fires on every app instance: the advisory lock makes one instance queue at a time, the
 * period check makes the week's job exist once, and the per-message unique key (src/reminders/run.ts)
 * keeps even a duplicated job from sending anything twice.
 */
export async function queueAndRunReminders(payload: Payload, now = new Date()): Promise<void> {
  const period = weekKey(now)
  await withAdvisoryLock(payload, 'hoso:reminders:queue', async () => {
    const existing = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'sendWeeklyReminders' } }, { 'input.period': { equals: period } }] },
    })
    if (existing.totalDocs === 0) {
      await payload.jobs.queue({ task: 'sendWeeklyReminders', input: { period }, queue: REMINDER_QUEUE })
    }
  })
  await runReminderQueue(payload)
}

/**
 * Runs the reminders queue under an advisory lock, one instance at a time; a job a stopped process left claimed
 * runs again (src/db/orphanedJobs.ts), and the run it resumes retakes the messages that process left half-sent.
 */
export async function runReminderQueue(payload: Payload): Promise<void> {
  await withAdvisoryLock(payload, 'hoso:reminders:run', async () => {
    await releaseOrphanedJobs(payload, REMINDER_QUEUE)
    await payload.jobs.run({ queue: REMINDER_QUEUE })
  })
}

/**
 * Starts the weekly schedule (REMINDER_CRON, default Monday 07:00 Vietnam time). REMINDER_SCHEDULE=off
 * disables it; the test server sets it off. Each tick also runs retries that are due.
 */
export function startReminderSchedule(payload: Payload): { stop(): void } | null {
  if (process.env.REMINDER_SCHEDULE === 'off') return null
  const expression = process.env.REMINDER_CRON ?? DEFAULT_REMINDER_CRON
  if (!cron.validate(expression)) throw new Error(`REMINDER_CRON is not a valid cron expression: "${expression}"`)
  const weekly = cron.schedule(expression, () => {
    // The run records each send: inside a maintenance window it waits for the window's end.
    afterMaintenance(payload, 'reminders', () => queueAndRunReminders(payload)).catch((err) => payload.logger.error({ err, msg: 'reminder run failed' }))
  }, { timezone: REMINDER_TIMEZONE, name: 'hoso-reminders' })
  // Failed sends are retried by the job with back-off; something must run the queue between weekly ticks.
  const retries = cron.schedule('*/10 * * * *', () => {
    afterMaintenance(payload, 'reminder-retries', () => runReminderQueue(payload)).catch((err) => payload.logger.error({ err, msg: 'reminder retry run failed' }))
  }, { timezone: REMINDER_TIMEZONE, name: 'hoso-reminders-retries' })
  payload.logger.info({ msg: 'reminder schedule started', cron: expression, timezone: REMINDER_TIMEZONE })
  return {
    stop() {
      void weekly.stop()
      void retries.stop()
    },
  }
}
