import cron from 'node-cron'
import type { Payload } from 'payload'

import { withAdvisoryLock } from '../db/pool'
import { sendDataRequestReminders } from './reminders'

/** Every working morning at 07:00 Việt Nam time (DATA_REQUEST_REMINDER_CRON), after the night's deadlines moved. */
export const DATA_REQUEST_REMINDER_CRON = '0 7 * * *'

/**
 * Daily deadline reminders to the personal-data officers (src/dataRequests/reminders.ts), one instance at a time;
 * the per-message key in reminder_sends keeps a second instance from sending anything twice.
 * REMINDER_SCHEDULE=off disables it with the other reminders (the test server sets it off).
 */
export function startDataRequestReminders(payload: Payload): { stop(): void } | null {
  if (process.env.REMINDER_SCHEDULE === 'off') return null
  const expression = process.env.DATA_REQUEST_REMINDER_CRON ?? DATA_REQUEST_REMINDER_CRON
  if (!cron.validate(expression)) throw new Error(`DATA_REQUEST_REMINDER_CRON is not a valid cron expression: "${expression}"`)
  const tick = () =>
    void withAdvisoryLock(payload, 'hoso:data-request-reminders', () => sendDataRequestReminders(payload, new Date())).catch((err) =>
      payload.logger.error({ err, msg: 'data-request reminder run failed' }),
    )
  const daily = cron.schedule(expression, tick, { timezone: 'Asia/Ho_Chi_Minh', name: 'hoso-data-request-reminders' })
  return { stop: () => void daily.stop() }
}
