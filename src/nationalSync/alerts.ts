/**
 * The 1-day rule, measured (NĐ 27/2026 Điều 19, per press summaries): each entry's delay runs from the business
 * step's completion to the acknowledgement. Entries past the limit — still unacknowledged, or acknowledged late — are
 * reported once each, in one e-mail, to ministry HR and the system administrators (`alerted_at` marks them) — at most
 * one e-mail per HOSO_NATIONAL_SYNC_ALERT_EVERY_MS (default 6 h): entries crossing the limit meanwhile wait for the next.
 * The alert also runs while no adapter is configured: unsent data is late data.
 */
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { SYNC_LIMIT_MS } from '../domain/nationalSync'
import { nationalSyncLateEmail } from '../mail/nationalSyncLateEmail'

export const ALERT_ROLES = ['ministry-hr', 'sysadmin'] as const

export interface AlertResult {
  entries: number
  recipients: number
}

/** Marks and reports the entries that crossed the limit since the last run; returns what it sent. */
export const ALERT_EVERY_MS = () => Number(process.env.HOSO_NATIONAL_SYNC_ALERT_EVERY_MS ?? 6 * 3600_000)

export async function alertLateEntries(payload: Payload, pool: Pool, now = new Date(), limitMs = SYNC_LIMIT_MS, everyMs = ALERT_EVERY_MS()): Promise<AlertResult> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    // One alerting run at a time across instances (transaction-level lock), and not more often than `everyMs`.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('hoso:national-sync:alert'))`)
    const last = (await client.query<{ at: Date | null }>(`SELECT max(alerted_at) AS at FROM national_sync_outbox`)).rows[0]?.at
    if (last && now.getTime() - new Date(last).getTime() < everyMs) {
      await client.query('ROLLBACK')
      return { entries: 0, recipients: 0 }
    }
    const { rows } = await client.query<{ id: string; status: string; completed_at: Date; acknowledged_at: Date | null; last_error: string | null }>(
      `SELECT id, status, completed_at, acknowledged_at, last_error FROM national_sync_outbox
        WHERE alerted_at IS NULL AND completed_at < $1::timestamptz - ($2::bigint * interval '1 millisecond')
          AND (status <> 'sent' OR acknowledged_at - completed_at > ($2::bigint * interval '1 millisecond'))
        ORDER BY id`,
      [now.toISOString(), limitMs],
    )
    if (!rows.length) {
      await client.query('ROLLBACK')
      return { entries: 0, recipients: 0 }
    }
    const delay = (r: (typeof rows)[number]) => (r.acknowledged_at ?? now).getTime() - new Date(r.completed_at).getTime()
    const open = rows.filter((r) => r.status !== 'sent')
    const message = nationalSyncLateEmail({
      unacknowledged: open.length,
      failed: rows.filter((r) => r.status === 'failed').length,
      acknowledgedLate: rows.length - open.length,
      oldestCompletedAt: new Date(Math.min(...rows.map((r) => new Date(r.completed_at).getTime()))),
      longestDelayMs: Math.max(...rows.map(delay)),
      lastError: [...rows].reverse().find((r) => r.last_error)?.last_error ?? null,
    })
    const accounts = await payload.find({ collection: 'accounts', where: { roles: { in: [...ALERT_ROLES] } }, limit: 500, depth: 0, overrideAccess: true })
    const to = accounts.docs.filter((a) => !(a as { disabled?: boolean }).disabled).map((a) => a.email)
    if (to.length) await payload.sendEmail({ to, subject: message.subject, text: message.text })
    else payload.logger.error({ msg: 'no ministry HR or administrator account to tell of late national sync entries', entries: rows.length })
    // Marked only once the mail went out (a failed send is tried again next run).
    await client.query(`UPDATE national_sync_outbox SET alerted_at = $2 WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id), now.toISOString()])
    await client.query('COMMIT')
    return { entries: rows.length, recipients: to.length }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}
