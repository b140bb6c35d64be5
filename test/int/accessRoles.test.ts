/**
 * A system administrator manages accounts but reads no personal data: giving an account (another one, or
 * their own) a role that reads personal data, moving its unit, or giving system roles is only a request
 * until a second, authorised person approves it (src/domain/roleChanges.ts). Request and decision are in
 * the audit trail. An account without a staff record holds system roles only.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { seedDemoData } from '../../src/seed/seed'
import { loginToken } from '../helpers/auth'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let server: TestServer
let sql: pg.Pool
let staffIds: number[]
let unitId: number
const tokens: Record<string, string> = {}

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 30 })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 2 })
  staffIds = (await sql.query(`SELECT id FROM staff WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.staff_id = staff.id) ORDER BY id`)).rows.map((r) => r.id)
  unitId = (await sql.query(`SELECT id FROM units WHERE code = 'VCCVC'`)).rows[0].id
  // A second system administrator, set up by the installation itself (no signed-in person).
  await payload.create({ collection: 'accounts', data: { email: 'admin2@test.local', password: PASSWORD, roles: ['sysadmin'] } })
  server = await startTestServer({ DATABASE_URL: started.databaseUrl })
  tokens.admin = await loginToken(server.url, 'admin@hoso.local', PASSWORD)
  tokens.admin2 = await loginToken(server.url, 'admin2@test.local', PASSWORD)
  tokens.ministry = await loginToken(server.url, 'tccb@hoso.local', PASSWORD)
  tokens.staff = await loginToken(server.url, 'canbo@hoso.local', PASSWORD)
})

afterAll(async () => {
  await server?.stop()
  await sql?.end()
  await stopTestPayload(payload)
})

const call = async (who: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${tokens[who]}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json().catch(() => null)) as any }
}

const rolesOf = async (email: string) =>
  (await sql.query(`SELECT coalesce(array_agg(r.value::text ORDER BY r.value::text), '{}') AS roles FROM accounts a LEFT JOIN accounts_roles r ON r.parent_id = a.id WHERE a.email = $1`, [email])).rows[0].roles as string[]
const idOf = async (email: string) => (await sql.query('SELECT id FROM accounts WHERE email = $1', [email])).rows[0].id as number
const pendingOf = async (email: string) =>
  (await call('ministry', 'GET', `/api/role-requests?where[account][equals]=${await idOf(email)}&where[status][equals]=pending&depth=0`)).body.docs as Array<{ id: number; roles: string[]; staff: number | null }>
const auditOps = async (accountId: number) =>
  (await sql.query(`SELECT operation::text, actor_name FROM audit_events WHERE target_collection = 'accounts' AND record_ids = $1 ORDER BY seq`, [`.${accountId}.`])).rows.map((r) => r.operation)
const staffVisible = async (email: string) => {
  const token = await loginToken(server.url, email, PASSWORD)
  const res = await fetch(`${server.url}/api/staff/count`, { headers: { Authorization: `JWT ${token}` } })
  return res.status === 200 ? ((await res.json()) as { totalDocs: number }).totalDocs : 0
}

test('an account the administrator makes with ministry HR and a record link reads nothing until ministry HR approves', async () => {
  const created = await call('admin', 'POST', '/api/accounts', { email: 'bu-nhin@test.local', password: PASSWORD, roles: ['staff', 'ministry-hr'], staff: staffIds[0] })
  expect(created.status).toBe(201)
  expect(await rolesOf('bu-nhin@test.local')).toEqual(['staff'])
  // Not even the record it names: the link to a person's record waits with the roles.
  expect((await sql.query(`SELECT staff_id FROM accounts WHERE email = 'bu-nhin@test.local'`)).rows[0].staff_id).toBeNull()
  expect(await staffVisible('bu-nhin@test.local')).toBe(0)
  tokens.puppet = await loginToken(server.url, 'bu-nhin@test.local', PASSWORD)
  const [request] = await pendingOf('bu-nhin@test.local')
  expect(request!.roles).toEqual(['staff', 'ministry-hr'])

  // The requester, another system administrator and the staff member cannot approve a personal-data role.
  const self = await call('admin', 'PATCH', `/api/role-requests/${request!.id}`, { status: 'approved' })
  expect(self.status).toBe(400)
  expect(JSON.stringify(self.body)).toMatch(/Người đề nghị không được tự phê duyệt/)
  const other = await call('admin2', 'PATCH', `/api/role-requests/${request!.id}`, { status: 'approved' })
  expect(other.status).toBe(400)
  expect(JSON.stringify(other.body)).toMatch(/Chỉ Vụ Tổ chức cán bộ/)
  expect((await call('staff', 'PATCH', `/api/role-requests/${request!.id}`, { status: 'approved' })).status).toBe(403)
  expect((await call('staff', 'GET', '/api/role-requests')).status).toBe(403)
  expect(await rolesOf('bu-nhin@test.local')).toEqual(['staff'])

  const approved = await call('ministry', 'PATCH', `/api/role-requests/${request!.id}`, { status: 'approved' })
  expect(approved.status).toBe(200)
  expect(await rolesOf('bu-nhin@test.local')).toEqual(['ministry-hr', 'staff'])
  expect((await sql.query(`SELECT staff_id FROM accounts WHERE email = 'bu-nhin@test.local'`)).rows[0].staff_id).toBe(staffIds[0])
  expect(await staffVisible('bu-nhin@test.local')).toBe(30)
  // Decided once: not again.
  expect((await call('ministry', 'PATCH', `/api/role-requests/${request!.id}`, { status: 'refused' })).status).toBe(400)
  expect(await auditOps(created.body.doc.id)).toEqual(expect.arrayContaining(['grant', 'approve']))
})

test('editing an existing account: new roles and a new unit wait; removing roles applies at once', async () => {
  const canbo = (await call('staff', 'GET', '/api/accounts/me')).body.user as { id: number }
  const patch = await call('admin', 'PATCH', `/api/accounts/${canbo.id}`, { roles: ['staff', 'unit-hr'], unit: unitId })
  expect(patch.status).toBe(200)
  expect(await rolesOf('canbo@hoso.local')).toEqual(['staff'])
  expect(await staffVisible('canbo@hoso.local')).toBe(1)
  const [request] = await pendingOf('canbo@hoso.local')
  expect(request!.roles).toEqual(['staff', 'unit-hr'])
  const refused = await call('ministry', 'PATCH', `/api/role-requests/${request!.id}`, { status: 'refused', note: 'Không có quyết định phân công' })
  expect(refused.status).toBe(200)
  expect(await rolesOf('canbo@hoso.local')).toEqual(['staff'])
  expect(await auditOps(canbo.id)).toEqual(expect.arrayContaining(['grant', 'return']))

  // The demo HR officer loses the role at once, without anyone's approval.
  const hr = (await payload.find({ collection: 'accounts', where: { email: { equals: 'nhansu@hoso.local' } } })).docs[0]!
  expect((await call('admin', 'PATCH', `/api/accounts/${hr.id}`, { roles: ['staff'] })).status).toBe(200)
  expect(await rolesOf('nhansu@hoso.local')).toEqual(['staff'])
})

test('the administrator giving themselves ministry HR is refused; a second administrator needs someone else', async () => {
  // The administrator's account has no staff record: a personal-data role cannot even be requested for it.
  const me = (await call('admin', 'GET', '/api/accounts/me')).body.user as { id: number }
  const own = await call('admin', 'PATCH', `/api/accounts/${me.id}`, { roles: ['sysadmin', 'ministry-hr'] })
  expect(own.status).toBe(400)
  expect(JSON.stringify(own.body)).toMatch(/chỉ được giữ vai trò hệ thống/)
  expect(await rolesOf('admin@hoso.local')).toEqual(['sysadmin'])

  // System roles: another system administrator (or ministry HR) approves, never the account's holder.
  const puppet = await idOf('bu-nhin@test.local')
  expect((await call('admin', 'PATCH', `/api/accounts/${puppet}`, { roles: ['staff', 'ministry-hr', 'sysadmin'] })).status).toBe(200)
  expect(await rolesOf('bu-nhin@test.local')).toEqual(['ministry-hr', 'staff'])
  const [sysRequest] = await pendingOf('bu-nhin@test.local')
  const byHolder = await call('puppet', 'PATCH', `/api/role-requests/${sysRequest!.id}`, { status: 'approved' })
  expect(byHolder.status).toBe(400)
  expect(JSON.stringify(byHolder.body)).toMatch(/chính tài khoản/)
  expect((await call('admin2', 'PATCH', `/api/role-requests/${sysRequest!.id}`, { status: 'approved' })).status).toBe(200)
  expect(await rolesOf('bu-nhin@test.local')).toEqual(['ministry-hr', 'staff', 'sysadmin'])

  const made = await call('admin', 'POST', '/api/accounts', { email: 'kiemtra@test.local', password: PASSWORD, roles: ['auditor'] })
  expect(made.status).toBe(201)
  expect(await rolesOf('kiemtra@test.local')).toEqual(['staff'])
  const [auditorRequest] = await pendingOf('kiemtra@test.local')
  expect((await call('admin2', 'PATCH', `/api/role-requests/${auditorRequest!.id}`, { status: 'approved' })).status).toBe(200)
  expect(await rolesOf('kiemtra@test.local')).toEqual(['auditor'])
})

test('an account without a staff record may hold system roles only; nothing is stored otherwise', async () => {
  const res = await call('admin', 'POST', '/api/accounts', { email: 'khong-ho-so@test.local', password: PASSWORD, roles: ['unit-hr'], unit: unitId })
  expect(res.status).toBe(400)
  expect(JSON.stringify(res.body)).toMatch(/chỉ được giữ vai trò hệ thống/)
  expect((await sql.query(`SELECT count(*)::int AS n FROM accounts WHERE email = 'khong-ho-so@test.local'`)).rows[0].n).toBe(0)
  expect((await sql.query(`SELECT count(*)::int AS n FROM role_requests r JOIN accounts a ON a.id = r.account_id WHERE a.email = 'khong-ho-so@test.local'`)).rows[0].n).toBe(0)
})

test('a newer request supersedes the pending one; the list shows pending requests to those who decide', async () => {
  const acc = await call('admin', 'POST', '/api/accounts', { email: 'truong-phong@test.local', password: PASSWORD, roles: ['staff', 'unit-head'], unit: unitId, staff: staffIds[1] })
  expect(acc.status).toBe(201)
  expect((await call('admin', 'PATCH', `/api/accounts/${acc.body.doc.id}`, { roles: ['staff', 'unit-hr'], unit: unitId, staff: staffIds[1] })).status).toBe(200)
  const pending = await pendingOf('truong-phong@test.local')
  expect(pending.map((p) => p.roles)).toEqual([['staff', 'unit-hr']])
  const all = (await call('admin', 'GET', `/api/role-requests?where[account][equals]=${acc.body.doc.id}&sort=createdAt`)).body.docs as Array<{ status: string }>
  expect(all.map((d) => d.status)).toEqual(['superseded', 'pending'])
})

test('linking an account to a person\'s record waits for ministry HR as well (its holder would read that record)', async () => {
  const acc = await call('admin', 'POST', '/api/accounts', { email: 'gan-ho-so@test.local', password: PASSWORD, roles: ['staff'], staff: staffIds[2] })
  expect(acc.status).toBe(201)
  expect(await staffVisible('gan-ho-so@test.local')).toBe(0)
  const [request] = await pendingOf('gan-ho-so@test.local')
  expect(request).toMatchObject({ roles: ['staff'], staff: staffIds[2] })
  expect((await call('admin2', 'PATCH', `/api/role-requests/${request!.id}`, { status: 'approved' })).status).toBe(400)
  expect((await call('ministry', 'PATCH', `/api/role-requests/${request!.id}`, { status: 'approved' })).status).toBe(200)
  expect(await staffVisible('gan-ho-so@test.local')).toBe(1)
})
