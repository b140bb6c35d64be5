/**
 * The register of personal-data requests on a real PostgreSQL with a fixed clock (Thursday 12/02/2026, the
 * week before Tết): deadlines on the working-day calendar, the first reply once, one extension only, refusals
 * with a basis and a reason (Điều 19 cannot refuse a view), due and overdue states, who sees what, every step an
 * audit event; a correction through the person's change request closes when HR approves it, and one of an item
 * HR owns becomes HR's task.
 */
import type { Payload } from 'payload'
import PG from 'pg'

import { drainAuditOutbox } from '../../src/audit/outbox'
import { allowed, type OracleOfficerAccess } from '../access/oracle'
import { sendDataRequestReminders } from '../../src/dataRequests/reminders'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { inProcessRest } from '../helpers/rest'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let sql: PG.Pool
let rest: ReturnType<typeof inProcessRest>
let smtp: SmtpSink
const ids: Record<string, number> = {}
const tokens: Record<string, string> = {}

const as = (who: string) => (method: string, path: string, body?: unknown) => rest.call(method, path, { token: tokens[who], body })
const count = async (table: string) => Number((await sql.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)
const events = async (id: number) => {
  await drainAuditOutbox(sql)
  return (
    await sql.query(`SELECT operation::text, detail, subjects FROM audit_events WHERE target_collection = 'data-requests' AND record_ids LIKE $1 ORDER BY seq`, [`%.${id}.%`])
  ).rows
}
const messages = (body: { errors?: Array<{ message: string }> }) => (body.errors ?? []).map((e) => e.message).join(' | ')

beforeAll(async () => {
  // Thursday 12/02/2026, 10:00 in Hà Nội.
  process.env.HOSO_DATA_REQUESTS_NOW = '2026-02-12T03:00:00Z'
  smtp = await startSmtpSink()
  Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', PUBLIC_URL: 'https://hoso.example' })
  const started = await startTestPayload()
  payload = started.payload
  sql = new PG.Pool({ connectionString: started.databaseUrl, max: 2 })
  rest = inProcessRest(payload)
  const ministry = await payload.create({ collection: 'units', data: { code: 'BNV', name: 'Bộ Nội vụ', type: 'ministry' } })
  const vuA = await payload.create({ collection: 'units', data: { code: 'VA', name: 'Vụ A', type: 'department', parent: ministry.id } })
  const vuB = await payload.create({ collection: 'units', data: { code: 'VB', name: 'Vụ B', type: 'department', parent: ministry.id } })
  const person = async (staffCode: string, fullName: string, unit: number) =>
    (
      await payload.create({
        collection: 'staff',
        data: { staffCode, fullName, gender: 'female', birthDate: '1985-04-02T00:00:00.000Z', employmentType: 'civil-servant', unit, hometown: 'Nam Định', position: 'Chuyên viên' },
      })
    ).id
  ids.lan = await person('R-1', 'Nguyễn Thị Lan', vuA.id)
  ids.mai = await person('R-2', 'Trần Thị Mai', vuA.id)
  const account = async (key: string, roles: string[], extra: Record<string, unknown> = {}) => {
    const a = await payload.create({ collection: 'accounts', data: { email: `${key}@test.local`, password: PASSWORD, roles, ...extra } as never })
    ids[`account:${key}`] = a.id
    tokens[key] = await rest.login(`${key}@test.local`, PASSWORD)
  }
  await account('admin', ['sysadmin'])
  await account('lan', ['staff'], { staff: ids.lan })
  await account('mai', ['staff'], { staff: ids.mai })
  await account('hrA', ['staff', 'unit-hr'], { unit: vuA.id })
  await account('hrB', ['staff', 'unit-hr'], { unit: vuB.id })
  await account('headA', ['unit-head'], { unit: vuA.id })
  await account('tccb', ['ministry-hr'])
  await account('dpo', ['data-protection-officer'])
  await account('dpo2', ['data-protection-officer'])
  // An officer whose account was disabled gets no reminders.
  const gone = await payload.create({ collection: 'accounts', data: { email: 'dpo-gone@test.local', password: PASSWORD, roles: ['data-protection-officer'] } as never })
  await sql.query('UPDATE accounts SET disabled = true WHERE id = $1', [gone.id])
  await account('auditor', ['auditor'])
}, 300_000)

afterAll(async () => {
  delete process.env.HOSO_DATA_REQUESTS_NOW
  await smtp?.close()
  await sql?.end()
  await stopTestPayload(payload)
})

test('the person files a view request from their own account: deadlines across Tết, an audit event, bad input refused with nothing written', async () => {
  const before = await count('data_requests')
  const bad = await as('lan')('POST', '/api/data-requests/mine', { type: 'erase-everything', subject: '' })
  expect(bad.status).toBe(400)
  expect(messages(bad.body)).toContain('Chọn loại yêu cầu')
  expect((await as('lan')('POST', '/api/data-requests/mine', '[1,2]')).status).toBe(400)
  expect((await as('lan')('POST', '/api/data-requests/mine', { type: 'view', subject: 'Hồ sơ', items: ['unitPath'] })).status).toBe(400)
  expect((await rest.call('POST', '/api/data-requests/mine', { body: { type: 'view', subject: 'Hồ sơ' } })).status).toBe(401)
  expect(await count('data_requests')).toBe(before)

  const filed = await as('lan')('POST', '/api/data-requests/mine', { type: 'view', subject: 'Toàn bộ hồ sơ', text: 'Tôi muốn xem hồ sơ của mình', staff: ids.mai })
  expect(filed.status).toBe(200)
  // The record is always the caller's own, whatever the body says.
  expect(filed.body).toMatchObject({ type: 'view', staff: ids.lan, channel: 'online', state: 'received', receivedOn: '2026-02-12', firstReplyDue: '2026-02-23', dueDate: '2026-02-23' })
  const row = (await sql.query('SELECT staff_id, due_date, first_reply_due FROM data_requests WHERE id = $1', [filed.body.id])).rows[0]
  expect(row).toEqual({ staff_id: ids.lan, due_date: '2026-02-23', first_reply_due: '2026-02-23' })
  const ev = await events(filed.body.id)
  expect(ev).toHaveLength(1)
  expect(ev[0]).toMatchObject({ operation: 'create', subjects: `.${ids.lan}.`, detail: { action: 'file', type: 'view', channel: 'online' } })
})

test('who sees the register: the person their own, the officer and ministry HR all with the due state; colleagues, unit HR and heads, auditor, administrator nothing', async () => {
  const own = await as('lan')('POST', '/api/data-requests/mine', { type: 'provide', subject: 'Bản sao lý lịch' })
  const id = own.body.id
  const list = async (who: string) => ((await as(who)('GET', '/api/data-requests?limit=100&depth=0')).body.docs as Array<{ id: number; staff: number; dueState: string }>) ?? []
  expect((await list('lan')).every((d) => d.staff === ids.lan)).toBe(true)
  expect((await list('lan')).map((d) => d.id)).toContain(id)
  // Outside a reader's filter: 404; an account the register is closed to altogether: 403.
  for (const [who, status] of [['mai', 404], ['hrA', 404], ['hrB', 404], ['headA', 403], ['auditor', 403], ['admin', 403]] as const) {
    expect([who, await list(who)]).toEqual([who, []])
    expect([who, (await as(who)('GET', `/api/data-requests/${id}`)).status]).toEqual([who, status])
  }
  for (const who of ['dpo', 'tccb']) {
    const docs = await list(who)
    expect(docs.find((d) => d.id === id)).toMatchObject({ dueState: 'on-time' })
  }
  // Nobody writes through the generic API, the officer included.
  expect((await as('dpo')('PATCH', `/api/data-requests/${id}`, { state: 'closed' })).status).toBe(403)
  expect((await as('dpo')('DELETE', `/api/data-requests/${id}`)).status).toBe(403)
  expect((await as('lan')('POST', '/api/data-requests', { type: 'view', subject: 'x', staff: ids.lan })).status).toBe(403)
})

test('first reply once; one extension of at most the period with a reason, a second refused; a view cannot be refused under Điều 19; each step audited', async () => {
  const filed = await as('lan')('POST', '/api/data-requests/mine', { type: 'view', subject: 'Quá trình công tác' })
  const id = filed.body.id
  // Only the officer answers.
  expect((await as('lan')('POST', `/api/data-requests/${id}/first-reply`, { text: 'Tự trả lời' })).status).toBe(403)
  expect((await as('tccb')('POST', `/api/data-requests/${id}/first-reply`, { text: 'Bộ trả lời' })).status).toBe(403)
  expect((await as('dpo')('POST', `/api/data-requests/${id}/first-reply`, { text: ' ' })).status).toBe(400)
  const replied = await as('dpo')('POST', `/api/data-requests/${id}/first-reply`, { text: 'Đã tiếp nhận yêu cầu; kết quả gửi trước ngày 23/02/2026.' })
  expect(replied.status).toBe(200)
  expect(replied.body).toMatchObject({ state: 'replied', firstRepliedOn: '2026-02-12' })
  expect((await as('dpo')('POST', `/api/data-requests/${id}/first-reply`, { text: 'Lần hai' })).status).toBe(409)

  expect((await as('dpo')('POST', `/api/data-requests/${id}/extend`, { days: 11, reason: 'Phức tạp' })).status).toBe(400)
  const noReason = await as('dpo')('POST', `/api/data-requests/${id}/extend`, { days: 10 })
  expect(noReason.status).toBe(400)
  expect(messages(noReason.body)).toContain('lý do gia hạn')
  const extended = await as('dpo')('POST', `/api/data-requests/${id}/extend`, { days: 10, reason: 'Cần đối chiếu hồ sơ giấy lưu tại Vụ' })
  expect(extended.status).toBe(200)
  // 23/02 + 10 days = Thursday 05/03/2026.
  expect(extended.body).toMatchObject({ extensionDays: 10, extendedDueDate: '2026-03-05' })
  const second = await as('dpo')('POST', `/api/data-requests/${id}/extend`, { days: 2, reason: 'Thêm' })
  expect(second.status).toBe(409)
  expect(messages(second.body)).toContain('tối đa 01 lần')

  const art19 = await as('dpo')('POST', `/api/data-requests/${id}/close`, { outcome: 'refused', legalBasis: 'article-19', reason: 'Dữ liệu phục vụ quản lý cán bộ' })
  expect(art19.status).toBe(400)
  expect(messages(art19.body)).toContain('Điều 19')
  const bare = await as('dpo')('POST', `/api/data-requests/${id}/close`, { outcome: 'refused' })
  expect(bare.status).toBe(400)
  expect(bare.body.errors.map((e: { field: string }) => e.field)).toEqual(['legalBasis', 'reason'])
  expect((await sql.query('SELECT state FROM data_requests WHERE id = $1', [id])).rows[0].state).toBe('replied')
  const done = await as('dpo')('POST', `/api/data-requests/${id}/close`, { outcome: 'done' })
  expect(done.body).toMatchObject({ state: 'closed', outcome: 'done', closedOn: '2026-02-12', dueState: 'closed-on-time' })
  expect((await as('dpo')('POST', `/api/data-requests/${id}/extend`, { days: 1, reason: 'x' })).status).toBe(409)

  const steps = (await events(id)).map((e) => e.detail.action)
  expect(steps).toEqual(['file', 'first-reply', 'extend', 'close'])
  expect((await events(id))[2].detail).toMatchObject({ days: 10, reason: 'Cần đối chiếu hồ sơ giấy lưu tại Vụ', extendedDueDate: '2026-03-05' })
})

test('a paper request keeps the day it was received: overdue when its deadlines passed; a deletion may be refused under Điều 19 with its reason', async () => {
  expect((await as('lan')('POST', '/api/data-requests/paper', { staff: ids.lan, type: 'view', subject: 'x', receivedOn: '20/01/2026' })).status).toBe(403)
  expect((await as('dpo')('POST', '/api/data-requests/paper', { staff: ids.mai, type: 'view', subject: 'x', receivedOn: '31/02/2026' })).status).toBe(400)
  expect((await as('dpo')('POST', '/api/data-requests/paper', { staff: ids.mai, type: 'view', subject: 'x', receivedOn: '13/02/2026' })).status).toBe(400)
  // Tuesday 20/01/2026: first reply by Thursday 22/01, done by Friday 30/01 — both passed on 12/02.
  const late = await as('dpo')('POST', '/api/data-requests/paper', { staff: ids.mai, type: 'view', subject: 'Lý lịch', receivedOn: '20/01/2026' })
  expect(late.status).toBe(200)
  expect(late.body).toMatchObject({ channel: 'paper', staff: ids.mai, receivedOn: '2026-01-20', firstReplyDue: '2026-01-22', dueDate: '2026-01-30', dueState: 'overdue' })
  // Mai sees the request recorded for her; Lan does not.
  expect((await as('mai')('GET', `/api/data-requests/${late.body.id}`)).status).toBe(200)
  expect((await as('lan')('GET', `/api/data-requests/${late.body.id}`)).status).toBe(404)
  // An extension after the deadline is refused.
  await as('dpo')('POST', `/api/data-requests/${late.body.id}/first-reply`, { text: 'Xin lỗi vì trả lời chậm' })
  expect((await as('dpo')('POST', `/api/data-requests/${late.body.id}/extend`, { days: 5, reason: 'Muộn' })).status).toBe(409)

  // Monday 09/02/2026 + 20 days = Sunday 01/03 → Monday 02/03.
  const del = await as('dpo')('POST', '/api/data-requests/paper', { staff: ids.mai, type: 'delete', subject: 'Xóa số điện thoại cá nhân', receivedOn: '09/02/2026' })
  expect(del.body).toMatchObject({ firstReplyDue: '2026-02-11', dueDate: '2026-03-02', dueState: 'overdue' })
  const refused = await as('dpo')('POST', `/api/data-requests/${del.body.id}/close`, {
    outcome: 'refused',
    legalBasis: 'article-19',
    reason: 'Hồ sơ cán bộ được lưu giữ theo quy định về quản lý hồ sơ cán bộ, công chức',
  })
  expect(refused.status).toBe(200)
  expect(refused.body).toMatchObject({ state: 'closed', outcome: 'refused', legalBasis: 'article-19', dueState: 'closed-late' })
})

test('correcting a declared item goes through the person\'s change request; HR\'s approval closes the data request', async () => {
  const filed = await as('lan')('POST', '/api/data-requests/mine', { type: 'correct', subject: 'Quê quán ghi sai', items: ['hometown'], text: 'Quê quán đúng là Huế' })
  expect(filed.body).toMatchObject({ type: 'correct', correctionTask: false, state: 'received' })
  const start = await as('lan')('GET', '/api/change-requests/mine')
  const saved = await as('lan')('PUT', '/api/change-requests/mine', { stamp: start.body.stamp, fields: { hometown: 'Huế' } })
  expect(saved.status).toBe(200)
  const submitted = await as('lan')('POST', '/api/change-requests/mine/submit', { revision: saved.body.request.revision })
  expect(submitted.status).toBe(200)
  const crId = submitted.body.request.id
  // Not yet approved: still open.
  expect((await sql.query('SELECT state FROM data_requests WHERE id = $1', [filed.body.id])).rows[0].state).toBe('received')
  const approved = await as('hrA')('POST', `/api/change-requests/${crId}/approve`, { revision: submitted.body.request.revision })
  expect(approved.status).toBe(200)
  const row = (await sql.query('SELECT state, outcome, change_request_id, closed_on FROM data_requests WHERE id = $1', [filed.body.id])).rows[0]
  expect(row).toEqual({ state: 'closed', outcome: 'done', change_request_id: crId, closed_on: '2026-02-12' })
  expect((await sql.query('SELECT hometown FROM staff WHERE id = $1', [ids.lan])).rows[0].hometown).toBe('Huế')
  expect((await events(filed.body.id)).map((e) => e.detail.action)).toEqual(['file', 'close'])
})

test('correcting an item HR owns becomes HR\'s task with its deadline: HR of the unit sees it and marks it done, HR of another unit neither sees nor acts', async () => {
  const filed = await as('lan')('POST', '/api/data-requests/mine', { type: 'correct', subject: 'Chức vụ ghi sai', items: ['position'] })
  expect(filed.body).toMatchObject({ correctionTask: true, dueDate: '2026-02-23' })
  const id = filed.body.id
  const hrList = (await as('hrA')('GET', '/api/data-requests?limit=100&depth=0')).body.docs as Array<{ id: number; dueDate: string; correctionTask: boolean }>
  expect(hrList.map((d) => d.id)).toEqual([id])
  expect(hrList[0]).toMatchObject({ dueDate: '2026-02-23', correctionTask: true })
  expect((await as('hrB')('GET', '/api/data-requests?limit=100')).body.docs).toEqual([])
  expect((await as('hrB')('POST', `/api/data-requests/${id}/correction-done`, { note: 'x' })).status).toBe(404)
  expect((await as('headA')('POST', `/api/data-requests/${id}/correction-done`, { note: 'x' })).status).toBe(403)
  const done = await as('hrA')('POST', `/api/data-requests/${id}/correction-done`, { note: 'Đã sửa theo Quyết định số 12/QĐ-BNV' })
  expect(done.status).toBe(200)
  expect(done.body).toMatchObject({ state: 'closed', outcome: 'done', outcomeReason: 'Đã sửa theo Quyết định số 12/QĐ-BNV' })
  expect((await as('hrA')('POST', `/api/data-requests/${id}/correction-done`, { note: 'lần hai' })).status).toBe(409)
})

test('the officers get one e-mail the working day before each deadline and one when it has passed, never twice', async () => {
  const filed = await as('mai')('POST', '/api/data-requests/mine', { type: 'object', subject: 'Phản đối công khai số điện thoại' })
  const id = filed.body.id
  const mine = () => smtp.messages.filter((m) => String((m as { subject?: string }).subject).includes(`số ${id} `))
  const to = (m: unknown) => ((m as { to?: { text: string } }).to?.text ?? '')
  // Thursday 12/02: the first reply is due Monday 23/02 (Tết between) — nothing yet.
  await sendDataRequestReminders(payload, new Date('2026-02-12T03:00:00Z'))
  expect(mine()).toHaveLength(0)
  // Friday 13/02 is the working day before: one message to each enabled officer, and a second run sends nothing more.
  await sendDataRequestReminders(payload, new Date('2026-02-13T01:00:00Z'))
  await sendDataRequestReminders(payload, new Date('2026-02-13T09:00:00Z'))
  expect(mine().map(to).sort()).toEqual(['dpo2@test.local', 'dpo@test.local'])
  expect(String((mine()[0] as { subject?: string }).subject)).toContain('sắp đến hạn trả lời lần đầu')
  expect(String((mine()[0] as { text?: string }).text)).toContain('23/02/2026')
  expect(String((mine()[0] as { text?: string }).text)).toContain(`https://hoso.example/admin/collections/data-requests/${id}`)
  // Tuesday 24/02, still no first reply: overdue, once more.
  await sendDataRequestReminders(payload, new Date('2026-02-24T01:00:00Z'))
  await sendDataRequestReminders(payload, new Date('2026-02-24T02:00:00Z'))
  expect(mine()).toHaveLength(4)
  expect(mine().slice(2).every((m) => String((m as { subject?: string }).subject).includes('quá hạn'))).toBe(true)
  const rows = (await sql.query(`SELECT count(*)::int AS n FROM reminder_sends WHERE template = 'data-request' AND period_key LIKE $1 AND status = 'sent'`, [`data-request:${id}:%`])).rows[0].n
  expect(rows).toBe(4)
})

test('the officer\'s narrow access: asked for, approved by ministry HR, exactly the request\'s items (sensitive ones too), audited, ended by the deadline and by closing', async () => {
  const filed = await as('lan')('POST', '/api/data-requests/mine', { type: 'view', subject: 'Tôn giáo và quan hệ gia đình', items: ['religion', 'familyMembers'] })
  const id = filed.body.id
  const relation = (await payload.create({ collection: 'codes', data: { list: 'relation', code: 'CHA', name: 'Cha đẻ' } as never })).id
  await payload.create({ collection: 'family-members', data: { staff: ids.lan, side: 'self', relation, fullName: 'Nguyễn Văn An', birthYear: 1955, details: 'Hưu trí' } as never, overrideAccess: true })
  // By role alone the officer reads no record.
  expect((await as('dpo')('GET', `/api/staff/${ids.lan}`)).status).toBe(403)
  // What the independent oracle (test/access/oracle.ts) says the officer may read, at each stage of the access.
  const oracle = (state: OracleOfficerAccess['state']) => allowed({ roles: ['data-protection-officer'], secondFactor: true }, { own: false, relation: 'other', officerAccess: { state, covers: true } }, 'read', 'sensitive')
  const early = await as('dpo')('GET', `/api/data-requests/${id}/record`)
  expect(early.status === 200).toBe(oracle('pending'))
  expect(messages(early.body)).toContain('chưa được Vụ Tổ chức cán bộ phê duyệt')
  // A request that names no item opens nothing; an access beyond the deadline is refused.
  const vague = await as('lan')('POST', '/api/data-requests/mine', { type: 'view', subject: 'Toàn bộ' })
  expect((await as('dpo')('POST', `/api/data-requests/${vague.body.id}/access`, {})).status).toBe(409)
  expect((await as('dpo')('POST', `/api/data-requests/${id}/access`, { until: '2026-03-01T00:00:00Z' })).status).toBe(400)
  expect((await as('tccb')('POST', `/api/data-requests/${id}/access`, {})).status).toBe(403)
  const asked = await as('dpo')('POST', `/api/data-requests/${id}/access`, {})
  expect(asked.status).toBe(200)
  // The end of 23/02/2026 in Hà Nội.
  expect(asked.body).toMatchObject({ accessStatus: 'requested', accessUntil: '2026-02-23T16:59:59.999Z' })
  expect((await as('dpo')('POST', `/api/data-requests/${id}/access/approve`)).status).toBe(403)
  expect((await as('hrA')('POST', `/api/data-requests/${id}/access/approve`)).status).toBe(404)
  expect((await as('dpo')('GET', `/api/data-requests/${id}/record`)).status).toBe(403)
  expect((await as('tccb')('POST', `/api/data-requests/${id}/access/approve`)).body).toMatchObject({ accessStatus: 'approved' })

  const read = await as('dpo')('GET', `/api/data-requests/${id}/record`)
  expect(read.status === 200).toBe(oracle('active'))
  expect(read.status).toBe(200)
  expect(Object.keys(read.body.items).sort()).toEqual(['familyMembers', 'religion'])
  expect(read.body.items.familyMembers.map((f: { fullName: string; details: string }) => [f.fullName, f.details])).toEqual([['Nguyễn Văn An', 'Hưu trí']])
  expect(read.raw).not.toContain('Nam Định') // hometown, not asked for
  expect((await as('tccb')('GET', `/api/data-requests/${id}/record`)).status).toBe(403)
  await drainAuditOutbox(sql)
  const readEvent = (await sql.query(`SELECT purpose, detail FROM audit_events WHERE operation = 'read' AND target_collection = 'staff' AND detail->>'dataRequest' = $1`, [String(id)])).rows
  expect(readEvent).toEqual([{ purpose: `Yêu cầu về dữ liệu cá nhân số ${id}`, detail: { dataRequest: id, items: ['religion', 'familyMembers'] } }])
  expect((await events(id)).map((e) => e.detail.action)).toEqual(['file', 'access-request', 'access-approve'])

  // After its time: refused. Then, back in time but with the request closed: ended.
  process.env.HOSO_DATA_REQUESTS_NOW = '2026-02-23T17:00:00Z'
  try {
    const expired = await as('dpo')('GET', `/api/data-requests/${id}/record`)
    expect(expired.status === 200).toBe(oracle('expired'))
    expect(messages(expired.body)).toContain('hết hạn')
  } finally {
    process.env.HOSO_DATA_REQUESTS_NOW = '2026-02-12T03:00:00Z'
  }
  expect((await as('dpo')('POST', `/api/data-requests/${id}/close`, { outcome: 'done' })).status).toBe(200)
  const after = await as('dpo')('GET', `/api/data-requests/${id}/record`)
  expect(after.status === 200).toBe(oracle('closed'))
  expect(after.status).toBe(403)
  expect(messages(after.body)).toContain('yêu cầu đã được giải quyết xong')
})
