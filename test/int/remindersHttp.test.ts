/**
 * The update dashboard over HTTP on the real server: scoped to the caller's subtree, the Excel export, the
 * "Nhắc cập nhật" action through a real SMTP server, the template preview, the person's own opt-out.
 */
import ExcelJS from 'exceljs'
import type pg from 'pg'
import type { Payload } from 'payload'

import { loginToken } from '../helpers/auth'
import { stopTestPayload } from '../helpers/payload'
import { startSeededWithMail } from '../helpers/seeded'
import { startTestServer, type TestServer } from '../helpers/server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp'

let payload: Payload
let server: TestServer
let smtp: SmtpSink
let sql: pg.Pool
let hr: string
let ministry: string
let staffToken: string
let vccvc: number
let outsideUnit: number
const pw = 'hoso-demo-2026'

beforeAll(async () => {
  smtp = await startSmtpSink()
  const started = await startSeededWithMail(smtp)
  ;({ payload, sql, vccvc } = started)
  outsideUnit = (await sql.query(`SELECT id FROM units WHERE path NOT LIKE '%.' || $1 || '.%' AND depth = 1 LIMIT 1`, [vccvc])).rows[0].id
  server = await startTestServer(started.env)
  hr = await loginToken(server.url, 'nhansu@hoso.local', pw)
  ministry = await loginToken(server.url, 'tccb@hoso.local', pw)
  staffToken = await loginToken(server.url, 'canbo@hoso.local', pw)
}, 240_000)

afterAll(async () => {
  await server?.stop()
  await smtp?.close()
  await sql?.end()
  await stopTestPayload(payload)
})

const get = (path: string, token: string) => fetch(`${server.url}${path}`, { headers: { Authorization: `JWT ${token}` } })
const post = (path: string, token: string, body: unknown) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

test('the dashboard covers the caller’s subtree only, with the same counts as the records', async () => {
  const res = await get('/api/reminder-sends/dashboard', hr)
  expect(res.status).toBe(200)
  const body = (await res.json()) as { rootUnitId: number; units: Array<{ unitId: number; staff: number; incomplete: number; complete: number }> }
  expect(body.rootUnitId).toBe(vccvc)
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM staff WHERE unit_path LIKE '%.' || $1 || '.%'`, [vccvc])
  const root = body.units.find((u) => u.unitId === vccvc)!
  expect(root.staff).toBe(rows[0].n)
  // Seeded records lack only the photo: every one is incomplete.
  expect(root.incomplete).toBe(rows[0].n)
  const { rows: inTree } = await sql.query(`SELECT id FROM units WHERE path LIKE '%.' || $1 || '.%' ORDER BY id`, [vccvc])
  expect(body.units.map((u) => u.unitId).sort((a, b) => a - b)).toEqual(inTree.map((r) => r.id))

  expect((await get(`/api/reminder-sends/dashboard?unit=${outsideUnit}`, hr)).status).toBe(403)
  expect((await get(`/api/reminder-sends/people?unit=${outsideUnit}`, hr)).status).toBe(403)
  expect((await get(`/api/reminder-sends/dashboard?unit=${outsideUnit}`, ministry)).status).toBe(200)
  const denied = await get('/api/reminder-sends/dashboard', staffToken)
  expect(denied.status).toBe(403)
  expect(((await denied.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toContain('Bạn không có quyền')
})

test('drill-down list and Excel export list the same people, least complete first', async () => {
  const people = (await (await get(`/api/reminder-sends/people?unit=${vccvc}&filter=incomplete`, hr)).json()) as { people: Array<{ fullName: string; missing: Array<{ vi: string }> }> }
  expect(people.people.length).toBeGreaterThan(0)
  expect(people.people[0]!.missing.map((m) => m.vi)).toContain('Ảnh 4×6')
  const res = await get(`/api/reminder-sends/export?unit=${vccvc}&filter=incomplete`, hr)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('spreadsheetml')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
  const ws = wb.worksheets[0]!
  expect(ws.getRow(1).getCell(1).value).toBe('Họ và tên / Name')
  expect(ws.rowCount - 1).toBe(people.people.length)
  expect(ws.getRow(2).getCell(1).value).toBe(people.people[0]!.fullName)
  expect(String(ws.getRow(2).getCell(4).value)).toContain('Ảnh 4×6')
  expect((await get(`/api/reminder-sends/export?unit=${outsideUnit}`, hr)).status).toBe(403)
})

test('"Nhắc cập nhật": HR urges chosen people in scope, once a day; out of scope refuses everything', async () => {
  const { rows } = await sql.query(
    `SELECT s.id, a.email, s.full_name FROM staff s JOIN accounts a ON a.staff_id = s.id WHERE s.unit_path LIKE '%.' || $1 || '.%'`,
    [vccvc],
  )
  expect(rows.length).toBeGreaterThan(0)
  const { rows: outside } = await sql.query(`SELECT id FROM staff WHERE unit_path NOT LIKE '%.' || $1 || '.%' LIMIT 1`, [vccvc])
  const refused = await post('/api/reminder-sends/urge', hr, { staffIds: [rows[0].id, outside[0].id] })
  expect(refused.status).toBe(403)
  expect(smtp.messages).toHaveLength(0)
  expect((await post('/api/reminder-sends/urge', hr, { staffIds: [] })).status).toBe(400)
  const head = await post('/api/reminder-sends/urge', staffToken, { staffIds: [rows[0].id] })
  expect(head.status).toBe(403)

  const ok = await post('/api/reminder-sends/urge', hr, { staffIds: rows.map((r) => r.id) })
  expect(ok.status).toBe(200)
  expect(await ok.json()).toMatchObject({ sent: rows.length, failed: 0, alreadyToday: 0 })
  expect(smtp.messages.map((m) => (m.to as { text: string }).text).sort()).toEqual(rows.map((r) => r.email).sort())
  const m = smtp.messages[0]!
  expect(m.subject).toContain('Đơn vị đề nghị Anh/Chị cập nhật hồ sơ')
  expect(m.text).toContain('Ảnh 4×6')
  const again = await (await post('/api/reminder-sends/urge', hr, { staffIds: rows.map((r) => r.id) })).json()
  expect(again).toMatchObject({ sent: 0, alreadyToday: rows.length })
  expect(smtp.messages).toHaveLength(rows.length)
  const log = await (await get('/api/reminder-sends?limit=50', hr)).json()
  expect(log.totalDocs).toBe(rows.length)
})

test('template preview for HR and administrators, with sample data only', async () => {
  const admin = await loginToken(server.url, 'admin@hoso.local', pw)
  for (const t of ['person-digest', 'hr-digest', 'manual']) {
    const res = await get(`/api/reminder-sends/preview?template=${t}`, admin)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Mẫu')
    expect(html).toContain('<hr>')
  }
  const text = await (await get('/api/reminder-sends/preview?template=person-digest&format=text', hr)).text()
  expect(text).toContain('Kính gửi Nguyễn Văn Mẫu,')
  expect(text).toContain('Dear Nguyễn Văn Mẫu,')
  expect((await get('/api/reminder-sends/preview?template=nope', hr)).status).toBe(400)
  expect((await get('/api/reminder-sends/preview', staffToken)).status).toBe(403)
})

test('a person turns the weekly digest off on their own account; roles stay out of reach', async () => {
  const me = (await (await get('/api/accounts/me', staffToken)).json()) as { user: { id: number } }
  const patch = (body: unknown) =>
    fetch(`${server.url}/api/accounts/${me.user.id}`, { method: 'PATCH', headers: { Authorization: `JWT ${staffToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  expect((await patch({ reminderOptOut: true })).status).toBe(200)
  expect((await sql.query('SELECT reminder_opt_out FROM accounts WHERE id = $1', [me.user.id])).rows[0].reminder_opt_out).toBe(true)
  expect((await patch({ reminderOptOut: false, roles: ['ministry-hr'] })).status).toBe(403)
  expect((await sql.query('SELECT reminder_opt_out FROM accounts WHERE id = $1', [me.user.id])).rows[0].reminder_opt_out).toBe(true)
})

test('jobs cannot be run or queued over REST by ordinary accounts', async () => {
  const res = await fetch(`${server.url}/api/payload-jobs/run`, { headers: { Authorization: `JWT ${hr}` } })
  expect([401, 403]).toContain(res.status)
})
