/**
 * E-mail reminders to the personal-data officers before each deadline of an open request (the working day before,
 * and once more when it has passed), through the reminder machinery: each message is claimed once in
 * reminder_sends (template 'data-request', period key = request, deadline, day, stage), so a rerun or a second
 * instance never sends it twice, and a failed one is retried.
 */
import type { Payload } from 'payload'

import { workingCalendar } from '../calendar/workingCalendar'
import { poolOf } from '../db/pool'
import { civilDateInVietnam } from '../domain/calendar'
import { dataRequestReminder, type DataRequestType, type DueInput } from '../domain/dataRequests'
import { dataRequestReminderEmail } from '../mail/dataRequestEmail'
import { baseUrl, claimSend, deliver } from '../reminders/run'
import { dataRequestsNow } from './workflow'

export interface DataRequestReminderRun {
  sent: number
  failed: number
}

export async function sendDataRequestReminders(payload: Payload, now = dataRequestsNow(), maxAttempts = Number(process.env.REMINDER_MAX_ATTEMPTS ?? 3)): Promise<DataRequestReminderRun> {
  const pool = poolOf(payload)
  const calendar = await workingCalendar(payload)
  const today = civilDateInVietnam(now)
  const { rows } = await pool.query<DueInput & { id: number; type: DataRequestType; staffId: number }>(
    `SELECT id, type::text AS type, staff_id AS "staffId", state::text AS state, first_reply_due AS "firstReplyDue", due_date AS "dueDate",
            extended_due_date AS "extendedDueDate"
       FROM data_requests WHERE state <> 'closed' ORDER BY id`,
  )
  const officers = (
    await pool.query<{ id: number; email: string }>(
      `SELECT a.id, a.email FROM accounts a JOIN accounts_roles r ON r.parent_id = a.id
        WHERE r.value = 'data-protection-officer' AND coalesce(a.disabled, false) = false ORDER BY a.id`,
    )
  ).rows
  const run: DataRequestReminderRun = { sent: 0, failed: 0 }
  for (const r of rows) {
    const reminder = dataRequestReminder(r, today, calendar)
    if (!reminder) continue
    const message = dataRequestReminderEmail({ id: r.id, type: r.type, reminder, link: `${baseUrl(payload)}/admin/collections/data-requests/${r.id}` })
    for (const officer of officers) {
      const claimed = await claimSend(
        pool,
        { recipientId: officer.id, staffId: r.staffId, email: officer.email, template: 'data-request', periodKey: `data-request:${r.id}:${reminder.deadline}:${reminder.on}:${reminder.stage}` },
        maxAttempts,
      )
      if (claimed == null) continue
      if (await deliver(payload, claimed, officer.email, message)) run.sent++
      else run.failed++
    }
  }
  return run
}
