/**
 * Announced maintenance over HTTP on the real server: a window scheduled with enough notice is announced at once
 * (GET /api/status, the banner, an e-mail to every account holder, an audit event); a short notice needs its reason
 * and ministry HR's approval; in a read-only window every business write answers 503 with Retry-After and changes
 * nothing while reads, sign-in and the status route keep working; ended early, writes work again; a full stop
 * leaves only liveness, status and a maintenance page.
 */
import type { Payload } from 'payload'

import { poolOf } from '../../src/db/pool'
import { seedDemoData } from '../../src/seed/seed'
import { callAs, loginToken } from '../helpers/auth'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp'
import { until } from '../helpers/wait'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let server: TestServer
let smtp: SmtpSink
const tokens: Record<string, string> = {}
let staffId: number

const DAY = 86_400_000
const at = (ms: number) => new Date(ms).toISOString()

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  // This process's Local API sees a window as soon as the server does.
  process.env.HOSO_MAINTENANCE_CACHE_MS = '0'
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 5 })
  smtp = await startSmtpSink()
  server = await startTestServer({
    DATABASE_URL: started.databaseUrl,
    HOSO_MAINTENANCE_CACHE_MS: '0',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SKIP_VERIFY: 'true',
  })
  for (const [who, email] of Object.entries({ admin: 'admin@hoso.local', hr: 'nhansu@hoso.local', ministry: 'tccb@hoso.local', self: 'canbo@hoso.local' })) {
    tokens[who] = await loginToken(server.url, email, PASSWORD)
  }
  const { rows } = await poolOf(payload).query<{ id: number }>(`SELECT s.id FROM staff s JOIN accounts a ON a.staff_id = s.id WHERE a.email = 'canbo@hoso.local'`)
  staffId = rows[0]!.id
}, 300_000)

afterAll(async () => {
  await server?.stop()
  await smtp?.close()
  await stopTestPayload(payload)
})

const status = async () => (await (await fetch(`${server.url}/api/status`)).json()) as { maintenance: { active: boolean; current: any; next: any } }
const schedule = (body: Record<string, unknown>, who = 'admin') => callAs(server.url, tokens[who], 'POST', '/api/maintenance-windows', body)

test('a window with five working days of notice is announced at once: status, e-mail to every account holder, audit event', async () => {
  const before = await status()
  expect(before.maintenance).toEqual({ active: false, current: null, next: null })
  const startsAt = at(Date.now() + 14 * DAY)
  const created = await schedule({ kind: 'read-only', startsAt, endsAt: at(Date.parse(startsAt) + 2 * 3600_000), titleVi: 'Nâng cấp máy chủ cơ sở dữ liệu', titleEn: 'Database server upgrade' })
  expect(created.status).toBe(201)
  const s = await status()
  expect(s.maintenance.active).toBe(false)
  expect(s.maintenance.next).toMatchObject({ kind: 'read-only', startsAt, titleVi: 'Nâng cấp máy chủ cơ sở dữ liệu' })
  // Public: nothing about who scheduled or approved it.
  expect(JSON.stringify(s)).not.toMatch(/@|approvedBy|shortNotice/)
  const { rows } = await poolOf(payload).query<{ n: string }>(`SELECT count(*) AS n FROM accounts WHERE coalesce(disabled, false) = false`)
  await until(() => smtp.messages.filter((m) => m.subject?.startsWith('Thông báo tạm dừng hệ thống hoso')).length === Number(rows[0]!.n), 'the announcement to every account holder')
  const mail = smtp.messages.find((m) => m.subject?.startsWith('Thông báo tạm dừng hệ thống hoso'))!
  expect(mail.text).toContain('Nâng cấp máy chủ cơ sở dữ liệu')
  expect(mail.text).toContain('chỉ cho phép xem và in hồ sơ')
  expect((await poolOf(payload).query(`SELECT 1 FROM audit_events WHERE target_collection = 'maintenance-windows' AND operation = 'create'`)).rowCount).toBe(1)
  // Only a system administrator schedules.
  expect((await schedule({ kind: 'read-only', startsAt, endsAt: at(Date.parse(startsAt) + 3600_000), titleVi: 'x' }, 'ministry')).status).toBe(403)
})

test('a short notice names its reason and is announced only once ministry HR approves it', async () => {
  const startsAt = at(Date.now() + DAY)
  const missing = await schedule({ kind: 'read-only', startsAt, endsAt: at(Date.parse(startsAt) + 3600_000), titleVi: 'Vá lỗi bảo mật khẩn cấp' })
  expect(missing.status).toBe(400)
  expect(missing.raw).toContain('Thông báo trước ít hơn 5 ngày làm việc')
  const created = await schedule({
    kind: 'read-only',
    startsAt,
    endsAt: at(Date.parse(startsAt) + 3600_000),
    titleVi: 'Vá lỗi bảo mật khẩn cấp',
    shortNoticeReason: 'Lỗ hổng đã được công bố, cần vá ngay',
  })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  expect((await status()).maintenance.next.titleVi).not.toBe('Vá lỗi bảo mật khẩn cấp')
  expect((await callAs(server.url, tokens.hr, 'POST', `/api/maintenance-windows/${id}/approve`)).status).toBe(403)
  expect((await callAs(server.url, tokens.admin, 'POST', `/api/maintenance-windows/${id}/approve`)).status).toBe(403)
  const approved = await callAs(server.url, tokens.ministry, 'POST', `/api/maintenance-windows/${id}/approve`)
  expect(approved.status).toBe(200)
  expect((await status()).maintenance.next.titleVi).toBe('Vá lỗi bảo mật khẩn cấp')
  expect((await callAs(server.url, tokens.ministry, 'POST', `/api/maintenance-windows/${id}/approve`)).status).toBe(409)
  // Cancelled, it is announced no more.
  expect((await callAs(server.url, tokens.admin, 'PATCH', `/api/maintenance-windows/${id}`, { cancelledAt: new Date().toISOString() })).status).toBe(200)
  expect((await status()).maintenance.next.titleVi).not.toBe('Vá lỗi bảo mật khẩn cấp')
})

/** A window that starts in two seconds (short notice, approved), then is in force. */
async function windowInForce(kind: 'read-only' | 'full-stop'): Promise<number> {
  const created = await schedule({
    kind,
    startsAt: at(Date.now() + 2000),
    endsAt: at(Date.now() + 3600_000),
    titleVi: kind === 'read-only' ? 'Chuyển dữ liệu sang máy chủ mới' : 'Khôi phục dữ liệu',
    shortNoticeReason: 'Thử nghiệm quy trình',
  })
  expect(created.status).toBe(201)
  expect((await callAs(server.url, tokens.ministry, 'POST', `/api/maintenance-windows/${created.body.doc.id}/approve`)).status).toBe(200)
  await until(async () => (await status()).maintenance.current?.kind === kind, 'the window in force', 10_000)
  return created.body.doc.id
}

test('read-only: writes answer 503 with Retry-After and change nothing; reads, sign-in and status keep working; ended early, writes work again', async () => {
  const id = await windowInForce('read-only')
  const s = await status()
  expect(s.maintenance.current).toMatchObject({ kind: 'read-only', titleVi: 'Chuyển dữ liệu sang máy chủ mới' })

  const before = (await poolOf(payload).query(`SELECT hometown FROM staff WHERE id = $1`, [staffId])).rows[0]
  const res = await fetch(`${server.url}/api/staff/${staffId}`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${tokens.hr}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ hometown: 'Xã Tịnh Khê, tỉnh Quảng Ngãi' }),
  })
  expect(res.status).toBe(503)
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(3000)
  expect(retryAfter).toBeLessThanOrEqual(3600)
  expect(((await res.json()) as any).errors[0].message).toMatch(/^Hệ thống đang bảo trì đến \d\d\/\d\d\/\d{4} \d\d:\d\d \(giờ Việt Nam\), chỉ cho phép xem dữ liệu/)
  const english = await fetch(`${server.url}/api/staff/${staffId}`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${tokens.hr}`, 'Content-Type': 'application/json', 'Accept-Language': 'en' },
    body: JSON.stringify({ hometown: 'x' }),
  })
  expect(((await english.json()) as any).errors[0].message).toMatch(/^Maintenance until .* read-only/)
  // The person's own declaration waits too.
  expect((await callAs(server.url, tokens.self, 'POST', '/api/change-requests', { staff: staffId, changes: {} })).status).toBe(503)
  // GraphQL writes are refused where every write is (the collections' guard), GraphQL reads are served.
  const unitId = (await poolOf(payload).query<{ id: number }>(`SELECT id FROM units ORDER BY id LIMIT 1`)).rows[0]!.id
  const mutation = await callAs(server.url, tokens.admin, 'POST', '/api/graphql', { query: `mutation { updateUnit(id: ${unitId}, data: { shortName: "y" }) { id } }` })
  expect(JSON.stringify(mutation.body)).toContain('Hệ thống đang bảo trì')
  const query = await callAs(server.url, tokens.hr, 'POST', '/api/graphql', { query: `{ StaffRecords(limit: 2) { docs { id } } }` })
  expect(query.status).toBe(200)
  expect(query.body.data.StaffRecords.docs.length).toBeGreaterThan(0)
  // The Local API as the admin's server actions use it, on behalf of a person: refused the same way.
  await expect(
    payload.update({ collection: 'staff', id: staffId, data: { hometown: 'z' } as never, overrideAccess: true, user: (await payload.find({ collection: 'accounts', where: { email: { equals: 'nhansu@hoso.local' } }, overrideAccess: true })).docs[0] as never }),
  ).rejects.toThrow(/Hệ thống đang bảo trì/)
  expect((await poolOf(payload).query(`SELECT hometown FROM staff WHERE id = $1`, [staffId])).rows[0]).toEqual(before)

  // Reads, sign-in and the 2C print are served.
  expect((await callAs(server.url, tokens.hr, 'GET', `/api/staff/${staffId}?depth=0`)).status).toBe(200)
  expect(await loginToken(server.url, 'canbo@hoso.local', PASSWORD)).toBeTruthy()
  expect((await fetch(`${server.url}/api/staff/${staffId}/2c.pdf`, { headers: { Authorization: `JWT ${tokens.hr}` } })).status).toBe(200)
  // A report and its Excel export are reads: served, and the export's edition is recorded.
  const report = await fetch(`${server.url}/api/reports/so-luong-chat-luong-cong-chuc?format=xlsx`, { headers: { Authorization: `JWT ${tokens.ministry}` } })
  expect(report.status).toBe(200)
  expect(report.headers.get('content-type')).toContain('spreadsheetml')
  // The banner is on the pages (server-rendered).
  expect(await (await fetch(`${server.url}/xac-thuc`)).text()).toContain('Đang bảo trì đến')

  // Ended early: writes work again (and the end is an audit event).
  expect((await callAs(server.url, tokens.admin, 'POST', `/api/maintenance-windows/${id}/end`)).status).toBe(200)
  expect((await status()).maintenance.active).toBe(false)
  expect((await callAs(server.url, tokens.hr, 'PATCH', `/api/staff/${staffId}`, { hometown: 'Xã Tịnh Khê, tỉnh Quảng Ngãi' })).status).toBe(200)
  expect((await poolOf(payload).query(`SELECT 1 FROM audit_events WHERE target_collection = 'maintenance-windows' AND operation = 'update'`)).rowCount).toBeGreaterThanOrEqual(2)
})

test('full stop: only liveness, readiness, status and a maintenance page answer', async () => {
  const id = await windowInForce('full-stop')
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  const s = await status()
  expect(s.maintenance.current.kind).toBe('full-stop')
  const api = await fetch(`${server.url}/api/staff?limit=1`, { headers: { Authorization: `JWT ${tokens.hr}` } })
  expect(api.status).toBe(503)
  expect(api.headers.get('retry-after')).toBeTruthy()
  expect(((await api.json()) as any).errors[0].message).toMatch(/^Hệ thống đang tạm dừng để bảo trì đến/)
  const login = await fetch(`${server.url}/api/accounts/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'canbo@hoso.local', password: PASSWORD }) })
  expect(login.status).toBe(503)
  const page = await fetch(`${server.url}/admin`, { headers: { Accept: 'text/html' } })
  expect(page.status).toBe(503)
  expect(await page.text()).toContain('Hệ thống hoso đang bảo trì')
  // The operator ends it (as `payload.update` from the command line would): everything answers again.
  await payload.update({ collection: 'maintenance-windows', id, data: { endedAt: new Date().toISOString() } as never, overrideAccess: true })
  await until(async () => (await fetch(`${server.url}/api/staff?limit=1`, { headers: { Authorization: `JWT ${tokens.hr}` } })).status === 200, 'the API after the full stop', 10_000)
})
