/**
 * The weekly reminder run against a real PostgreSQL and a real SMTP server: exactly the expected messages,
 * nothing twice in one week (sequential or concurrent runs), failures retried by the job and recorded.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { queueAndRunReminders } from '../../src/reminders/schedule'
import { weekKey } from '../../src/domain/reminders'
import { claimSend, runWeeklyReminders } from '../../src/reminders/run'
import { seedDemoData } from '../../src/seed/seed'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp'

let payload: Payload
let smtp: SmtpSink
let sql: pg.Pool
const password = 'vuon-dao-mua-xuan-2026'
const people: Record<string, { staffId: number; name: string; email: string; accountId?: number }> = {}

const to = (m: { to?: unknown }) => (m.to as { text: string }).text
const recipients = () => smtp.messages.map(to).sort()

beforeAll(async () => {
  smtp = await startSmtpSink()
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    PUBLIC_URL: 'https://hoso.example',
    REMINDER_RATE_PER_SECOND: '50',
  })
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 60 })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 4 })
  // Seeded records have everything but a photo: give each one, so every record starts complete and current.
  await sql.query(`INSERT INTO photos (staff_id, filename) SELECT id, 'p' || id || '.jpg' FROM staff`)
  await sql.query(`UPDATE staff s SET photo_id = p.id FROM photos p WHERE p.staff_id = s.id`)
  // Six people without accounts, moved into the HR officer's department (Vụ Công chức – Viên chức).
  const { rows } = await sql.query(
    `UPDATE staff SET unit_id = (SELECT id FROM units WHERE code = 'VCCVC')
      WHERE id IN (SELECT s.id FROM staff s WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.staff_id = s.id) ORDER BY s.id LIMIT 6)
      RETURNING id, full_name`,
  )
  rows.sort((a, b) => a.id - b.id)
  const keys = ['incomplete', 'stale', 'returned', 'pending', 'optedOut', 'noAccount']
  rows.forEach((r, i) => (people[keys[i]!] = { staffId: r.id, name: r.full_name, email: `${keys[i]}@hoso.local` }))
  for (const k of keys.slice(0, 5)) {
    const a = await payload.create({ collection: 'accounts', data: { email: people[k]!.email, password, roles: ['staff'], staff: people[k]!.staffId } as never })
    people[k]!.accountId = a.id
  }
  await sql.query(`UPDATE staff SET phone = NULL WHERE id = ANY($1)`, [[people.incomplete!.staffId, people.optedOut!.staffId, people.noAccount!.staffId]])
  await sql.query(`UPDATE staff SET created_at = now() - interval '2 years' WHERE id = $1`, [people.stale!.staffId])
  const request = (k: string, status: string, at: string) =>
    sql.query(
      `INSERT INTO change_requests (staff_id, staff_name, author_id, status, revision, submitted_at, decided_at, return_reason)
       VALUES ($1, $2, $3, $4::text::enum_change_requests_status, 1, now() - $5::interval, CASE WHEN $4::text = 'returned' THEN now() - $5::interval END,
               CASE WHEN $4::text = 'returned' THEN 'Thiếu bản sao bằng tốt nghiệp' END)`,
      [people[k]!.staffId, people[k]!.name, people[k]!.accountId, status, at],
    )
  await request('returned', 'returned', '10 days')
  await request('pending', 'submitted', '9 days')
  // The person turns the weekly digest off themselves (their own account, no privileged field).
  const self = await payload.findByID({ collection: 'accounts', id: people.optedOut!.accountId!, depth: 0 })
  await payload.update({ collection: 'accounts', id: self.id, data: { reminderOptOut: true }, user: { ...self, collection: 'accounts' }, overrideAccess: false })
}, 120_000)

afterAll(async () => {
  await smtp?.close()
  await sql?.end()
  await stopTestPayload(payload)
})

const reset = async () => {
  await sql.query('DELETE FROM reminder_sends')
  await sql.query('DELETE FROM payload_jobs')
  smtp.messages.length = 0
}

test('a scheduled run sends exactly the expected digests; a second run in the same week sends nothing', async () => {
  expect((await sql.query('SELECT reminder_opt_out FROM accounts WHERE id = $1', [people.optedOut!.accountId])).rows[0].reminder_opt_out).toBe(true)
  await queueAndRunReminders(payload)
  expect(recipients()).toEqual([people.incomplete!.email, people.returned!.email, people.stale!.email, 'nhansu@hoso.local'].sort())

  const byTo = (e: string) => smtp.messages.find((m) => to(m) === e)!
  const incomplete = byTo(people.incomplete!.email)
  expect(incomplete.subject).toMatch(/^Nhắc cập nhật hồ sơ cán bộ/)
  expect(incomplete.text).toContain(`Kính gửi ${people.incomplete!.name},`)
  expect(incomplete.text).toContain('- Điện thoại')
  expect(incomplete.text).toContain('https://hoso.example/ho-so-cua-toi')
  expect(incomplete.html).toContain('href="https://hoso.example/ho-so-cua-toi"')
  expect(byTo(people.stale!.email).text).toContain('chưa được Anh/Chị rà soát, xác nhận trong 12 tháng qua')
  expect(byTo(people.stale!.email).text).not.toContain('Các mục còn thiếu')
  expect(byTo(people.returned!.email).text).toContain('Lý do trả lại: Thiếu bản sao bằng tốt nghiệp')
  const hr = byTo('nhansu@hoso.local')
  expect(hr.subject).toContain('Tình hình cập nhật hồ sơ — Vụ Công chức')
  expect(hr.text).toContain('1 yêu cầu cập nhật hồ sơ đang chờ duyệt, trong đó 1 yêu cầu đã chờ quá hạn; yêu cầu lâu nhất đã chờ 9 ngày.')
  expect(hr.text).toMatch(/3 chưa đầy đủ, 1 quá hạn xác nhận, 1 bị trả lại/)

  const { rows } = await sql.query(`SELECT email, template::text, status::text, period_key, attempts::int, sent_at FROM reminder_sends ORDER BY email`)
  expect(rows).toHaveLength(4)
  for (const r of rows) expect(r).toMatchObject({ status: 'sent', period_key: weekKey(new Date()), attempts: 1 })
  expect(rows.find((r) => r.email === 'nhansu@hoso.local')!.template).toBe('hr-digest')
  const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendWeeklyReminders' } } })
  expect(jobs.docs).toHaveLength(1)
  expect(jobs.docs[0]!.completedAt).toBeTruthy()

  await queueAndRunReminders(payload)
  const again = await runWeeklyReminders(payload)
  expect(again).toMatchObject({ locked: false, sent: 0, failed: 0 })
  expect(smtp.messages).toHaveLength(4)
  expect((await payload.count({ collection: 'payload-jobs' })).totalDocs).toBe(1)
})

test('a run killed between claiming and sending: the job runs again and the half-sent message goes out', async () => {
  await reset()
  const period = weekKey(new Date())
  // What a kill -9 mid-run leaves: the week's job claimed (processing) and one message claimed ("sending"), not sent.
  await payload.jobs.queue({ task: 'sendWeeklyReminders', input: { period }, queue: 'reminders' })
  await sql.query(`UPDATE payload_jobs SET processing = true WHERE queue = 'reminders' AND completed_at IS NULL`)
  const p = people.incomplete!
  await sql.query(
    `INSERT INTO reminder_sends (recipient_id, staff_id, email, template, period_key, status, attempts, updated_at, created_at)
     VALUES ($1, $2, $3, 'person-digest', $4, 'sending', 1, now(), now())`,
    [p.accountId, p.staffId, p.email, period],
  )
  await queueAndRunReminders(payload)
  expect(recipients()).toEqual([people.incomplete!.email, people.returned!.email, people.stale!.email, 'nhansu@hoso.local'].sort())
  const { rows } = await sql.query(`SELECT status, attempts::int AS attempts FROM reminder_sends WHERE recipient_id = $1 AND period_key = $2`, [p.accountId, period])
  expect(rows).toEqual([{ status: 'sent', attempts: 2 }])
})

test('two runs started concurrently send each message once', async () => {
  await reset()
  const results = await Promise.all([runWeeklyReminders(payload), runWeeklyReminders(payload), queueAndRunReminders(payload)])
  expect(recipients()).toEqual([people.incomplete!.email, people.returned!.email, people.stale!.email, 'nhansu@hoso.local'].sort())
  expect(results.slice(0, 2).reduce((n, r) => n + r!.sent, 0)).toBeLessThanOrEqual(4)
  // The unique key alone (without the run lock) lets only one of two simultaneous claims through.
  const m = { recipientId: people.incomplete!.accountId!, staffId: people.incomplete!.staffId, email: 'x@hoso.local', template: 'manual' as const, periodKey: 'race' }
  const claims = await Promise.all(Array.from({ length: 6 }, () => claimSend(sql, m, 3)))
  expect(claims.filter((c) => c !== null)).toHaveLength(1)
})

test('a failing SMTP server: the job retries, failures are recorded, nothing crashes, nothing is sent twice later', async () => {
  await reset()
  smtp.failing = true
  await queueAndRunReminders(payload)
  for (let i = 0; i < 20; i++) {
    const open = await payload.count({ collection: 'payload-jobs', where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] } })
    if (open.totalDocs === 0) break
    // Time passes: the back-off (REMINDER_RETRY_DELAY_MS, one minute by default) is over.
    await sql.query('UPDATE payload_jobs SET wait_until = NULL')
    await payload.jobs.run({ queue: 'reminders' })
  }
  const { rows } = await sql.query(`SELECT status::text, attempts::int, error FROM reminder_sends`)
  expect(rows).toHaveLength(4)
  for (const r of rows) {
    expect(r.status).toBe('failed')
    expect(r.attempts).toBe(3)
    expect(r.error).toMatch(/Mailbox unavailable|550/)
  }
  const [job] = (await payload.find({ collection: 'payload-jobs' })).docs
  expect(job!.hasError).toBe(true)
  expect(job!.totalTried).toBeGreaterThanOrEqual(3)
  expect(smtp.messages).toHaveLength(0)

  // The relay recovers: the week's tries are used up, so the run sends nothing rather than risk a repeat.
  smtp.failing = false
  expect(await runWeeklyReminders(payload)).toMatchObject({ sent: 0, failed: 0 })
  expect(smtp.messages).toHaveLength(0)
})
