/**
 * Self-declaration and approval over HTTP, on the production server: a person declares, HR of another
 * unit sees nothing, HR of the right unit reviews the difference and approves or returns; concurrent
 * decisions and stale forms are refused with "đã có thay đổi mới"; nobody approves their own request.
 */
import type { Payload } from 'payload'

import { callAs, loginToken } from '../helpers/auth'
import { pdfText } from '../helpers/pdf'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let server: TestServer
let smtp: SmtpSink
const ids: Record<string, number> = {}
const tokens: Record<string, string> = {}

async function call(who: string, method: string, path: string, body?: unknown) {
  const { status, body: json } = await callAs(server.url, tokens[who], method, path, body)
  return { status, body: json }
}

const official = async (staffId: number) => payload.findByID({ collection: 'staff', id: staffId, depth: 0, overrideAccess: true })

beforeAll(async () => {
  smtp = await startSmtpSink()
  const smtpEnv = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', MAIL_FROM: 'tccb@hoso.local' }
  Object.assign(process.env, smtpEnv)
  const started = await startTestPayload()
  payload = started.payload
  const ministry = await payload.create({ collection: 'units', data: { code: 'BNV', name: 'Bộ Nội vụ', type: 'ministry' } })
  const vuA = await payload.create({ collection: 'units', data: { code: 'VA', name: 'Vụ A', type: 'department', parent: ministry.id } })
  const vuB = await payload.create({ collection: 'units', data: { code: 'VB', name: 'Vụ B', type: 'department', parent: ministry.id } })
  const phong = await payload.create({ collection: 'units', data: { code: 'VA-P1', name: 'Phòng 1', type: 'division', parent: vuA.id } })
  const mother = await payload.create({ collection: 'codes', data: { list: 'relation', code: 'ME', name: 'Mẹ' } })
  ids.mother = mother.id
  const person = (staffCode: string, fullName: string, unit: number) =>
    payload.create({
      collection: 'staff',
      data: { staffCode, fullName, gender: 'female', birthDate: '1985-03-15T00:00:00.000Z', employmentType: 'civil-servant', unit, hometown: 'Bình Định' },
    })
  ids.huong = (await person('T-1', 'Nguyễn Thị Hường', phong.id)).id
  ids.hrA = (await person('T-2', 'Trần Thị Lan', vuA.id)).id
  ids.hrB = (await person('T-3', 'Lê Thị Mai', vuB.id)).id
  const account = (email: string, roles: string[], extra: Record<string, unknown>) =>
    payload.create({ collection: 'accounts', data: { email, password: PASSWORD, roles, ...extra } as never })
  ids.canboAccount = (await account('canbo@test.local', ['staff'], { staff: ids.huong })).id
  await account('hr-a@test.local', ['staff', 'unit-hr'], { staff: ids.hrA, unit: vuA.id })
  await account('hr-b@test.local', ['staff', 'unit-hr'], { staff: ids.hrB, unit: vuB.id })
  await account('tccb@test.local', ['ministry-hr'], {})
  server = await startTestServer({ DATABASE_URL: started.databaseUrl, ...smtpEnv })
  for (const who of ['canbo', 'hr-a', 'hr-b', 'tccb']) tokens[who] = await loginToken(server.url, `${who}@test.local`, PASSWORD)
})

afterAll(async () => {
  await server?.stop()
  await stopTestPayload(payload)
  await smtp?.close()
})

test('staff declares, HR of another unit cannot see or approve, HR of the unit approves; official data changes only then', async () => {
  const start = await call('canbo', 'GET', '/api/change-requests/mine')
  expect(start.status).toBe(200)
  expect(start.body).toMatchObject({ staffId: ids.huong, request: null, official: { hometown: 'Bình Định' } })

  // Contact details (T1) apply at once; declared items (T2) wait in a draft.
  const saved = await call('canbo', 'PUT', '/api/change-requests/mine', {
    stamp: start.body.stamp,
    fields: { hometown: 'Quảng Ngãi', phone: '0912345678' },
    rows: { 'family-members': [{ side: 'self', relation: ids.mother, fullName: 'Phạm Thị Hoa', birthYear: 1958 }] },
  })
  expect(saved.status).toBe(200)
  expect(saved.body.request).toMatchObject({ status: 'draft', revision: 0 })
  expect((await official(ids.huong)).phone).toBe('0912345678')
  expect((await official(ids.huong)).hometown).toBe('Bình Định')

  // Save as often as they like.
  const again = await call('canbo', 'PUT', '/api/change-requests/mine', {
    stamp: saved.body.stamp,
    revision: 0,
    fields: { hometown: 'Quảng Ngãi', birthPlace: 'Đắk Lắk' },
    rows: { 'family-members': [{ side: 'self', relation: ids.mother, fullName: 'Phạm Thị Hoa', birthYear: 1958 }] },
  })
  expect(again.status).toBe(200)
  expect(again.body.request.revision).toBe(1)
  expect(again.body.request.fields.map((f: { field: string }) => f.field).sort()).toEqual(['birthPlace', 'hometown'])

  // Printing: the review print shows the pending values, marked; the CV form shows approved data only.
  const pdf = async (who: string, path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { Authorization: `JWT ${tokens[who]}` } })
    expect(res.status).toBe(200)
    return pdfText(Buffer.from(await res.arrayBuffer()))
  }
  const review = await pdf('canbo', `/api/staff/${ids.huong}/review.pdf`)
  expect(review).toContain('Thay đổi chờ duyệt')
  expect(review).toContain('Quảng Ngãi')
  expect(review).toContain('Đắk Lắk')
  const cv = await pdf('canbo', `/api/staff/${ids.huong}/2c.pdf`)
  expect(cv).toContain('Bình Định')
  expect(cv).not.toContain('Quảng Ngãi')

  const submitted = await call('canbo', 'POST', '/api/change-requests/mine/submit', { revision: 1 })
  expect(submitted.status).toBe(200)
  expect(submitted.body.request).toMatchObject({ status: 'submitted', revision: 2 })
  expect((await official(ids.huong)).hometown).toBe('Bình Định')
  const requestId = submitted.body.request.id as number

  // While pending, the person cannot edit it (they withdraw first).
  const blocked = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: submitted.body.stamp, revision: 2, fields: { hometown: 'Huế' } })
  expect(blocked.status).toBe(409)
  expect(blocked.body.errors[0].message).toContain('chờ duyệt')

  // HR of a sibling unit: nothing listed, 404 on review and approval, nothing changed.
  const listB = await call('hr-b', 'GET', '/api/change-requests')
  expect(listB.body.totalDocs).toBe(0)
  expect((await call('hr-b', 'GET', `/api/change-requests/${requestId}`)).status).toBe(404)
  expect((await call('hr-b', 'GET', `/api/change-requests/${requestId}/review`)).status).toBe(404)
  expect((await call('hr-b', 'POST', `/api/change-requests/${requestId}/approve`, { revision: 2 })).status).toBe(404)
  expect((await official(ids.huong)).hometown).toBe('Bình Định')

  // HR of the person's unit: the queue and a field-by-field difference with labels and display values.
  const listA = await call('hr-a', 'GET', '/api/change-requests?where[status][equals]=submitted')
  expect(listA.body.docs.map((d: { id: number }) => d.id)).toEqual([requestId])
  const reviewed = await call('hr-a', 'GET', `/api/change-requests/${requestId}/review`)
  expect(reviewed.status).toBe(200)
  expect(reviewed.body.actions).toEqual(['approve', 'return'])
  expect(reviewed.body.fields).toEqual(
    expect.arrayContaining([
      { field: 'hometown', label: 'Quê quán', before: 'Bình Định', after: 'Quảng Ngãi' },
      { field: 'birthPlace', label: 'Nơi sinh', before: '', after: 'Đắk Lắk' },
    ]),
  )
  expect(reviewed.body.rows).toEqual([
    expect.objectContaining({ collection: 'family-members', kind: 'added', collectionLabel: 'Quan hệ gia đình', after: expect.stringContaining('Phạm Thị Hoa') }),
  ])
  expect(reviewed.body.rows[0].after).toContain('Mẹ')
  // HR's review print marks the pending family row with its code-list name.
  const hrPrint = await pdf('hr-a', `/api/staff/${ids.huong}/review.pdf`)
  expect(hrPrint).toContain('Phạm Thị Hoa')
  // HR of another unit cannot print the record at all.
  expect((await fetch(`${server.url}/api/staff/${ids.huong}/review.pdf`, { headers: { Authorization: `JWT ${tokens['hr-b']}` } })).status).toBe(404)

  // A stale revision is refused, then the right one applies everything in one go.
  const stale = await call('hr-a', 'POST', `/api/change-requests/${requestId}/approve`, { revision: 1 })
  expect(stale.status).toBe(409)
  expect(stale.body.errors[0].message).toContain('thay đổi mới')
  const approved = await call('hr-a', 'POST', `/api/change-requests/${requestId}/approve`, { revision: 2 })
  expect(approved.status).toBe(200)
  expect(approved.body.status).toBe('approved')
  const after = await official(ids.huong)
  expect(after).toMatchObject({ hometown: 'Quảng Ngãi', birthPlace: 'Đắk Lắk' })
  expect(after.lastConfirmedAt).toBeTruthy()
  const family = await payload.find({ collection: 'family-members', where: { staff: { equals: ids.huong } }, overrideAccess: true })
  expect(family.docs.map((d) => d.fullName)).toEqual(['Phạm Thị Hoa'])

  // The person sees the approved value and the decided request; the history of the request is kept.
  const mine = await call('canbo', 'GET', '/api/change-requests/mine')
  expect(mine.body.official.hometown).toBe('Quảng Ngãi')
  expect(mine.body.request).toMatchObject({ status: 'approved' })
  expect(mine.body.request.fields).toEqual(expect.arrayContaining([{ field: 'hometown', label: 'Quê quán', before: 'Bình Định', after: 'Quảng Ngãi' }]))
  expect(mine.body.request.transitions.map((t: { action: string }) => t.action)).toEqual(['submit', 'approve'])
  await waitFor(() => smtp.messages.some((m) => m.subject?.includes('đã được duyệt')))
})

test('fields the person may not declare are refused by name, and invalid values are refused; nothing is stored', async () => {
  const start = await call('canbo', 'GET', '/api/change-requests/mine')
  const hr = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: start.body.stamp, fields: { hometown: 'Huế', salaryStep: 5, unit: 1 } })
  expect(hr.status).toBe(403)
  expect(hr.body.errors[0].message).toContain('Bậc lương')
  const future = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: start.body.stamp, fields: { birthDate: '2999-01-01T00:00:00.000Z' } })
  expect(future.status).toBe(400)
  expect(future.body.errors[0].message).toMatch(/Ngày sinh/)
  const english = await fetch(`${server.url}/api/change-requests/mine`, {
    method: 'PUT',
    headers: { Authorization: `JWT ${tokens.canbo}`, 'Content-Type': 'application/json', 'Accept-Language': 'en' },
    body: JSON.stringify({ stamp: start.body.stamp, fields: { salaryStep: 5 } }),
  })
  expect(((await english.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toContain('You may not declare')
  expect((await call('canbo', 'GET', '/api/change-requests/mine')).body.request.status).toBe('approved')
  // The generic API writes nothing: not the request, not the official record.
  expect((await call('canbo', 'POST', '/api/change-requests', { staff: ids.huong, status: 'approved' })).status).toBe(403)
  expect((await call('canbo', 'PATCH', `/api/staff/${ids.huong}`, { hometown: 'Huế' })).status).toBe(403)
  expect((await official(ids.huong)).hometown).toBe('Quảng Ngãi')
})

test('returned with a reason: the person sees it and gets an e-mail; a reason is required', async () => {
  const start = await call('canbo', 'GET', '/api/change-requests/mine')
  const saved = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: start.body.stamp, fields: { otherNames: 'Hường Nguyễn' } })
  const submitted = await call('canbo', 'POST', '/api/change-requests/mine/submit', { revision: saved.body.request.revision })
  const id = submitted.body.request.id
  const noReason = await call('hr-a', 'POST', `/api/change-requests/${id}/return`, { revision: submitted.body.request.revision, reason: '  ' })
  expect(noReason.status).toBe(400)
  expect(noReason.body.errors[0].message).toContain('lý do')
  const returned = await call('hr-a', 'POST', `/api/change-requests/${id}/return`, { revision: submitted.body.request.revision, reason: 'Tên gọi khác phải theo giấy khai sinh' })
  expect(returned.status).toBe(200)
  const mine = await call('canbo', 'GET', '/api/change-requests/mine')
  expect(mine.body.request).toMatchObject({ status: 'returned', returnReason: 'Tên gọi khác phải theo giấy khai sinh' })
  expect((await official(ids.huong)).otherNames ?? null).toBeNull()
  await waitFor(() => smtp.messages.some((m) => m.subject?.includes('trả lại') && m.text?.includes('Tên gọi khác phải theo giấy khai sinh')))
  const mail = smtp.messages.find((m) => m.subject?.includes('trả lại'))!
  expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('canbo@test.local')

  // Editing a returned request reopens it as a draft; then it can be submitted again.
  const fixed = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: mine.body.stamp, revision: mine.body.request.revision, fields: { otherNames: 'Hường' } })
  expect(fixed.status).toBe(200)
  expect(fixed.body.request.status).toBe('draft')
  expect(fixed.body.request.transitions.map((t: { action: string }) => t.action)).toEqual(['submit', 'return', 'reopen'])
})

test('two HR officers approving at once: exactly one succeeds, the change is applied once', async () => {
  const mine = await call('canbo', 'GET', '/api/change-requests/mine')
  const saved = await call('canbo', 'PUT', '/api/change-requests/mine', {
    stamp: mine.body.stamp,
    revision: mine.body.request.revision,
    fields: { otherNames: 'Hường' },
    rows: { 'family-members': [...mine.body.official.rows['family-members'], { side: 'spouse', relation: ids.mother, fullName: 'Đỗ Thị Nga', birthYear: 1960 }] },
  })
  const submitted = await call('canbo', 'POST', '/api/change-requests/mine/submit', { revision: saved.body.request.revision })
  const { id, revision } = submitted.body.request
  const [a, b] = await Promise.all([
    call('hr-a', 'POST', `/api/change-requests/${id}/approve`, { revision }),
    call('tccb', 'POST', `/api/change-requests/${id}/approve`, { revision }),
  ])
  expect([a.status, b.status].sort()).toEqual([200, 409])
  const family = await payload.find({ collection: 'family-members', where: { staff: { equals: ids.huong } }, overrideAccess: true, sort: 'id' })
  expect(family.docs.map((d) => d.fullName)).toEqual(['Phạm Thị Hoa', 'Đỗ Thị Nga'])
  expect((await official(ids.huong)).otherNames).toBe('Hường')
})

test('a change HR makes meanwhile is never overwritten: the stale form and the stale request are refused', async () => {
  const mine = await call('canbo', 'GET', '/api/change-requests/mine')
  const saved = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: mine.body.stamp, revision: mine.body.request?.revision, fields: { hometown: 'Huế' } })
  expect(saved.status).toBe(200)
  // HR corrects the official record directly (HR may edit; it applies at once).
  const direct = await call('hr-a', 'PATCH', `/api/staff/${ids.huong}`, { birthPlace: 'Buôn Ma Thuột, Đắk Lắk' })
  expect(direct.status).toBe(200)
  // The person's form was filled against the old record.
  const staleForm = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: saved.body.stamp, revision: saved.body.request.revision, fields: { hometown: 'Huế', birthPlace: 'Đắk Lắk' } })
  expect(staleForm.status).toBe(409)
  expect(staleForm.body.errors[0].message).toContain('thay đổi mới')
  const staleSubmit = await call('canbo', 'POST', '/api/change-requests/mine/submit', { revision: saved.body.request.revision })
  expect(staleSubmit.status).toBe(409)
  expect((await official(ids.huong)).birthPlace).toBe('Buôn Ma Thuột, Đắk Lắk')
  // Reloaded, the person saves against the new record and can submit.
  const reloaded = await call('canbo', 'GET', '/api/change-requests/mine')
  const resaved = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: reloaded.body.stamp, revision: reloaded.body.request.revision, fields: { hometown: 'Huế' } })
  expect(resaved.status).toBe(200)
  expect((await call('canbo', 'POST', '/api/change-requests/mine/submit', { revision: resaved.body.request.revision })).status).toBe(200)
})

test('nobody approves their own request, even an HR officer with scope over their own record', async () => {
  const start = await call('hr-a', 'GET', '/api/change-requests/mine')
  const saved = await call('hr-a', 'PUT', '/api/change-requests/mine', { stamp: start.body.stamp, fields: { hometown: 'Nam Định' } })
  const submitted = await call('hr-a', 'POST', '/api/change-requests/mine/submit', { revision: saved.body.request.revision })
  expect(submitted.body.request.actions).toEqual(['withdraw'])
  const self = await call('hr-a', 'POST', `/api/change-requests/${submitted.body.request.id}/approve`, { revision: submitted.body.request.revision })
  expect(self.status).toBe(403)
  expect(self.body.errors[0].message).toContain('chính mình')
  expect((await official(ids.hrA)).hometown).toBe('Bình Định')
  // Ministry HR may approve it.
  expect((await call('tccb', 'POST', `/api/change-requests/${submitted.body.request.id}/approve`, { revision: submitted.body.request.revision })).status).toBe(200)
  expect((await official(ids.hrA)).hometown).toBe('Nam Định')
})

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

async function upload(who: string, bytes: Buffer, type: string, name: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  const res = await fetch(`${server.url}/api/change-requests/mine/photo`, { method: 'POST', headers: { Authorization: `JWT ${tokens[who]}` }, body: form })
  return { status: res.status, body: (await res.json()) as any }
}

test('a new 4×6 photo is declared like any other item and becomes official on approval', async () => {
  const notImage = await upload('canbo', Buffer.from('%PDF-1.4'), 'application/pdf', 'cv.pdf')
  expect(notImage.status).toBe(400)
  expect(notImage.body.errors[0].message).toContain('JPEG hoặc PNG')

  const photo = await upload('canbo', PNG, 'image/png', 'anh-4x6.png')
  expect(photo.status).toBe(200)
  expect(photo.body.url).toMatch(/anh-4x6/)
  // The person may see the file (their own record); HR of another unit may not.
  const own = await fetch(`${server.url}${photo.body.url}`, { headers: { Authorization: `JWT ${tokens.canbo}` } })
  expect(own.status).toBe(200)
  const other = await fetch(`${server.url}${photo.body.url}`, { headers: { Authorization: `JWT ${tokens['hr-b']}` } })
  expect(other.status).toBe(403)

  const mine = await call('canbo', 'GET', '/api/change-requests/mine')
  const open = mine.body.request && ['draft', 'returned'].includes(mine.body.request.status) ? mine.body.request : null
  if (mine.body.request?.status === 'submitted') {
    await call('canbo', 'POST', '/api/change-requests/mine/withdraw', { revision: mine.body.request.revision })
  }
  const state = await call('canbo', 'GET', '/api/change-requests/mine')
  const saved = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: state.body.stamp, revision: open ? state.body.request.revision : null, fields: { photo: photo.body.id } })
  expect(saved.status).toBe(200)
  expect(saved.body.request.photos.after).toBe(photo.body.url)
  expect((await official(ids.huong)).photo ?? null).toBeNull()
  const submitted = await call('canbo', 'POST', '/api/change-requests/mine/submit', { revision: saved.body.request.revision })
  const review = await call('hr-a', 'GET', `/api/change-requests/${submitted.body.request.id}/review`)
  expect(review.body.fields.map((f: { field: string }) => f.field)).toContain('photo')
  expect(review.body.photos).toEqual({ before: null, after: photo.body.url })
  expect((await call('hr-a', 'POST', `/api/change-requests/${submitted.body.request.id}/approve`, { revision: submitted.body.request.revision })).status).toBe(200)
  expect((await official(ids.huong)).photo).toBe(photo.body.id)
})
