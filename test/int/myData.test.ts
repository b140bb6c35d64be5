/**
 * "Tải toàn bộ dữ liệu của tôi" on a real PostgreSQL: GET /api/my-data.json holds every item of the seeded person's
 * record (checked field by field against the database), their change requests, photos, signed exports, data requests,
 * account, sign-ins and the access log — and nothing of anyone else: not the record of a family member who also works
 * here, not another person's audit rows or sign-ins, not another person's signed export. The PDF says the same in
 * words. Both downloads are audit events.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import PG from 'pg'

import { drainAuditOutbox } from '../../src/audit/outbox'
import { dataKeyring } from '../../src/crypto/dataKey'
import { civilDateInVietnam } from '../../src/domain/calendar'
import { HISTORIES, STAFF_GROUPS, type FieldSpec } from '../../src/domain/record'
import { isSealedField } from '../../src/domain/sealedValue'
import { columnOf } from '../../src/records/canonicalRecords'
import { seedDemoData } from '../../src/seed/seed'
import { pdfText } from '../helpers/pdf'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { inProcessRest } from '../helpers/rest'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
let payload: Payload
let sql: PG.Pool
let rest: ReturnType<typeof inProcessRest>
const tokens: Record<string, string> = {}
let me: number
let other: number
let myAccount: number
let otherAccount: number

const as = (who: string) => (method: string, p: string, body?: unknown) => rest.call(method, p, { token: tokens[who], body })

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  process.env.HOSO_CONSENT_ITEMS = 'email'
  process.env.MEDIA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-mydata-'))
  const started = await startTestPayload()
  payload = started.payload
  sql = new PG.Pool({ connectionString: started.databaseUrl, max: 2 })
  rest = inProcessRest(payload)
  await seedDemoData(payload, { staff: 12 })
  const canbo = (await sql.query(`SELECT id, staff_id FROM accounts WHERE email = 'canbo@hoso.local'`)).rows[0]
  me = canbo.staff_id
  myAccount = canbo.id
  // Another person of the ministry, with an account, whom the person names as a family member.
  const o = (await sql.query(`SELECT id, full_name FROM staff WHERE id <> $1 ORDER BY id LIMIT 1`, [me])).rows[0]
  other = o.id
  otherAccount = (await payload.create({ collection: 'accounts', data: { email: 'nguoi-khac@test.local', password: PASSWORD, roles: ['staff'], staff: other } as never })).id
  for (const [who, email] of [['me', 'canbo@hoso.local'], ['other', 'nguoi-khac@test.local'], ['tccb', 'tccb@hoso.local'], ['dpo', 'baove@hoso.local'], ['admin', 'admin@hoso.local']] as const) {
    tokens[who] = await rest.login(email, PASSWORD)
  }
  const relation = (await sql.query(`SELECT id FROM codes WHERE list = 'relation' ORDER BY id LIMIT 1`)).rows[0]?.id
  await payload.create({ collection: 'family-members', data: { staff: me, side: 'self', relation, fullName: o.full_name, birthYear: 1980, details: 'Công tác tại Bộ' } as never, overrideAccess: true })

  // A photo (the current one) and signed exports about each of the two.
  const photo = await payload.create({ collection: 'photos', data: { staff: me, alt: 'Ảnh 4x6' }, file: { data: PNG, mimetype: 'image/png', name: 'anh-the.png', size: PNG.length }, overrideAccess: true })
  await payload.update({ collection: 'staff', id: me, data: { photo: photo.id } as never, overrideAccess: true })
  for (const [staff, code] of [[me, 'MYDATA0000000001'], [other, 'OTHER00000000001']] as const) {
    await payload.create({ collection: 'signed-exports', data: { code, staff, form: '2c', batch: `b-${code}`, status: 'awaiting-agency' } as never, overrideAccess: true })
  }
  // A past (approved) and a pending change request.
  let start = await as('me')('GET', '/api/change-requests/mine')
  let saved = await as('me')('PUT', '/api/change-requests/mine', { stamp: start.body.stamp, fields: { hometown: 'Thừa Thiên Huế' } })
  let submitted = await as('me')('POST', '/api/change-requests/mine/submit', { revision: saved.body.request.revision })
  expect((await as('tccb')('POST', `/api/change-requests/${submitted.body.request.id}/approve`, { revision: submitted.body.request.revision })).status).toBe(200)
  start = await as('me')('GET', '/api/change-requests/mine')
  saved = await as('me')('PUT', '/api/change-requests/mine', { stamp: start.body.stamp, fields: { birthPlace: 'Hội An, Quảng Nam' } })
  submitted = await as('me')('POST', '/api/change-requests/mine/submit', { revision: saved.body.request.revision })
  expect(submitted.status).toBe(200)
  // A data request, reads by ministry HR of each record, and the other person's own change request.
  expect((await as('me')('POST', '/api/data-requests/mine', { type: 'view', subject: 'Toàn bộ hồ sơ' })).status).toBe(200)
  expect((await as('me')('POST', '/api/consents/mine', { item: 'email', text: 'Đồng ý dùng thư điện tử cá nhân', agree: true })).status).toBe(200)
  expect((await as('other')('POST', '/api/consents/mine', { item: 'email', text: 'Người khác đồng ý', agree: true })).status).toBe(200)
  expect((await as('tccb')('GET', `/api/staff/${me}?depth=0`)).status).toBe(200)
  expect((await as('tccb')('GET', `/api/staff/${other}?depth=0`)).status).toBe(200)
  const os2 = await as('other')('GET', '/api/change-requests/mine')
  expect((await as('other')('PUT', '/api/change-requests/mine', { stamp: os2.body.stamp, fields: { hometown: 'Cà Mau' } })).status).toBe(200)
}, 300_000)

afterAll(async () => {
  await sql?.end()
  await stopTestPayload(payload)
})

/** What the document must hold for one item, computed from the database row independently of the export code. */
async function expected(spec: FieldSpec, value: unknown, codes: Map<number, { list: string; code: string }>, units: Map<number, string>, ranks: Map<number, string>) {
  if (value == null || value === '') return null
  switch (spec.type.kind) {
    case 'date':
      return civilDateInVietnam(new Date(value as string))
    case 'month':
      return civilDateInVietnam(new Date(value as string)).slice(0, 7)
    case 'number':
    case 'integer':
      return Number(value)
    case 'code':
      return codes.get(Number(value)) ?? null
    case 'unit':
      return { code: units.get(Number(value)) }
    case 'rank':
      return { code: ranks.get(Number(value)) }
    default:
      return isSealedField(spec.key) ? dataKeyring().open(value as string, spec.key) : value
  }
}

test('my-data.json holds every item of the record, field by field as in the database, with all histories', async () => {
  const res = await as('me')('GET', '/api/my-data.json')
  expect(res.status).toBe(200)
  const data = res.body
  expect(data).toMatchObject({ format: 'hoso.my-data/1', staffId: me, record: { schema: 'hoso.record/1', id: me, omitted: [] } })
  const codes = new Map((await sql.query('SELECT id, list, code FROM codes')).rows.map((r) => [r.id, { list: r.list, code: r.code }]))
  const units = new Map((await sql.query('SELECT id, code FROM units')).rows.map((r) => [r.id, r.code]))
  const ranks = new Map((await sql.query('SELECT id, code FROM ranks')).rows.map((r) => [r.id, r.code]))
  const row = (await sql.query('SELECT * FROM staff WHERE id = $1', [me])).rows[0]
  let checked = 0
  let filled = 0
  for (const group of STAFF_GROUPS) {
    for (const spec of group.fields) {
      const want = await expected(spec, row[columnOf(spec)], codes, units, ranks)
      expect([group.key, spec.key, data.record[group.key][spec.key]]).toEqual([group.key, spec.key, want])
      checked++
      if (want != null) filled++
    }
  }
  expect(checked).toBeGreaterThan(60)
  expect(filled).toBeGreaterThan(30)
  expect(data.record.identity.hometown).toBe('Thừa Thiên Huế')
  // Every history row of the person, and only theirs.
  for (const h of HISTORIES) {
    const table = h.slug.replace(/-/g, '_')
    const ids = (await sql.query(`SELECT id FROM ${table} WHERE staff_id = $1 ORDER BY id`, [me])).rows.map((r) => r.id)
    expect([h.key, data.record.histories[h.key].map((r: { id: number }) => r.id).sort((a: number, b: number) => a - b)]).toEqual([h.key, ids])
    for (const r of data.record.histories[h.key]) {
      const dbRow = (await sql.query(`SELECT * FROM ${table} WHERE id = $1`, [r.id])).rows[0]
      for (const spec of h.fields) expect([h.key, spec.key, r[spec.key]]).toEqual([h.key, spec.key, await expected(spec, dbRow[columnOf(spec)], codes, units, ranks)])
    }
  }
  expect(data.record.photo).toMatchObject({ filename: 'anh-the.png', mimeType: 'image/png' })
})

test('my-data.json lists the change requests, photos, signed exports, data requests, account, sign-ins and access log of the person', async () => {
  const data = (await as('me')('GET', '/api/my-data.json')).body
  const crs = (await sql.query('SELECT id, status FROM change_requests WHERE staff_id = $1 ORDER BY id', [me])).rows
  expect(data.changeRequests.map((c: { id: number; status: string }) => ({ id: c.id, status: c.status }))).toEqual(crs)
  expect(crs.map((c) => c.status)).toEqual(['approved', 'submitted'])
  expect(data.changeRequests[1].proposal.fields).toEqual({ birthPlace: 'Hội An, Quảng Nam' })
  expect(data.photos).toEqual([expect.objectContaining({ filename: 'anh-the.png', current: true, url: expect.stringContaining('anh-the.png') })])
  expect(data.signedExports.map((s: { code: string }) => s.code)).toEqual(['MYDATA0000000001'])
  expect(data.dataRequests).toEqual([expect.objectContaining({ type: 'view', subject: 'Toàn bộ hồ sơ', state: 'received' })])
  expect(data.consents).toEqual([expect.objectContaining({ item: 'email', text: 'Đồng ý dùng thư điện tử cá nhân', withdrawnAt: null })])
  expect(data.accounts).toEqual([expect.objectContaining({ id: myAccount, email: 'canbo@hoso.local', roles: ['staff'], disabled: false })])
  expect(data.accounts[0].sessions.length).toBeGreaterThan(0)
  await drainAuditOutbox(sql)
  const logins = (await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'login' AND actor_id = $1`, [myAccount])).rows[0].n
  expect(logins).toBeGreaterThan(0)
  expect(data.signIns.filter((s: { operation: string }) => s.operation === 'login')).toHaveLength(logins)
  const about = (await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE subjects LIKE $1`, [`%.${me}.%`])).rows[0].n
  // The log as it stood when the file was made (this download's own event comes after).
  expect(data.accessLog.length).toBeGreaterThanOrEqual(about - 2)
  expect(data.accessLog).toContainEqual(expect.objectContaining({ operation: 'read', self: false, roles: ['ministry-hr'], collection: 'staff' }))
  expect(data.accessLog).toContainEqual(expect.objectContaining({ operation: 'approve', collection: 'change-requests' }))
})

test('nothing of anyone else: not the family member\'s own record, not their audit rows, sign-ins, change requests or signed exports', async () => {
  const res = await as('me')('GET', '/api/my-data.json')
  const raw = res.raw
  const o = (await sql.query('SELECT staff_code, national_id, email, full_name FROM staff WHERE id = $1', [other])).rows[0]
  // The family member row the person declared names them (that row is the person's data)…
  expect(res.body.record.histories.familyMembers.map((f: { fullName: string }) => f.fullName)).toContain(o.full_name)
  // …but nothing of their own record.
  expect(raw).not.toContain(o.staff_code)
  if (o.email) expect(raw).not.toContain(o.email)
  if (o.national_id) expect(raw).not.toContain(dataKeyring().open(o.national_id, 'nationalId'))
  expect(raw).not.toContain('Cà Mau')
  expect((await sql.query(`SELECT count(*)::int AS n FROM signed_exports WHERE code = 'OTHER00000000001' AND staff_id = $1`, [other])).rows[0].n).toBe(1)
  expect(raw).not.toContain('OTHER00000000001')
  expect(raw).not.toContain('nguoi-khac@test.local')
  expect(raw).not.toContain('Người khác đồng ý')
  await drainAuditOutbox(sql)
  // The other person's audit rows exist (reads of their record, their sign-in) and none is in the export.
  const theirs = (await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE (subjects LIKE $1 AND subjects NOT LIKE $2) OR actor_id = $3`, [`%.${other}.%`, `%.${me}.%`, otherAccount])).rows[0].n
  expect(theirs).toBeGreaterThan(1)
  const mine = (await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE subjects LIKE $1 OR (actor_id = $2 AND operation IN ('login', 'login-failed'))`, [`%.${me}.%`, myAccount])).rows[0].n
  expect(res.body.accessLog.length + res.body.signIns.length).toBeLessThanOrEqual(mine)
  // No address or device of anyone else: the access log carries neither.
  for (const e of res.body.accessLog) expect(Object.keys(e).sort()).toEqual(['actor', 'collection', 'occurredAt', 'operation', 'operationLabel', 'purpose', 'roles', 'self'])

  // A person who is also an officer still gets only their own data; an account without a record gets a clear 404.
  const officer = await as('tccb')('GET', '/api/my-data.json')
  expect(officer.status).toBe(404)
  expect(JSON.stringify(officer.body)).toContain('không gắn với hồ sơ')
  expect((await rest.call('GET', '/api/my-data.json')).status).toBe(401)
  expect((await rest.call('GET', '/api/my-data.pdf')).status).toBe(401)
})

test('my-data.pdf says the same in words, and each download is an audit event of the person\'s record', async () => {
  await drainAuditOutbox(sql)
  const before = (await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE operation = 'export' AND subjects LIKE $1 AND detail->>'what' = 'my-data'`, [`%.${me}.%`])).rows[0].n
  const res = await rest.call('GET', '/api/my-data.pdf', { token: tokens.me })
  expect(res.status).toBe(200)
  const pdf = await fetchPdf()
  const text = await pdfText(pdf)
  expect(text).toContain('TOÀN BỘ DỮ LIỆU CÁ NHÂN CỦA TÔI')
  expect(text).toContain('Thừa Thiên Huế')
  expect(text).toContain('YÊU CẦU VỀ DỮ LIỆU CÁ NHÂN')
  expect(text).toContain('MYDATA0000000001')
  expect(text).toContain('canbo@hoso.local')
  expect(text).toContain('NHẬT KÝ TRUY CẬP HỒ SƠ')
  expect(text).toContain('Đồng ý dùng thư điện tử cá nhân')
  expect(text).not.toContain('OTHER00000000001')
  await drainAuditOutbox(sql)
  const after = (await sql.query(`SELECT detail->>'format' AS format FROM audit_events WHERE operation = 'export' AND subjects LIKE $1 AND detail->>'what' = 'my-data' ORDER BY seq`, [`%.${me}.%`])).rows
  expect(after.length).toBeGreaterThanOrEqual(before + 2)
  expect(after.map((r) => r.format)).toEqual(expect.arrayContaining(['json', 'pdf']))
})

/** The PDF's bytes (the in-process REST helper reads bodies as text). */
async function fetchPdf(): Promise<Uint8Array> {
  const { handleEndpoints } = await import('payload')
  const res = await handleEndpoints({ config: payload.config, request: new Request('http://localhost/api/my-data.pdf', { headers: { Authorization: `JWT ${tokens.me}` } }) })
  expect(res.headers.get('content-type')).toBe('application/pdf')
  expect(res.headers.get('cache-control')).toBe('no-store')
  return new Uint8Array(await res.arrayBuffer())
}
