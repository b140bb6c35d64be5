/**
 * The breach register on a real PostgreSQL: the officer and the administrator record a breach; nobody else sees it;
 * bad input is refused naming the field with nothing written; the 72-hour clock and the retention date are computed
 * on read; the notice PDF carries the content of NĐ 356/2025 Điều 28; changes are audited; nothing is deleted.
 */
import type { Payload } from 'payload'
import { handleEndpoints } from 'payload'
import PG from 'pg'

import { pdfText } from '../helpers/pdf'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { inProcessRest } from '../helpers/rest'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let sql: PG.Pool
let rest: ReturnType<typeof inProcessRest>
const tokens: Record<string, string> = {}
const as = (who: string) => (method: string, p: string, body?: unknown) => rest.call(method, p, { token: tokens[who], body })
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  sql = new PG.Pool({ connectionString: started.databaseUrl, max: 2 })
  rest = inProcessRest(payload)
  for (const [key, roles] of [['admin', ['sysadmin']], ['dpo', ['data-protection-officer']], ['tccb', ['ministry-hr']], ['auditor', ['auditor']], ['staff', ['staff']]] as const) {
    await payload.create({ collection: 'accounts', data: { email: `${key}@test.local`, password: PASSWORD, roles: [...roles] } as never })
    tokens[key] = await rest.login(`${key}@test.local`, PASSWORD)
  }
}, 300_000)

afterAll(async () => {
  await sql?.end()
  await stopTestPayload(payload)
})

test('the officer records a breach: the 72-hour clock, the retention date, the notice with the content of Điều 28, every change audited', async () => {
  const bad = await as('dpo')('POST', '/api/breaches', { summary: 'Lộ dữ liệu', categories: '', foundAt: hoursAgo(-5), affectedCount: -3 })
  expect(bad.status).toBe(400)
  expect(JSON.stringify(bad.body)).toContain('Thời điểm phát hiện không được ở tương lai')
  expect(Number((await sql.query('SELECT count(*) FROM breaches')).rows[0].count)).toBe(0)

  const created = await as('dpo')('POST', '/api/breaches', {
    summary: 'Bảng tính danh sách cán bộ gửi nhầm địa chỉ thư ngoài Bộ',
    nature: 'Một tệp xuất danh sách được gửi nhầm tới địa chỉ thư bên ngoài',
    foundAt: hoursAgo(10),
    occurredAt: hoursAgo(30),
    place: 'Hệ thống thư điện tử của Bộ',
    categories: 'Họ tên, ngày sinh, số CCCD, đơn vị công tác',
    affectedCount: 214,
    consequences: 'Nguy cơ bị lợi dụng số CCCD',
    measures: 'Yêu cầu người nhận xóa tệp; đổi quy trình xuất dữ liệu',
    contact: 'Cán bộ bảo vệ dữ liệu cá nhân, baove@hoso.local',
  })
  expect(created.status).toBe(201)
  const doc = created.body.doc
  expect(doc.clock).toBe('open')
  expect(new Date(doc.notifyBy).getTime() - new Date(doc.foundAt).getTime()).toBe(72 * 3_600_000)
  expect(new Date(doc.keptUntil).getUTCFullYear() - new Date(doc.foundAt).getUTCFullYear()).toBe(5)

  // Notified after the 72 hours: the register says so; a notice needs the authority's name.
  expect((await as('dpo')('PATCH', `/api/breaches/${doc.id}`, { notifiedAt: new Date(new Date(doc.foundAt).getTime() + 73 * 3_600_000).toISOString() })).status).toBe(400)
  const notified = await as('admin')('PATCH', `/api/breaches/${doc.id}`, { notifiedAt: new Date(new Date(doc.foundAt).getTime() + 73 * 3_600_000).toISOString(), notifiedTo: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao' })
  expect(notified.status).toBe(200)
  expect(notified.body.doc.clock).toBe('notified-late')

  const res = await handleEndpoints({ config: payload.config, request: new Request(`http://localhost/api/breaches/${doc.id}/notice.pdf`, { headers: { Authorization: `JWT ${tokens.dpo}` } }) })
  expect(res.status).toBe(200)
  const text = await pdfText(new Uint8Array(await res.arrayBuffer()))
  for (const part of ['THÔNG BÁO VI PHẠM', 'TÍNH CHẤT', 'Họ tên, ngày sinh, số CCCD', '214', 'baove@hoso.local', 'HẬU QUẢ', 'Yêu cầu người nhận xóa tệp', 'Hạn thông báo']) expect(text).toContain(part)

  const events = (await sql.query(`SELECT operation::text FROM audit_events WHERE target_collection = 'breaches' AND record_ids LIKE $1 ORDER BY seq`, [`%.${doc.id}.%`])).rows.map((r) => r.operation)
  expect(events).toEqual(['create', 'update', 'export'])
  expect((await as('dpo')('DELETE', `/api/breaches/${doc.id}`)).status).toBe(403)
  expect((await as('admin')('DELETE', `/api/breaches/${doc.id}`)).status).toBe(403)
})

test('nobody else reads or writes the register', async () => {
  const id = (await sql.query('SELECT id FROM breaches LIMIT 1')).rows[0].id
  for (const who of ['tccb', 'auditor', 'staff']) {
    expect([who, (await as(who)('GET', '/api/breaches')).status]).toEqual([who, 403])
    expect([who, (await as(who)('GET', `/api/breaches/${id}/notice.pdf`)).status]).toEqual([who, 403])
    expect([who, (await as(who)('POST', '/api/breaches', { summary: 'x', categories: 'y', foundAt: hoursAgo(1), affectedCount: 1 })).status]).toEqual([who, 403])
  }
  expect((await rest.call('GET', `/api/breaches/${id}/notice.pdf`)).status).toBe(401)
})
