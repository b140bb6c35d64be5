/**
 * The audit trail over HTTP, against the real server: REST and GraphQL reads are logged with the ids
 * returned, the request id, client address and user agent; sign-ins and refused sign-ins; the person's own
 * "who accessed my record" view; the auditor's CSV export and who may read the trail. Read events wait in the
 * outbox (the server's periodic drain is slowed down here), and every reader of the trail still sees them.
 * Last, a crash: the server is SIGKILLed in the middle of a batch of writes and reads, and every committed row
 * has its event (and no event exists without its row), and every answered read is chained after the restart.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { pendingAuditOutbox } from '../../src/audit/outbox'
import { verifyAuditChain } from '../../src/audit/verify'
import { seedDemoData } from '../../src/seed/seed'
import { fetchAs, loginToken } from '../helpers/auth'
import { auditTrail } from '../helpers/auditTrail'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let databaseUrl: string
let server: TestServer
let sql: pg.Pool
const tokens: Record<string, string> = {}
let ownStaffId: number

const as = (who: string) => (path: string, init: RequestInit = {}) => fetchAs(server.url, tokens[who], path, init)

const lastSeq = () => auditTrail(sql).lastSeq()
const eventsAfter = (seq: number) => auditTrail(sql).eventsAfter(seq)
// The periodic drain only at start: what the readers see here they drained themselves.
const SLOW_DRAIN = { HOSO_AUDIT_DRAIN_MS: '600000' }

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  const started = await startTestPayload()
  payload = started.payload
  databaseUrl = started.databaseUrl
  await seedDemoData(payload, { staff: 40 })
  await payload.create({ collection: 'accounts', data: { email: 'auditor@test.local', password: PASSWORD, roles: ['auditor'] } })
  sql = new pg.Pool({ connectionString: databaseUrl, max: 3 })
  const own = await payload.find({ collection: 'accounts', where: { email: { equals: 'canbo@hoso.local' } }, depth: 0 })
  ownStaffId = own.docs[0]!.staff as number
  server = await startTestServer({ DATABASE_URL: databaseUrl, ...SLOW_DRAIN })
  for (const [who, email] of Object.entries({ hr: 'nhansu@hoso.local', staff: 'canbo@hoso.local', admin: 'admin@hoso.local', auditor: 'auditor@test.local' })) {
    tokens[who] = await loginToken(server.url, email, PASSWORD)
  }
}, 180_000)

afterAll(async () => {
  await server?.stop('SIGKILL')
  await sql?.end()
  await stopTestPayload(payload)
})

test('a REST list is one read event with the ids returned, the request id, address and user agent', async () => {
  const start = await lastSeq()
  const res = await as('hr')('/api/staff?limit=6&depth=0', { headers: { 'X-Request-Id': 'req-list-1', 'User-Agent': 'audit-test/1.0' } })
  expect(res.status).toBe(200)
  const ids = ((await res.json()) as { docs: Array<{ id: number }> }).docs.map((d) => d.id)
  expect(ids.length).toBeGreaterThan(1)
  const events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({
    operation: 'read',
    target_collection: 'staff',
    record_ids: `.${ids.join('.')}.`,
    subjects: `.${ids.join('.')}.`,
    actor_name: expect.any(String),
    actor_roles: 'unit-hr',
    request_id: 'req-list-1',
    ip: '127.0.0.1',
    user_agent: 'audit-test/1.0',
  })
})

test('opening a record (REST findByID) and a GraphQL list are one read event each', async () => {
  let start = await lastSeq()
  const res = await as('hr')(`/api/staff/${ownStaffId}?depth=0`)
  expect(res.status).toBe(200)
  expect(res.headers.get('x-request-id')).toBeTruthy()
  let events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'read', record_ids: `.${ownStaffId}.`, request_id: res.headers.get('x-request-id') })

  start = await lastSeq()
  const gql = await as('hr')('/api/graphql', { method: 'POST', body: JSON.stringify({ query: '{ StaffRecords(limit: 3) { docs { id } } }' }) })
  const body = (await gql.json()) as { data: { StaffRecords: { docs: Array<{ id: number }> } } }
  const ids = body.data.StaffRecords.docs.map((d) => d.id)
  events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'read', record_ids: `.${ids.join('.')}.` })
})

test('sign-ins and refused sign-ins are logged; an unknown address only as a digest', async () => {
  let start = await lastSeq()
  await loginToken(server.url, 'auditor@test.local', PASSWORD)
  let events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'login', target_collection: 'accounts', actor_roles: 'auditor', ip: '127.0.0.1' })

  start = await lastSeq()
  const bad = await fetch(`${server.url}/api/accounts/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'nhansu@hoso.local', password: 'sai-mat-khau-roi-nhe' }),
  })
  expect(bad.status).toBe(401)
  const unknown = await fetch(`${server.url}/api/accounts/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'khong-ton-tai@test.local', password: 'sai-mat-khau-roi-nhe' }),
  })
  expect(unknown.status).toBe(401)
  events = await eventsAfter(start)
  expect(events).toHaveLength(2)
  const hrId = (await sql.query(`SELECT id FROM accounts WHERE email = 'nhansu@hoso.local'`)).rows[0].id
  expect(events[0]).toMatchObject({ operation: 'login-failed', record_ids: `.${hrId}.`, detail: { reason: 'invalid-credentials' } })
  expect(events[1]).toMatchObject({ operation: 'login-failed', record_ids: null, detail: { reason: 'invalid-credentials', emailDigest: expect.stringMatching(/^hmac:/) } })
  expect(JSON.stringify(events)).not.toContain('khong-ton-tai')
})

test('"who accessed my record": the person sees the HR officer\'s reads, in Vietnamese time, and not their own', async () => {
  const mine = async () => {
    const res = await as('staff')('/api/audit-events/mine')
    expect(res.status).toBe(200)
    return (await res.json()) as { docs: Array<{ time: string; occurredAt: string; operation: string; operationLabel: string; actor: string; roles: string[] }>; totalDocs: number }
  }
  const before = (await mine()).totalDocs
  await as('hr')(`/api/staff/${ownStaffId}?depth=0`)
  await as('staff')(`/api/staff/${ownStaffId}?depth=0`)
  expect(await pendingAuditOutbox(sql)).toBe(1)
  const body = await mine()
  expect(await pendingAuditOutbox(sql)).toBe(0)
  expect(body.totalDocs).toBe(before + 1)
  const first = body.docs[0]!
  expect(first).toMatchObject({ operation: 'read', operationLabel: 'Xem', roles: ['unit-hr'] })
  expect(first.actor).not.toBe('Bạn')
  const t = new Date(first.occurredAt)
  const vn = new Date(t.getTime() + 7 * 3600_000)
  const two = (n: number) => String(n).padStart(2, '0')
  expect(first.time).toBe(
    `${two(vn.getUTCDate())}/${two(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ${two(vn.getUTCHours())}:${two(vn.getUTCMinutes())}:${two(vn.getUTCSeconds())}`,
  )
  expect((await fetch(`${server.url}/api/audit-events/mine`)).status).toBe(401)
})

test("the auditor's list shows a read answered a moment ago, still in the outbox when asked", async () => {
  await lastSeq()
  const res = await as('hr')('/api/staff?limit=2&depth=0', { headers: { 'X-Request-Id': 'req-outbox-1' } })
  const ids = ((await res.json()) as { docs: Array<{ id: number }> }).docs.map((d) => d.id)
  expect(await pendingAuditOutbox(sql)).toBe(1)
  const list = await as('auditor')('/api/audit-events?sort=-seq&limit=1&depth=0')
  expect(list.status).toBe(200)
  const docs = ((await list.json()) as { docs: Array<{ operation: string; requestId: string; recordIds: string }> }).docs
  expect(docs[0]).toMatchObject({ operation: 'read', requestId: 'req-outbox-1', recordIds: `.${ids.join('.')}.` })
  expect(await pendingAuditOutbox(sql)).toBe(0)
})

test('only the auditor reads the trail and exports it as CSV, with filters; the export is itself logged', async () => {
  expect((await as('admin')('/api/audit-events')).status).toBe(403)
  expect((await as('hr')('/api/audit-events')).status).toBe(403)
  const list = await as('auditor')(`/api/audit-events?where[subjects][like]=.${ownStaffId}.&limit=100`)
  expect(list.status).toBe(200)
  expect(((await list.json()) as { totalDocs: number }).totalDocs).toBeGreaterThanOrEqual(2)
  expect((await as('auditor')('/api/audit-events', { method: 'POST', body: JSON.stringify({ operation: 'read' }) })).status).toBe(403)
  const one = (await sql.query('SELECT id FROM audit_events ORDER BY seq LIMIT 1')).rows[0].id
  expect((await as('auditor')(`/api/audit-events/${one}`, { method: 'DELETE' })).status).toBe(403)

  expect((await as('admin')('/api/audit-events/export.csv')).status).toBe(403)
  expect((await as('hr')('/api/audit-events/export.csv')).status).toBe(403)
  const bad = await as('auditor')('/api/audit-events/export.csv?operation=xem&from=32/13/2026')
  expect(bad.status).toBe(400)
  expect(JSON.stringify(await bad.json())).toContain('Thao tác không hợp lệ')

  const start = await lastSeq()
  const csv = await as('auditor')(`/api/audit-events/export.csv?person=${ownStaffId}&operation=read`)
  expect(csv.status).toBe(200)
  expect(csv.headers.get('content-type')).toContain('text/csv')
  const text = await csv.text()
  const lines = text.trim().split('\r\n')
  const expected = (await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE subjects LIKE $1 AND operation = 'read'`, [`%.${ownStaffId}.%`])).rows[0].n
  expect(expected).toBeGreaterThan(0)
  expect(lines.length).toBe(expected + 1)
  expect(lines[0]).toContain('Thời điểm (giờ Việt Nam)')
  expect(lines.slice(1).every((l) => l.includes('"Xem / read"'))).toBe(true)
  const events = await eventsAfter(start)
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'export', target_collection: 'audit-events', detail: { rows: expected, filter: { person: ownStaffId, operation: 'read' } } })
})

test('SIGKILL in the middle of writes and reads: every committed row has its event, no event lacks its row, every answered read is chained after the restart', async () => {
  const staff = (await sql.query<{ id: number }>(`SELECT id FROM staff WHERE unit_path LIKE (SELECT '%.' || unit_id || '.%' FROM accounts WHERE email = 'nhansu@hoso.local') ORDER BY id`)).rows.map((r) => r.id)
  const form = (await payload.find({ collection: 'codes', where: { list: { equals: 'award-form' } }, limit: 1 })).docs[0]!.id
  await lastSeq()
  let done = 0
  let next = 0
  const answeredReads: string[] = []
  const worker = async () => {
    while (next < 400) {
      const i = next++
      try {
        const res = await as('hr')('/api/awards?depth=0', {
          method: 'POST',
          body: JSON.stringify({ staff: staff[i % staff.length], year: 2020, form, content: `crash-${i}` }),
        })
        if (res.status === 201) done++
      } catch {
        return // the server is gone
      }
    }
  }
  let r = 0
  const reader = async () => {
    for (;;) {
      const requestId = `crash-read-${r++}`
      try {
        const res = await as('hr')(`/api/staff/${staff[r % staff.length]}?depth=0`, { headers: { 'X-Request-Id': requestId } })
        if (res.status === 200) answeredReads.push(requestId)
      } catch {
        return
      }
    }
  }
  const workers = Promise.all([worker(), worker(), worker(), reader(), reader()])
  while (done < 20 || answeredReads.length < 20) await new Promise((r) => setTimeout(r, 20))
  await server.stop('SIGKILL')
  await workers
  expect(done).toBeLessThan(400)

  const rows = (await sql.query<{ id: number }>(`SELECT id FROM awards WHERE content LIKE 'crash-%' ORDER BY id`)).rows.map((r) => `.${r.id}.`)
  const events = (await sql.query<{ record_ids: string }>(`SELECT record_ids FROM audit_events WHERE operation = 'create' AND target_collection = 'awards' ORDER BY record_ids`)).rows.map((r) => r.record_ids)
  expect(rows.length).toBeGreaterThanOrEqual(done)
  expect([...events].sort()).toEqual([...rows].sort())

  // The answered reads were in the outbox when the server died (its periodic drain was slowed down)…
  const queued = (await sql.query<{ request_id: string }>(`SELECT request_id FROM audit_outbox WHERE request_id LIKE 'crash-read-%'`)).rows.map((r) => r.request_id)
  expect(queued).toEqual(expect.arrayContaining(answeredReads))
  // …and the restarted server chains them (at start, without any reader asking), each exactly once.
  server = await startTestServer({ DATABASE_URL: databaseUrl })
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  for (let i = 0; i < 100 && (await pendingAuditOutbox(sql)) > 0; i++) await new Promise((r) => setTimeout(r, 100))
  expect(await pendingAuditOutbox(sql)).toBe(0)
  const chained = (await sql.query<{ request_id: string }>(`SELECT request_id FROM audit_events WHERE request_id LIKE 'crash-read-%'`)).rows.map((r) => r.request_id)
  expect([...chained].sort()).toEqual([...queued].sort())
  expect(await verifyAuditChain(sql)).toMatchObject({ ok: true, count: Number((await sql.query('SELECT max(seq) AS s FROM audit_events')).rows[0].s) })
}, 180_000)
