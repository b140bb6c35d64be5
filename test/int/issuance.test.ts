/**
 * The IT centre issues accounts for a unit subtree: one per person, an activation e-mail through a real
 * SMTP server, a one-time link where the person chooses a password that meets the policy, then signs in.
 */
import type pg from 'pg'
import type { Payload } from 'payload'

import { stopTestPayload } from '../helpers/payload'
import { startSeededWithMail } from '../helpers/seeded'
import { startTestServer, type TestServer } from '../helpers/server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp'
import { loginToken } from '../helpers/auth'

let payload: Payload
let server: TestServer
let smtp: SmtpSink
let sql: pg.Pool
let adminToken: string
let unitId: number

beforeAll(async () => {
  smtp = await startSmtpSink()
  const started = await startSeededWithMail(smtp, { MAIL_FROM: 'ttcntt@hoso.local', HOSO_ACCOUNT_EMAIL_DOMAINS: 'hoso.local' })
  ;({ payload, sql, vccvc: unitId } = started)
  server = await startTestServer(started.env)
  adminToken = await loginToken(server.url, 'admin@hoso.local', 'hoso-demo-2026')
})

afterAll(async () => {
  await server?.stop()
  await smtp?.close()
  await sql?.end()
  await stopTestPayload(payload)
})

const issue = (token: string, unit: unknown) =>
  fetch(`${server.url}/api/accounts/issue`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ unit }),
  })

test('only the system administrator issues accounts', async () => {
  const hr = await loginToken(server.url, 'nhansu@hoso.local', 'hoso-demo-2026')
  expect((await issue(hr, unitId)).status).toBe(403)
  expect((await issue(adminToken, 'x')).status).toBe(400)
  expect(smtp.messages).toHaveLength(0)
})

test('one account and one activation e-mail per person of the subtree; a second run sends nothing', async () => {
  const { rows } = await sql.query(
    `SELECT s.id, s.email, s.full_name FROM staff s WHERE s.unit_path LIKE '%.' || $1 || '.%'
       AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.staff_id = s.id)`,
    [unitId],
  )
  expect(rows.length).toBeGreaterThan(0)
  const res = await issue(adminToken, unitId)
  const body = (await res.json()) as { created: number; emailed: number; failed: unknown[] }
  expect(body).toMatchObject({ created: rows.length, emailed: rows.length, failed: [] })
  expect(smtp.messages.map((m) => (m.to as { text: string }).text).sort()).toEqual(rows.map((r) => r.email).sort())
  const first = smtp.messages.find((m) => (m.to as { text: string }).text === rows[0].email)!
  expect(first.subject).toMatch(/Kích hoạt tài khoản/)
  expect(first.text).toContain(`Kính gửi ${rows[0].full_name}`)
  expect(first.html).toContain('/admin/reset/')
  const { rows: accounts } = await sql.query('SELECT count(*)::int AS n FROM accounts WHERE staff_id = ANY($1)', [rows.map((r) => r.id)])
  expect(accounts[0].n).toBe(rows.length)

  const again = (await (await issue(adminToken, unitId)).json()) as { created: number; emailed: number }
  expect(again).toMatchObject({ created: 0, emailed: 0 })
  expect(smtp.messages).toHaveLength(rows.length)
})

test('the link sets a password that meets the policy, once; then the person signs in and sees only their record', async () => {
  const message = smtp.messages[0]!
  const email = (message.to as { text: string }).text
  const token = /\/admin\/reset\/([0-9a-f]{40})/.exec(message.text ?? '')![1]
  const reset = (password: string) =>
    fetch(`${server.url}/api/accounts/reset-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password }),
    })
  const weak = await reset('12345678')
  expect(weak.status).toBe(400)
  expect(JSON.stringify(await weak.json())).toMatch(/12 ký tự/)
  expect((await reset('hoa sen nở giữa đầm lầy')).status).toBe(200)
  expect((await reset('mot lan nua thoi nhe ban oi')).status).toBe(403) // single use
  const jwt = await loginToken(server.url, email, 'hoa sen nở giữa đầm lầy')
  const list = (await (await fetch(`${server.url}/api/staff?limit=100`, { headers: { Authorization: `JWT ${jwt}` } })).json()) as {
    docs: Array<{ email: string }>
  }
  expect(list.docs.map((d) => d.email)).toEqual([email])
})

test('a second account for the same person is refused by the database, also when created at the same time', async () => {
  const { rows } = await sql.query(`SELECT id, email FROM staff WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.staff_id = staff.id) LIMIT 1`)
  const person = rows[0]
  const attempts = await Promise.allSettled(
    [1, 2].map((i) =>
      payload.create({ collection: 'accounts', data: { email: `trung${i}@test.local`, password: 'hai-tai-khoan-cung-luc', roles: ['staff'], staff: person.id } }),
    ),
  )
  expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1)
  expect((await sql.query('SELECT count(*)::int AS n FROM accounts WHERE staff_id = $1', [person.id])).rows[0].n).toBe(1)
})

test('an SMTP failure is reported per person and retried by the next run', async () => {
  const other = (await sql.query(`SELECT id FROM units WHERE code = 'VTCBC'`)).rows[0].id
  smtp.failing = true
  const failed = (await (await issue(adminToken, other)).json()) as { created: number; emailed: number; failed: unknown[] }
  expect(failed.created).toBeGreaterThan(0)
  expect(failed.emailed).toBe(0)
  expect(failed.failed.length).toBe(failed.created)
  smtp.failing = false
  const retried = (await (await issue(adminToken, other)).json()) as { created: number; emailed: number; failed: unknown[] }
  expect(retried).toMatchObject({ created: 0, emailed: failed.created, failed: [] })
})

test('an address an HR officer set does not receive the activation link: their own, another domain, or a fresh change', async () => {
  const hr = await loginToken(server.url, 'nhansu@hoso.local', 'hoso-demo-2026')
  const asHr = (method: string, path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: { 'Content-Type': 'application/json', Authorization: `JWT ${hr}` }, body: JSON.stringify(body) })
  const p02 = (await sql.query(`SELECT id FROM units WHERE code = 'VCCVC.P02'`)).rows[0].id
  const record = (staffCode: string, email: string) => ({
    staffCode, fullName: 'Lê Thị Mới', gender: 'female', birthDate: '1995-04-02T00:00:00.000Z', employmentType: 'civil-servant', unit: p02, email,
  })
  const own = await asHr('POST', '/api/staff', record('MOI-1', 'nhansu@hoso.local'))
  expect(own.status).toBe(201)
  const ownId = ((await own.json()) as { doc: { id: number } }).doc.id
  expect((await asHr('POST', '/api/staff', record('MOI-2', 'le.thi.moi@gmail.com'))).status).toBe(201)
  const sent = smtp.messages.length
  type Result = { created: number; emailed: number; held: Array<{ staffCode: string; reason: string; message: string; until?: string }> }
  const first = (await (await issue(adminToken, unitId)).json()) as Result
  expect(first).toMatchObject({ created: 0, emailed: 0 })
  expect(first.held).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ staffCode: 'MOI-1', reason: 'shared', message: expect.stringMatching(/đang được dùng cho tài khoản hoặc hồ sơ khác/) }),
      expect.objectContaining({ staffCode: 'MOI-2', reason: 'domain', message: expect.stringMatching(/miền thư của cơ quan \(hoso\.local\)/) }),
    ]),
  )

  // The officer then puts an address of their choosing in the agency's domain: it waits out the hold period.
  expect((await asHr('PATCH', `/api/staff/${ownId}`, { email: 'hop-thu-moi@hoso.local' })).status).toBe(200)
  const second = (await (await issue(adminToken, unitId)).json()) as Result
  const held = second.held.find((h) => h.staffCode === 'MOI-1')!
  expect(held).toMatchObject({ reason: 'recently-changed', message: expect.stringMatching(/vừa được thay đổi; chỉ gửi thư kích hoạt từ ngày \d\d\/\d\d\/\d{4}/) })
  expect(new Date(held.until!).getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000)
  expect(second).toMatchObject({ created: 0, emailed: 0 })
  expect(smtp.messages).toHaveLength(sent)
  expect((await sql.query('SELECT count(*)::int AS n FROM accounts WHERE staff_id = $1', [ownId])).rows[0].n).toBe(0)

  // Once the hold has passed without a correction (the change dated back in the database), the link goes out.
  await sql.query(`UPDATE staff_email_changes SET changed_at = now() - interval '15 days' WHERE staff_id = $1`, [ownId])
  const third = (await (await issue(adminToken, unitId)).json()) as Result
  expect(third).toMatchObject({ created: 1, emailed: 1 })
  expect((smtp.messages.at(-1)!.to as { text: string }).text).toBe('hop-thu-moi@hoso.local')
})
