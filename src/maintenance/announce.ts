import type { Payload } from 'payload'

import { poolOf } from '../db/pool'
import { maintenanceEmail } from '../mail/maintenanceEmail'
import type { MaintenanceWindow } from '../domain/maintenance'

/**
 * The announcement goes to every account holder who can sign in (essential mail: no opt-out), one message each
 * so that no address sees another. A send that fails is logged; the banner and GET /api/status announce it anyway.
 * Runs after the request (a ministry has thousands of accounts): the scheduler does not wait for the mail server.
 */
export async function announceWindow(payload: Payload, w: MaintenanceWindow): Promise<number> {
  const { rows } = await poolOf(payload).query<{ email: string }>(`SELECT email FROM accounts WHERE coalesce(disabled, false) = false ORDER BY id`)
  const message = maintenanceEmail(w, process.env.PUBLIC_URL ?? '')
  let sent = 0
  for (const { email } of rows) {
    try {
      await payload.sendEmail({ to: email, ...message })
      sent++
    } catch (err) {
      payload.logger.error({ msg: 'maintenance announcement not sent', window: w.id, err: (err as Error).message })
    }
  }
  payload.logger.info({ msg: 'maintenance window announced', window: w.id, recipients: sent })
  return sent
}
