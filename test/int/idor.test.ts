/**
 * Insecure direct object references over HTTP: an HR officer of a sibling unit (B, VTCBC) goes after the
 * records of unit A (VCCVC) by every path we can name — guessed ids on records, history rows, photos and
 * their files, print endpoints, signed exports, change requests and the completeness dashboard; `where`,
 * sort, select and join tricks; depth population from documents B may read; version routes; GraphQL with
 * aliases; uploads by URL (a copy of A's photo, internal addresses). Every answer is a refusal or an empty
 * result, and no response body holds an A person's name, staff number or citizen ID.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { seedDemoData } from '../../src/seed/seed'
import { loginToken } from '../helpers/auth'
import { solidPng } from '../helpers/pdf'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
const HISTORY_SLUGS = ['training-records', 'work-history', 'salary-history', 'allowance-history', 'awards', 'evaluations', 'disciplines', 'family-members'] as const

let payload: Payload
let server: TestServer
let token: string
let unitA: { id: number; path: string }
let unitB: { id: number; path: string }
let rootUnitId: number
let aStaff: Array<{ id: number; fullName: string; staffCode: string; nationalId?: string | null }>
let bStaffIds: number[]
let bOwnStaffId: number
let hrBId: number
let aPhoto: { id: number; filename: string }
let bPhoto: { id: number; filename: string }
let aRows: Record<string, number> = {}
let aChangeRequestId: number
let aExportId: number
/** What must never reach B: A's names (those no one outside A shares), staff numbers and citizen IDs. */
let needles: string[] = []
let requests = 0
/** Requests that reached the internal listener (an SSRF canary). */
const canaryHits: string[] = []
let canary: http.Server
let canaryUrl: string
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-idor-media-'))
const png = solidPng(60, 90, [200, 30, 30])
const bPng = solidPng(60, 90, [30, 30, 200])

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  process.env.MEDIA_DIR = mediaDir
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 30 })
  const units = (await payload.find({ collection: 'units', limit: 0, depth: 0 })).docs
  const byCode = (code: string) => {
    const u = units.find((x) => x.code === code)!
    return { id: u.id, path: u.path as string }
  }
  unitA = byCode('VCCVC')
  unitB = byCode('VTCBC')
  rootUnitId = units.find((u) => !u.parent)!.id
  const all = (await payload.find({ collection: 'staff', limit: 0, depth: 0, pagination: false, select: { fullName: true, staffCode: true, nationalId: true, unitPath: true } })).docs
  aStaff = all.filter((s) => s.unitPath?.includes(`.${unitA.id}.`)) as typeof aStaff
  const others = all.filter((s) => !s.unitPath?.includes(`.${unitA.id}.`))
  bStaffIds = others.filter((s) => s.unitPath?.includes(`.${unitB.id}.`)).map((s) => s.id)
  expect(aStaff.length).toBeGreaterThanOrEqual(2)
  expect(bStaffIds.length).toBeGreaterThanOrEqual(1)
  bOwnStaffId = bStaffIds[0]!

  // History rows of A (one per collection where the seed made any) and the family names they hold.
  const aIds = aStaff.map((s) => s.id)
  const outsideNames = new Set(others.map((s) => s.fullName))
  const familyNames: string[] = []
  for (const slug of HISTORY_SLUGS) {
    const rows = (await payload.find({ collection: slug, where: { staff: { in: aIds } }, limit: 0, depth: 0, pagination: false })).docs
    if (rows[0]) aRows[slug] = rows[0].id
    if (slug === 'family-members') familyNames.push(...rows.map((r) => (r as { fullName: string }).fullName))
  }
  const otherFamily = (await payload.find({ collection: 'family-members', where: { staff: { not_in: aIds } }, limit: 0, depth: 0, pagination: false })).docs
  for (const r of otherFamily) outsideNames.add((r as { fullName: string }).fullName)
  expect(Object.keys(aRows).length).toBeGreaterThanOrEqual(3)
  needles = [
    ...aStaff.flatMap((s) => [s.staffCode, s.nationalId ?? '']),
    ...[...aStaff.map((s) => s.fullName), ...familyNames].filter((n) => !outsideNames.has(n)),
  ].filter((n) => n && n.length >= 6)
  expect(needles.length).toBeGreaterThan(aStaff.length * 2)

  // A photo on an A record and one on a B record, stored under MEDIA_DIR as the admin would.
  const photoOf = async (staff: number, name: string, data: Buffer) => {
    const p = await payload.create({ collection: 'photos', data: { staff, alt: 'Ảnh 4×6' }, file: { data, mimetype: 'image/png', name, size: data.length } })
    await payload.update({ collection: 'staff', id: staff, data: { photo: p.id } })
    return { id: p.id, filename: p.filename as string }
  }
  aPhoto = await photoOf(aStaff[0]!.id, 'anh-a.png', png)
  bPhoto = await photoOf(bOwnStaffId, 'anh-b.png', bPng)

  const hrB = await payload.create({ collection: 'accounts', data: { email: 'hr-b@test.local', password: PASSWORD, roles: ['unit-hr'], unit: unitB.id, staff: bOwnStaffId } })
  hrBId = hrB.id
  // Documents B may read that point at A: a grant still pending, a reminder B received about an A record.
  await payload.create({
    collection: 'access-grants',
    data: { grantee: hrBId, action: 'read', units: [unitA.id], staff: aIds.slice(0, 2), purpose: 'Thẩm định', validFrom: '2020-01-01T00:00:00.000Z', validTo: '2099-01-01T00:00:00.000Z', status: 'pending' },
  })
  await payload.create({
    collection: 'reminder-sends',
    data: { recipient: hrBId, staff: aIds[0], email: 'hr-b@test.local', template: 'manual', periodKey: 'idor', status: 'sent', attempts: 1 },
  })
  // A change request on an A record (the person's own declaration) and a signed export of one.
  const canbo = (await payload.find({ collection: 'accounts', where: { email: { equals: 'canbo@hoso.local' } }, depth: 0 })).docs[0]!
  const crStaff = (canbo.staff as number | null) ?? aIds[0]!
  const crRecord = all.find((s) => s.id === crStaff)!
  expect(crRecord.unitPath).toContain(`.${unitA.id}.`)
  aChangeRequestId = (
    await payload.create({
      collection: 'change-requests',
      data: { staff: crStaff, staffName: crRecord.fullName, author: canbo.id, status: 'submitted', revision: 1, proposal: { fullName: crRecord.fullName, staffCode: crRecord.staffCode }, base: { fullName: crRecord.fullName } },
    })
  ).id
  aExportId = (await payload.create({ collection: 'signed-exports', data: { code: 'IDOR-A-1', staff: aIds[0]!, form: '2c', batch: 'idor', status: 'queued' } })).id

  canary = http.createServer((req, res) => {
    canaryHits.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(bPng)
  })
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve))
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`

  server = await startTestServer({ DATABASE_URL: started.databaseUrl, MEDIA_DIR: mediaDir })
  token = await loginToken(server.url, 'hr-b@test.local', PASSWORD)
})

afterAll(async () => {
  // eslint-disable-next-line no-console
  console.log(`idor: ${requests} requests as the sibling unit's HR officer`)
  await server?.stop()
  canary?.close()
  await stopTestPayload(payload)
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

interface Answer {
  status: number
  text: string
  json: any
  type: string | null
}

/** One request as B; the body is checked for A's data whatever the status. */
async function asB(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  requests++
  const init: RequestInit = { method, headers: { Authorization: `JWT ${token}`, ...headers } }
  if (body instanceof FormData) init.body = body
  else if (body !== undefined) {
    init.body = JSON.stringify(body)
    ;(init.headers as Record<string, string>)['Content-Type'] = 'application/json'
  }
  const res = await fetch(`${server.url}${p}`, init)
  const type = res.headers.get('content-type')
  const buf = Buffer.from(await res.arrayBuffer())
  const text = buf.toString(type?.startsWith('image/') || type === 'application/pdf' ? 'latin1' : 'utf8')
  let json: any = null
  try {
    json = JSON.parse(text)
  } catch {
    /* not JSON */
  }
  // The search endpoint echoes the caller's own query (`query`): its documents are what is checked there.
  const checked = json && p.startsWith('/api/staff/search') ? JSON.stringify(json.docs) : json === null ? text : `${text}\n${JSON.stringify(json)}`
  expectNoLeak(`${method} ${p}`, checked)
  // A's photo bytes never come back, in whatever wrapping.
  if (buf.includes(png)) throw new Error(`${method} ${p}: returned a photo file`)
  return { status: res.status, text, json, type }
}

function expectNoLeak(what: string, body: string): void {
  const hay = body.normalize('NFC')
  const found = needles.filter((n) => hay.includes(n.normalize('NFC')))
  if (found.length) throw new Error(`${what} leaked ${found.length} value(s) of unit A: ${found.slice(0, 3).join(', ')}`)
}

const refused = async (method: string, p: string, body?: unknown, statuses = [403, 404]) => {
  const a = await asB(method, p, body)
  if (!statuses.includes(a.status)) throw new Error(`${method} ${p}: expected ${statuses.join('/')}, got ${a.status} ${a.text.slice(0, 300)}`)
  return a
}

/** A list that answers 200 with nothing in it (or a refusal). */
const emptyList = async (p: string) => {
  const a = await asB('GET', p)
  if (a.status === 200) {
    if (a.json?.docs?.length !== 0 || (a.json.totalDocs ?? 0) !== 0) throw new Error(`GET ${p}: expected no documents, got ${a.json?.docs?.length} (${a.text.slice(0, 200)})`)
  } else if (![400, 403, 404].includes(a.status)) throw new Error(`GET ${p}: unexpected ${a.status} ${a.text.slice(0, 300)}`)
  return a
}

/** A list B may read: only records of B's own subtree come back (or the query is refused: sorting on a sensitive field answers 400). */
const onlyOwn = async (p: string) => {
  const a = await asB('GET', p)
  if (a.status !== 200) throw new Error(`GET ${p}: unexpected ${a.status} ${a.text.slice(0, 300)}`)
  expect([p, a.json.docs.length > 0]).toEqual([p, true])
  for (const d of a.json.docs) expect(bStaffIds).toContain(d.id)
  return a
}

const q = (s: string) => encodeURIComponent(s)

test('B reads its own unit (the baseline the refusals are compared with)', async () => {
  const own = await asB('GET', `/api/staff/${bOwnStaffId}`)
  expect(own.status).toBe(200)
  const list = await onlyOwn('/api/staff?limit=100&depth=0')
  expect(list.json.docs.length).toBe(bStaffIds.length)
  const file = await asB('GET', `/api/photos/file/${bPhoto.filename}`)
  expect(file.status).toBe(200)
})

test('guessed ids: records, history rows, photos, files and prints of A are refused', async () => {
  const a = aStaff[0]!.id
  for (const s of aStaff.slice(0, 5)) {
    await refused('GET', `/api/staff/${s.id}`)
    await refused('GET', `/api/staff/${s.id}?depth=2`)
  }
  await refused('GET', `/api/staff/${a}?draft=true&locale=all&depth=2`)
  await refused('PATCH', `/api/staff/${a}`, { fullName: 'Bị sửa trộm' })
  await refused('PATCH', `/api/staff/${a}?depth=2`, { note: 'x' })
  await refused('DELETE', `/api/staff/${a}`)
  await refused('POST', `/api/staff/${a}/duplicate`, {})
  // Bulk forms: the access filter is ANDed with the caller's `where`, so nothing matches.
  const bulk = await asB('PATCH', `/api/staff?where[id][equals]=${a}`, { managementComment: 'x' })
  expect(bulk.status === 200 ? bulk.json.docs.length : 0).toBe(0)
  await refused('DELETE', `/api/staff?where[id][equals]=${a}`, undefined, [200, 403, 404])

  for (const [slug, id] of Object.entries(aRows)) {
    await refused('GET', `/api/${slug}/${id}`)
    await refused('GET', `/api/${slug}/${id}?depth=2`)
    await refused('PATCH', `/api/${slug}/${id}`, { staff: bOwnStaffId })
    await refused('DELETE', `/api/${slug}/${id}`)
    await emptyList(`/api/${slug}?where[staff][equals]=${a}`)
    await emptyList(`/api/${slug}?where[id][equals]=${id}&depth=2`)
  }
  await refused('POST', '/api/work-history', { staff: a, fromDate: '2020-01-01T00:00:00.000Z', description: 'x' }, [400, 403])
  await refused('POST', '/api/family-members', { staff: a, fullName: 'x', relation: 'x', side: 'self' }, [400, 403])

  await refused('GET', `/api/photos/${aPhoto.id}`)
  await refused('GET', `/api/photos/${aPhoto.id}?depth=2`)
  await refused('GET', `/api/photos/file/${aPhoto.filename}`)
  await refused('GET', `/api/photos/file/${q(aPhoto.filename)}?download=true`)
  await refused('PATCH', `/api/photos/${aPhoto.id}`, { alt: 'x' })
  await refused('DELETE', `/api/photos/${aPhoto.id}`)
  await refused('POST', `/api/photos/${aPhoto.id}/duplicate`, {}, [400, 403, 404])
  await emptyList(`/api/photos?where[staff][equals]=${a}`)
  await emptyList(`/api/photos?where[filename][equals]=${q(aPhoto.filename)}`)

  for (const p of [`/api/staff/${a}/2c.pdf`, `/api/staff/${a}/2c.pdf?form=hs02`, `/api/staff/${a}/review.pdf`]) {
    const r = await refused('GET', p, undefined, [404])
    expect(r.type).not.toBe('application/pdf')
  }

  await emptyList('/api/signed-exports')
  await refused('GET', `/api/signed-exports/${aExportId}`)
  await refused('GET', `/api/signed-exports/${aExportId}/file.pdf`, undefined, [403, 404])
  await refused('GET', `/api/signed-exports/${aExportId}/to-be-signed`, undefined, [403, 404])
  await refused('POST', '/api/signed-exports/request', { staffIds: [a], form: '2c' }, [400, 403, 404])

  await emptyList('/api/change-requests')
  await emptyList(`/api/change-requests?where[staff][equals]=${aStaff[0]!.id}&depth=2`)
  await refused('GET', `/api/change-requests/${aChangeRequestId}`)
  await refused('GET', `/api/change-requests/${aChangeRequestId}/review`, undefined, [403, 404])
  await refused('POST', `/api/change-requests/${aChangeRequestId}/approve`, { revision: 0 }, [400, 403, 404, 409])
  await refused('POST', `/api/change-requests/${aChangeRequestId}/return`, { reason: 'x', revision: 0 }, [400, 403, 404, 409])

  for (const ep of ['dashboard', 'people', 'export']) {
    await refused('GET', `/api/reminder-sends/${ep}?unit=${unitA.id}`, undefined, [403])
    await refused('GET', `/api/reminder-sends/${ep}?unit=${rootUnitId}`, undefined, [403])
  }
  await refused('POST', '/api/reminder-sends/urge', { staffIds: [a] }, [403])
  await emptyList(`/api/staff/search?q=${q(aStaff[0]!.fullName)}`)
  await emptyList(`/api/staff/search?q=${q(aStaff[1]!.staffCode)}`)
  await refused('GET', '/api/audit-events?limit=100', undefined, [403])
  await refused('GET', '/api/audit-events/export.csv', undefined, [403])

  // Nothing B tried changed A's data.
  const after = await payload.findByID({ collection: 'staff', id: a, depth: 0 })
  expect(after.fullName).toBe(aStaff[0]!.fullName)
  const cr = await payload.findByID({ collection: 'change-requests', id: aChangeRequestId, depth: 0 })
  expect(cr.status).toBe('submitted')
  for (const [slug, id] of Object.entries(aRows)) expect(await payload.findByID({ collection: slug as 'work-history', id, depth: 0, disableErrors: true })).not.toBeNull()
  expect(await payload.findByID({ collection: 'photos', id: aPhoto.id, depth: 0, disableErrors: true })).not.toBeNull()
})

test('where, sort, select, join and count tricks return B\'s own records only', async () => {
  const a = aStaff[0]!
  const pathA = `.${unitA.id}.`
  await emptyList(`/api/staff?where[unitPath][like]=${q(pathA)}`)
  await emptyList(`/api/staff?where[unitPath][contains]=${q(pathA)}`)
  await emptyList(`/api/staff?where[unitPath][equals]=${q(unitA.path)}`)
  await emptyList(`/api/staff?where[or][0][id][equals]=${a.id}`)
  await emptyList(`/api/staff?where[or][0][id][equals]=${a.id}&where[or][1][unitPath][like]=${q(pathA)}`)
  await emptyList(`/api/staff?where[and][0][or][0][id][in]=${aStaff.map((s) => s.id).join(',')}`)
  await emptyList(`/api/staff?where[id][in]=${aStaff.map((s) => s.id).join(',')}&limit=100`)
  await emptyList(`/api/staff?where[fullName][like]=${q(a.fullName)}`)
  await emptyList(`/api/staff?where[staffCode][equals]=${q(a.staffCode)}`)
  await emptyList(`/api/staff?where[nationalId][equals]=${q(a.nationalId ?? 'x')}`)
  await emptyList(`/api/staff?where[unit][equals]=${unitA.id}`)
  await emptyList(`/api/staff?where[unit.path][like]=${q(pathA)}`)
  // Outside B's unit B reads only their own staff record.
  const outside = await onlyOwn(`/api/staff?where[unitPath][not_like]=${q(`.${unitB.id}.`)}`)
  expect(outside.json.docs.map((d: { id: number }) => d.id)).toEqual([bOwnStaffId])
  for (const slug of HISTORY_SLUGS) {
    await emptyList(`/api/${slug}?where[staff.fullName][like]=${q(a.fullName)}`)
    await emptyList(`/api/${slug}?where[staff.unitPath][like]=${q(pathA)}&limit=100`)
    await emptyList(`/api/${slug}?where[staff.staffCode][equals]=${q(a.staffCode)}`)
    await emptyList(`/api/${slug}?where[or][0][staff][in]=${aStaff.map((s) => s.id).join(',')}&depth=2`)
  }
  await emptyList(`/api/photos?where[staff.unitPath][like]=${q(pathA)}&depth=2`)
  await emptyList(`/api/change-requests?where[staffName][like]=${q(a.fullName)}`)
  await emptyList(`/api/signed-exports?where[staff.unitPath][like]=${q(pathA)}&depth=2`)

  // Whole lists, every way of sorting, selecting and paging: B's subtree only.
  for (const p of [
    '/api/staff?limit=100',
    '/api/staff?limit=100&depth=2',
    '/api/staff?sort=-fullName&limit=100',
    '/api/staff?sort=unit.name&limit=100',
    '/api/staff?select[fullName]=true&select[staffCode]=true&select[nationalId]=true&limit=100',
    '/api/staff?select[unitPath]=false&limit=100',
    `/api/staff?where[unitPath][like]=${q(`.${rootUnitId}.`)}&limit=100`,
    `/api/staff?joins[workHistory][where][staff][in]=${aStaff.map((s) => s.id).join(',')}&joins[workHistory][limit]=100&limit=100`,
  ]) {
    await onlyOwn(p)
  }
  // A later page holds only B's records too (B reads few: it may be empty).
  const page2 = await asB('GET', '/api/staff?page=2&limit=1')
  expect(page2.status).toBe(200)
  expect(page2.json.page).toBe(2)
  for (const d of page2.json.docs) expect(bStaffIds).toContain(d.id)
  // Sorting by the encrypted CCCD is refused outright, naming the field: its order would tell something.
  const sorted = await asB('GET', '/api/staff?sort=nationalId&limit=100')
  expect(sorted.status).toBe(400)
  expect(sorted.text).toContain('nationalId')
  expect(sorted.text).not.toMatch(/"docs"/)
  const count = await asB('GET', '/api/staff/count')
  expect(count.status).toBe(200)
  expect(count.json.totalDocs).toBe(bStaffIds.length)
  const countA = await asB('GET', `/api/staff/count?where[unitPath][like]=${q(pathA)}`)
  expect(countA.json.totalDocs).toBe(0)
  for (const slug of HISTORY_SLUGS) {
    const c = await asB('GET', `/api/${slug}/count?where[staff][in]=${aStaff.map((s) => s.id).join(',')}`)
    expect(c.json.totalDocs).toBe(0)
  }
  // Join where on B's own record cannot reach A's rows.
  const own = await asB('GET', `/api/staff/${bOwnStaffId}?joins[familyMembers][where][or][0][staff][equals]=${a.id}&joins[workHistory][where][staff][equals]=${a.id}&depth=1`)
  expect(own.status).toBe(200)
  for (const j of ['familyMembers', 'workHistory']) for (const d of own.json[j]?.docs ?? []) expect(d.staff?.id ?? d.staff).toBe(bOwnStaffId)
  // Accounts: one's own only, whatever the filter.
  const accounts = await asB('GET', '/api/accounts?where[email][like]=hoso.local&depth=2&limit=100')
  expect(accounts.json?.docs ?? []).toHaveLength(0)
})

test('depth population from documents B may read carries nothing of A', async () => {
  for (const p of ['/api/accounts/me?depth=2', `/api/accounts/${hrBId}?depth=2`, `/api/staff/${bOwnStaffId}?depth=2`, `/api/photos/${bPhoto.id}?depth=2`, `/api/units/${unitA.id}?depth=2`, '/api/units?limit=100&depth=2']) {
    const r = await asB('GET', p)
    expect(r.status).toBe(200)
  }
  const grants = await asB('GET', '/api/access-grants?depth=2')
  expect(grants.status).toBe(200)
  expect(grants.json.docs).toHaveLength(1)
  // The grant names A's records, but B may not read them: ids stay ids.
  for (const s of grants.json.docs[0].staff) expect(typeof s).toBe('number')
  const reminders = await asB('GET', '/api/reminder-sends?depth=2')
  expect(reminders.status).toBe(200)
  expect(reminders.json.docs).toHaveLength(1)
  expect(typeof reminders.json.docs[0].staff).toBe('number')
  await asB('GET', `/api/reminder-sends/${reminders.json.docs[0].id}?depth=2`)

  // Pointing B's own record at A's photo is refused by name (hooks/staff/ownPhotoOnly.ts); nothing changes.
  const link = await asB('PATCH', `/api/staff/${bOwnStaffId}?depth=2`, { photo: aPhoto.id })
  expect(link.status).toBe(400)
  expect(link.text).toContain('Ảnh 4×6 phải là ảnh đã tải lên cho chính hồ sơ này')
  const own = await payload.findByID({ collection: 'staff', id: bOwnStaffId, depth: 0 })
  expect(own.photo).toBe(bPhoto.id)
})

test('version routes answer a clean 404 for records, rows, photos and every other collection', async () => {
  const a = aStaff[0]!.id
  const row = aRows['work-history'] ?? aRows['family-members']!
  for (const p of [
    '/api/staff/versions',
    `/api/staff/versions/${a}`,
    `/api/staff/${a}/versions`,
    `/api/staff/versions?where[parent][equals]=${a}`,
    `/api/staff/versions?where[version.unitPath][like]=${q(`.${unitA.id}.`)}&depth=2&draft=true`,
    '/api/work-history/versions',
    `/api/work-history/versions/${row}`,
    '/api/family-members/versions?limit=100',
    '/api/photos/versions',
    `/api/photos/versions/${aPhoto.id}`,
    '/api/change-requests/versions',
    '/api/signed-exports/versions',
    '/api/access-grants/versions',
    '/api/accounts/versions',
    '/api/role-requests/versions',
    '/api/audit-events/versions',
  ]) {
    // No collection keeps versions (collections/shared/routeGuards.ts): nothing is queried, nothing returned.
    const r = await asB('GET', p)
    if (r.status !== 404) throw new Error(`GET ${p}: expected 404, got ${r.status} ${r.text.slice(0, 200)}`)
    expect(r.json?.docs).toBeUndefined()
  }
  // Ids that are not ids: a refusal, never a database error.
  for (const p of ['/api/staff/abc', '/api/staff/NaN', '/api/staff/1e999', `/api/staff/${a}.5`, '/api/work-history/x', '/api/photos/%27%3B--']) {
    const r = await asB('GET', p)
    if (![400, 403, 404].includes(r.status)) throw new Error(`GET ${p}: expected a refusal, got ${r.status} ${r.text.slice(0, 200)}`)
  }
  for (const p of [`/api/staff/versions/${a}`, `/api/work-history/versions/${row}`, `/api/photos/versions/${aPhoto.id}`]) {
    const restore = await asB('POST', p, {})
    expect(restore.status).toBe(404)
  }
  expect((await payload.findByID({ collection: 'staff', id: a, depth: 0 })).fullName).toBe(aStaff[0]!.fullName)
})

test('GraphQL: aliases, lists, counts, nested relationships and __typename give errors or nothing', async () => {
  const [a1, a2] = aStaff
  const gql = async (query: string) => {
    const r = await asB('POST', '/api/graphql', { query })
    expect([200, 400]).toContain(r.status)
    return r.json as { data?: Record<string, any> | null; errors?: unknown[] }
  }
  const byId = await gql(`{
    a1: StaffRecord(id: ${a1!.id}) { id fullName staffCode nationalId }
    a2: StaffRecord(id: ${a2!.id}) { __typename ... on StaffRecord { fullName staffCode } }
    a3: StaffRecord(id: ${a1!.id}, draft: true) { fullName photo { url filename } workHistory { docs { id } } }
  }`)
  expect(byId.data?.a1 ?? null).toBeNull()
  expect(byId.data?.a2 ?? null).toBeNull()
  expect(byId.data?.a3 ?? null).toBeNull()
  const lists = await gql(`{
    path: StaffRecords(where: { unitPath: { like: ".${unitA.id}." } }, limit: 100) { totalDocs docs { fullName } }
    or: StaffRecords(where: { OR: [{ id: { equals: ${a1!.id} } }, { unitPath: { like: ".${unitA.id}." } }] }) { totalDocs docs { fullName } }
    ids: StaffRecords(where: { OR: [${aStaff.map((s) => `{ id: { equals: ${s.id} } }`).join(', ')}] }, limit: 100) { totalDocs }
    cnt: countStaffRecords(where: { unitPath: { like: ".${unitA.id}." } }) { totalDocs }
    wh: WorkHistories(where: { staff: { equals: ${a1!.id} } }) { totalDocs docs { id } }
    ph: Photos(where: { staff: { equals: ${a1!.id} } }) { totalDocs docs { url } }
    cr: ChangeRequests { totalDocs docs { staffName proposal base } }
    se: SignedExports { totalDocs docs { code } }
  }`)
  expect(lists.errors).toBeUndefined()
  for (const k of ['path', 'or', 'ids', 'wh', 'ph', 'cr', 'se']) expect(lists.data![k].totalDocs).toBe(0)
  expect(lists.data!.cnt.totalDocs).toBe(0)
  const all = await gql(`{ StaffRecords(limit: 100) { docs { id } } }`)
  for (const d of all.data!.StaffRecords.docs) expect(bStaffIds).toContain(d.id)
  const nested = await gql(`{
    g: AccessGrants { docs { staff { __typename id fullName staffCode nationalId } units { name } } }
    r: ReminderSends { docs { staff { id fullName staffCode } } }
    me: meAccount { user { staff { fullName photo { staff { fullName } } } } }
    own: StaffRecord(id: ${bOwnStaffId}) { photo { staff { fullName } } unit { parent { name } } familyMembers { docs { fullName staff { fullName } } } }
    photo: Photo(id: ${aPhoto.id}) { url filename staff { fullName } }
    row: FamilyMember(id: ${aRows['family-members'] ?? 0}) { fullName staff { fullName } }
  }`)
  expect(nested.data?.photo ?? null).toBeNull()
  expect(nested.data?.row ?? null).toBeNull()
  for (const g of nested.data?.g?.docs ?? []) for (const s of g.staff ?? []) expect(s?.fullName ?? null).toBeNull()
  for (const r of nested.data?.r?.docs ?? []) expect(r.staff?.fullName ?? null).toBeNull()
  const mutation = await gql(`mutation {
    u: updateStaffRecord(id: ${a1!.id}, data: { fullName: "Bị sửa trộm" }) { fullName }
    d: deleteFamilyMember(id: ${aRows['family-members'] ?? 0}) { id fullName }
  }`)
  expect(mutation.data?.u ?? null).toBeNull()
  expect(mutation.data?.d ?? null).toBeNull()
  // Versions are not enabled: the schema has no such queries.
  const versions = await gql(`{ versionsStaffRecords { docs { id } } }`)
  expect(versions.errors?.length).toBeGreaterThan(0)
  // Batched documents are answered one by one, each with B's rights.
  requests++
  const batch = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify([{ query: `{ StaffRecord(id: ${a1!.id}) { fullName } }` }, { query: `{ StaffRecords(where: { id: { equals: ${a2!.id} } }) { docs { fullName } } }` }]),
  })
  expectNoLeak('batched GraphQL', await batch.text())
  expect((await payload.findByID({ collection: 'staff', id: a1!.id, depth: 0 })).fullName).toBe(a1!.fullName)
})

test('uploads by URL: no copy of A\'s photo, no fetch of internal addresses', async () => {
  const before = (await payload.count({ collection: 'photos' })).totalDocs
  // A new photo on an A record is out of scope, whether uploaded or given by URL.
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'x.png')
  form.append('_payload', JSON.stringify({ staff: aStaff[0]!.id }))
  await refused('POST', '/api/photos', form, [403])
  await refused('POST', '/api/photos', { staff: aStaff[0]!.id, filename: 'x.png', url: `${canaryUrl}/a.png` }, [400, 403])

  const urls = [
    `${server.url}/api/photos/file/${aPhoto.filename}`,
    `/api/photos/file/${aPhoto.filename}`,
    `${canaryUrl}/ssrf.png`,
    `http://localhost:${new URL(canaryUrl).port}/ssrf.png`,
    `http://2130706433:${new URL(canaryUrl).port}/ssrf.png`,
    `http://[::ffff:127.0.0.1]:${new URL(canaryUrl).port}/ssrf.png`,
    'http://127.0.0.1:5432/',
    'http://169.254.169.254/latest/meta-data/',
    `file://${path.join(mediaDir, aPhoto.filename)}`,
  ]
  for (const url of urls) {
    const r = await asB('POST', '/api/photos', { staff: bOwnStaffId, filename: aPhoto.filename, url })
    // 400: refused by name (hooks/photos/noFileFromUrl.ts); paste-url: not enabled on photos (Payload answers 400).
    expect(r.status).toBe(400)
    const paste = await asB('GET', `/api/photos/paste-url?src=${q(url)}`)
    expect(paste.status).toBe(400)
    const pasteOnA = await asB('GET', `/api/photos/paste-url/${aPhoto.id}?src=${q(url)}`)
    expect(pasteOnA.status).toBe(400)
  }
  // Renaming B's own photo onto A's file name does not open A's file.
  const rename = await asB('PATCH', `/api/photos/${bPhoto.id}`, { filename: aPhoto.filename, url: `/api/photos/file/${aPhoto.filename}` })
  expect(rename.status).toBeLessThan(500)
  expect((await payload.findByID({ collection: 'photos', id: bPhoto.id, depth: 0 })).filename).toBe(bPhoto.filename)
  await refused('GET', `/api/photos/file/${aPhoto.filename}`)

  expect(canaryHits).toEqual([])
  expect((await payload.count({ collection: 'photos' })).totalDocs).toBe(before)
  // A normal upload to B's own record still works.
  const ok = new FormData()
  ok.append('file', new Blob([new Uint8Array(solidPng(30, 45, [1, 2, 3]))], { type: 'image/png' }), 'anh-moi.png')
  ok.append('_payload', JSON.stringify({ staff: bOwnStaffId, alt: 'Ảnh mới' }))
  const created = await asB('POST', '/api/photos', ok)
  expect(created.status).toBe(201)
})
