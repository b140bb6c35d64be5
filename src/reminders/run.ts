import type { Payload } from 'payload'
import type { Pool } from 'pg'

import {
  dayKey,
  hrDigest,
  personDigest,
  reminderSettingsFrom,
  weekKey,
  type ReminderSettings,
} from '../domain/reminders'
import { hrReminderEmail, personReminderEmail, type RenderedEmail } from '../mail/reminderEmail'
import { poolOf } from '../db/pool'
import { peopleInSubtree, unitAggregates, unitHrRecipients } from './queries'

export type ReminderTemplate = 'person-digest' | 'hr-digest' | 'manual' | 'data-request'

export interface RunOptions {
  now?: Date
  settings?: ReminderSettings
  /** Messages per second (REMINDER_RATE_PER_SECOND, default 5). */
  ratePerSecond?: number
  /** Tries per message across runs in one period (REMINDER_MAX_ATTEMPTS, default 3). */
  maxAttempts?: number
}

export interface RunResult {
  /** True when another run held the lock and this one did nothing. */
  locked: boolean
  period: string
  sent: number
  failed: number
  /** Already sent (or being sent) in this period, or opted out. */
  skipped: number
  /** Messages of this period still undelivered after this run (failed, whatever their tries left). */
  undelivered: number
}

const REMINDER_LOCK = "hashtext('hoso:reminders:weekly')"

export const baseUrl = (payload: Payload) => (process.env.PUBLIC_URL ?? payload.config.serverURL ?? '').replace(/\/$/, '')

function options(o: RunOptions) {
  return {
    now: o.now ?? new Date(),
    settings: o.settings ?? reminderSettingsFrom(process.env),
    ratePerSecond: o.ratePerSecond ?? Number(process.env.REMINDER_RATE_PER_SECOND ?? 5),
    maxAttempts: o.maxAttempts ?? Number(process.env.REMINDER_MAX_ATTEMPTS ?? 3),
  }
}

/** Spaces sends to at most `perSecond` messages a second (the mail relay's limit, not ours). */
function rateLimiter(perSecond: number) {
  const gap = perSecond > 0 ? 1000 / perSecond : 0
  let next = 0
  return async () => {
    const now = Date.now()
    const wait = Math.max(0, next - now)
    next = Math.max(now, next) + gap
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  }
}

/**
 * Claims one message: inserts its log row, or takes back a failed one that has tries left. The unique
 * index (recipient, template, period_key) makes the claim atomic across retries and app instances; a row
 * already sent or being sent is never claimed again. Returns the row id, or null when not ours to send.
 */
export async function claimSend(
  pool: Pool,
  m: { recipientId: number; staffId: number | null; email: string; template: ReminderTemplate; periodKey: string; requestedBy?: number | null },
  maxAttempts: number,
): Promise<number | null> {
  const inserted = await pool.query<{ id: number }>(
    `INSERT INTO reminder_sends (recipient_id, staff_id, email, template, period_key, status, attempts, requested_by_id, updated_at, created_at)
     VALUES ($1, $2, $3, $4::enum_reminder_sends_template, $5, 'sending', 1, $6, now(), now())
     ON CONFLICT (recipient_id, template, period_key) DO NOTHING RETURNING id`,
    [m.recipientId, m.staffId, m.email, m.template, m.periodKey, m.requestedBy ?? null],
  )
  if (inserted.rows[0]) return inserted.rows[0].id
  const retaken = await pool.query<{ id: number }>(
    `UPDATE reminder_sends SET status = 'sending', attempts = attempts + 1, error = NULL, updated_at = now()
      WHERE recipient_id = $1 AND template = $2::enum_reminder_sends_template AND period_key = $3
        AND status = 'failed' AND attempts < $4
      RETURNING id`,
    [m.recipientId, m.template, m.periodKey, maxAttempts],
  )
  return retaken.rows[0]?.id ?? null
}

/** Sends a claimed message and records the result; a failure is recorded, never thrown. */
export async function deliver(payload: Payload, id: number, to: string, message: RenderedEmail): Promise<boolean> {
  const pool = poolOf(payload)
  try {
    await payload.sendEmail({ to, ...message })
    await pool.query(`UPDATE reminder_sends SET status = 'sent', sent_at = now(), updated_at = now() WHERE id = $1`, [id])
    return true
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err)
    payload.logger.warn({ msg: 'reminder e-mail failed', reminderSend: id, err: text })
    await pool.query(`UPDATE reminder_sends SET status = 'failed', error = left($2, 500), updated_at = now() WHERE id = $1`, [id, text])
    return false
  }
}

/**
 * The weekly run: a digest to each person whose record is incomplete, stale or returned and not resubmitted,
 * and to each unit HR officer (pending approvals, worst units). Both honour the account's opt-out. Runs
 * under a PostgreSQL advisory lock so two instances do not work at once; the per-message unique key is
 * what guarantees nobody gets the same digest twice in one week.
 */
export async function runWeeklyReminders(payload: Payload, opts: RunOptions = {}): Promise<RunResult> {
  const o = options(opts)
  const period = weekKey(o.now)
  const pool = poolOf(payload)
  const result: RunResult = { locked: false, period, sent: 0, failed: 0, skipped: 0, undelivered: 0 }
  const lockClient = await pool.connect()
  try {
    const { rows } = await lockClient.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${REMINDER_LOCK}) AS ok`)
    if (!rows[0]?.ok) return { ...result, locked: true }
    try {
      // Holding the weekly lock, no other run is sending this week's digests: a row still "sending" was claimed
      // by a process that died before the result was recorded. It becomes a failed try, so this run retakes it
      // (at least once: a message whose SMTP hand-over succeeded just before the crash may go out twice).
      await pool.query(
        `UPDATE reminder_sends SET status = 'failed', error = 'interrupted (the sending process stopped)', updated_at = now()
          WHERE period_key = $1 AND status = 'sending' AND template <> 'manual'`,
        [period],
      )
      const wait = rateLimiter(o.ratePerSecond)
      const link = `${baseUrl(payload)}/ho-so-cua-toi`
      const people = await peopleInSubtree(pool, null, o.settings, o.now, { onlyNeedingAttention: true })
      for (const p of people) {
        if (p.accountId == null || !p.accountEmail) continue
        if (p.optOut) {
          result.skipped++
          continue
        }
        const digest = personDigest(p, o.settings, o.now, link)
        if (!digest) continue
        const id = await claimSend(pool, { recipientId: p.accountId, staffId: p.staffId, email: p.accountEmail, template: 'person-digest', periodKey: period }, o.maxAttempts)
        if (id == null) {
          result.skipped++
          continue
        }
        await wait()
        if (await deliver(payload, id, p.accountEmail, personReminderEmail(digest))) result.sent++
        else result.failed++
      }
      const dashboard = `${baseUrl(payload)}/admin#cap-nhat-ho-so`
      for (const hr of await unitHrRecipients(pool)) {
        if (hr.optOut) {
          result.skipped++
          continue
        }
        const units = await unitAggregates(pool, hr.unitId, o.settings, o.now)
        const root = units.find((u) => u.unitId === hr.unitId)
        if (!root) continue
        // Rank the units one level below the officer's own (each figure covers that unit's whole subtree).
        const children = units.filter((u) => u.depth === root.depth + 1)
        const digest = hrDigest({ fullName: hr.name, root, units: [root, ...children], dashboardUrl: dashboard }, o.now)
        if (!digest) continue
        const id = await claimSend(pool, { recipientId: hr.accountId, staffId: null, email: hr.email, template: 'hr-digest', periodKey: period }, o.maxAttempts)
        if (id == null) {
          result.skipped++
          continue
        }
        await wait()
        if (await deliver(payload, id, hr.email, hrReminderEmail(digest))) result.sent++
        else result.failed++
      }
      const { rows: left } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM reminder_sends WHERE period_key = $1 AND status = 'failed' AND template <> 'manual'`,
        [period],
      )
      result.undelivered = left[0]!.n
    } finally {
      await lockClient.query(`SELECT pg_advisory_unlock(${REMINDER_LOCK})`)
    }
  } finally {
    lockClient.release()
  }
  payload.logger.info({ msg: 'weekly reminders', ...result })
  return result
}

export interface ManualResult {
  sent: number
  failed: number
  /** Already urged today. */
  alreadyToday: number
  /** Records without an active account. */
  noAccount: number
}

/**
 * "Nhắc cập nhật": HR urges the chosen people now. The caller has checked they are in the actor's scope.
 * Not subject to opt-out (it is the unit's own instruction); at most once per person and day.
 */
export async function sendManualReminders(payload: Payload, staffIds: number[], requestedBy: number, opts: RunOptions = {}): Promise<ManualResult> {
  const o = options(opts)
  const pool = poolOf(payload)
  const people = await peopleInSubtree(pool, null, o.settings, o.now, { staffIds })
  const link = `${baseUrl(payload)}/ho-so-cua-toi`
  const wait = rateLimiter(o.ratePerSecond)
  const out: ManualResult = { sent: 0, failed: 0, alreadyToday: 0, noAccount: 0 }
  for (const p of people) {
    if (p.accountId == null || !p.accountEmail) {
      out.noAccount++
      continue
    }
    const digest = personDigest(p, o.settings, o.now, link) ?? { fullName: p.fullName, percent: 100, reasons: [], missing: [], returnReason: null, link }
    const id = await claimSend(pool, { recipientId: p.accountId, staffId: p.staffId, email: p.accountEmail, template: 'manual', periodKey: dayKey(o.now), requestedBy }, o.maxAttempts)
    if (id == null) {
      out.alreadyToday++
      continue
    }
    await wait()
    if (await deliver(payload, id, p.accountEmail, personReminderEmail(digest, { manual: true }))) out.sent++
    else out.failed++
  }
  return out
}
