import type { TaskConfig } from 'payload'

import { runWeeklyReminders } from '../../src/reminders/run'

/**
 * The weekly reminder run as a Payload job: state, retries and errors live in `payload-jobs`. A run that
 * could not deliver every message throws, so Payload retries it; each retry sends only what is still
 * unsent (failed rows with tries left), never a message already delivered (src/reminders/run.ts).
 */
export const sendWeeklyRemindersTask: TaskConfig<{ input: { period: string }; output: { sent: number; failed: number; skipped: number; locked: boolean } }> = {
  slug: 'sendWeeklyReminders',
  label: 'Nhắc cập nhật hồ sơ hằng tuần / Weekly update reminders',
  inputSchema: [{ name: 'period', type: 'text', required: true }],
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'failed', type: 'number' },
    { name: 'skipped', type: 'number' },
    { name: 'locked', type: 'checkbox' },
  ],
  retries: { attempts: Number(process.env.REMINDER_JOB_RETRIES ?? 3), backoff: { type: 'exponential', delay: Number(process.env.REMINDER_RETRY_DELAY_MS ?? 60_000) } },
  handler: async ({ req }) => {
    const r = await runWeeklyReminders(req.payload)
    if (r.locked) throw new Error('another instance is sending reminders; retrying later')
    // Thrown so the job shows the failure in payload-jobs and is retried; a retry sends only failed
    // messages with tries left (REMINDER_MAX_ATTEMPTS), never one already delivered.
    if (r.undelivered > 0) throw new Error(`${r.undelivered} reminder e-mail(s) undelivered this week`)
    return { output: { sent: r.sent, failed: r.failed, skipped: r.skipped, locked: r.locked } }
  },
}
