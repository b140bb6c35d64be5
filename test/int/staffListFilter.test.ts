/**
 * The staff list filter over REST, as the admin sends it (the URL's `where`): it runs together with the
 * caller's access scope and never widens it; the filter options follow the same scope. The unit list
 * endpoint (GET /api/staff/list) answers the same filters with the same people, in the same order.
 */
import * as qs from 'qs-esm'
import type { Payload } from 'payload'

import { ageOn, todayInVietnam } from '../../src/domain/dates'
import { buildListWhere, type StaffListFilter } from '../../src/domain/staffListFilter'
import { drainAuditOutbox } from '../../src/audit/outbox'
import { SEARCH_RESULT_FIELDS } from '../../src/search/staffSearch'
import { poolOf } from '../../src/db/pool'
import { seedDemoData } from '../../src/seed/seed'
import { loginToken } from '../helpers/auth'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'hoso-demo-2026'
let payload: Payload
let server: TestServer
const tokens: Record<string, string> = {}
let units: Array<{ id: number; code: string; path: string }>

const get = (who: string, path: string) => fetch(`${server.url}${path}`, { headers: { Authorization: `JWT ${tokens[who]}` } })
const list = (who: string, filter: StaffListFilter) =>
  get(who, `/api/staff?${qs.stringify({ where: buildListWhere(filter, todayInVietnam(new Date())), depth: 0, limit: 100 })}`)

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 150 })
  units = (await payload.find({ collection: 'units', limit: 0, depth: 0, pagination: false })).docs.map((u) => ({ id: u.id, code: u.code, path: u.path as string }))
  server = await startTestServer({ DATABASE_URL: started.databaseUrl })
  for (const [who, email] of [['unitHr', 'nhansu@hoso.local'], ['ministry', 'tccb@hoso.local'], ['staff', 'canbo@hoso.local']]) tokens[who] = await loginToken(server.url, email!, PASSWORD)
})

afterAll(async () => {
  await server?.stop()
  await stopTestPayload(payload)
})

test('a unit HR officer filtering on another unit gets nobody; on their own unit and an age band exactly the seeded people', async () => {
  const own = units.find((u) => u.code === 'VCCVC')!
  const sibling = units.find((u) => u.code === 'VTCBC')!
  const outside = await payload.count({ collection: 'staff', where: { unitPath: { like: `.${sibling.id}.` } } })
  expect(outside.totalDocs).toBeGreaterThan(0)
  const res = await list('unitHr', { unitId: sibling.id })
  expect(res.status).toBe(200)
  expect(((await res.json()) as { totalDocs: number }).totalDocs).toBe(0)

  const today = todayInVietnam(new Date())
  const inOwn = (await payload.find({ collection: 'staff', where: { unitPath: { like: `.${own.id}.` } }, limit: 0, pagination: false, depth: 0, select: { staffCode: true, birthDate: true } })).docs
  const expected = inOwn.filter((s) => { const a = ageOn(s.birthDate, today).years; return a >= 40 && a <= 49 }).map((s) => s.staffCode).sort()
  expect(expected.length).toBeGreaterThan(0)
  expect(expected.length).toBeLessThan(inOwn.length)
  const body = (await (await list('unitHr', { unitId: own.id, ageBand: '40-49' })).json()) as { docs: Array<{ staffCode: string }> }
  expect(body.docs.map((d) => d.staffCode).sort()).toEqual(expected)
})

test('party membership (sensitive) is refused to a unit HR officer, not silently ignored; ministry HR gets it', async () => {
  expect((await list('unitHr', { partyMember: true })).status).toBe(400)
  const expected = await payload.count({ collection: 'staff', where: { partyJoinDate: { exists: false } } })
  const res = await list('ministry', { partyMember: false })
  expect(res.status).toBe(200)
  expect(((await res.json()) as { totalDocs: number }).totalDocs).toBe(expected.totalDocs)
})

test('filter options follow the caller: subtree units and positions for unit HR, everything for ministry HR', async () => {
  const own = units.find((u) => u.code === 'VCCVC')!
  type Options = { units: Array<{ id: number; level: number }>; positions: string[]; ranks: unknown[]; partyFilter: boolean }
  const hr = (await (await get('unitHr', '/api/staff/list-filter-options')).json()) as Options
  expect(hr.units.map((u) => u.id).sort((a, b) => a - b)).toEqual(units.filter((u) => u.path.includes(`.${own.id}.`)).map((u) => u.id).sort((a, b) => a - b))
  expect(hr.units[0]).toEqual(expect.objectContaining({ id: own.id, level: 0 }))
  const ownPositions = (await payload.find({ collection: 'staff', where: { unitPath: { like: `.${own.id}.` }, position: { exists: true } }, limit: 0, pagination: false, depth: 0, select: { position: true } })).docs.map((s) => s.position)
  expect(hr.positions.length).toBeGreaterThan(0)
  expect(new Set(hr.positions)).toEqual(new Set(ownPositions.filter(Boolean)))
  expect(hr.partyFilter).toBe(false)

  const ministry = (await (await get('ministry', '/api/staff/list-filter-options')).json()) as Options
  expect(ministry.units).toHaveLength(units.length)
  expect(ministry.units.filter((u) => u.level === 0)).toHaveLength(1)
  expect(ministry.ranks.length).toBe((await payload.count({ collection: 'ranks' })).totalDocs)
  expect(ministry.partyFilter).toBe(true)

  // A staff member reads their own record only: no units to pick; without a session, nothing.
  const staff = (await (await get('staff', '/api/staff/list-filter-options')).json()) as Options
  expect(staff.units).toEqual([])
  expect((await fetch(`${server.url}/api/staff/list-filter-options`)).status).toBe(401)
})

describe('GET /api/staff/list', () => {
  type Page = { docs: Array<Record<string, unknown> & { id: number; staffCode: string }>; totalDocs: number; totalPages: number; page: number; hasNextPage: boolean; nextPage: number | null }
  // Page by page, as any caller but ministry HR must (at most 100 records a page).
  const generic = async (who: string, filter: StaffListFilter) => {
    const codes: string[] = []
    for (let page = 1; ; page++) {
      const res = await get(who, `/api/staff?${qs.stringify({ where: buildListWhere(filter, todayInVietnam(new Date())), depth: 0, limit: 100, page, sort: 'sortName,id', select: { staffCode: true } })}`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as Page
      codes.push(...body.docs.map((d) => d.staffCode))
      if (!body.hasNextPage) return codes
    }
  }
  const endpoint = async (who: string, query: Record<string, string | number | boolean>) => {
    const res = await get(who, `/api/staff/list?${new URLSearchParams(Object.entries({ limit: 100, ...query }).map(([k, v]) => [k, String(v)]))}`)
    expect(res.status).toBe(200)
    return (await res.json()) as Page
  }

  test('the same people, total and Vietnamese name order as the generic list, for each filter and each reader', async () => {
    const own = units.find((u) => u.code === 'VCCVC')!
    const sibling = units.find((u) => u.code === 'VTCBC')!
    const cases: Array<[string, StaffListFilter]> = [
      ['ministry', {}],
      ['ministry', { unitId: sibling.id }],
      ['ministry', { unitId: own.id, gender: 'female' }],
      ['ministry', { ageBand: '40-49' }],
      ['ministry', { ageBand: 'retiring-12m' }],
      ['ministry', { partyMember: true, gender: 'male' }],
      ['unitHr', {}],
      ['unitHr', { unitId: own.id, ageBand: '30-39' }],
      ['unitHr', { unitId: sibling.id }],
      ['staff', {}],
    ]
    let nonEmpty = 0
    for (const [who, f] of cases) {
      const expected = await generic(who, f)
      const query = { ...(f.unitId ? { unit: f.unitId } : {}), ...(f.gender ? { gender: f.gender } : {}), ...(f.ageBand ? { ageBand: f.ageBand } : {}), ...(f.partyMember !== undefined ? { partyMember: f.partyMember } : {}) }
      const pages: string[] = []
      let page = await endpoint(who, query)
      pages.push(...page.docs.map((d) => d.staffCode))
      while (page.nextPage) {
        page = await endpoint(who, { ...query, page: page.nextPage })
        pages.push(...page.docs.map((d) => d.staffCode))
      }
      expect({ who, f, codes: pages, total: page.totalDocs }).toEqual({ who, f, codes: expected, total: expected.length })
      if (expected.length) nonEmpty++
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(8) // the cases test something: only the sibling unit for unit HR is empty (and maybe retiring)
  })

  test('pages: 25 rows and the total by default, page 2 continues page 1, rows carry the list columns only', async () => {
    const first = await endpoint('ministry', { limit: 25 })
    const second = await endpoint('ministry', { limit: 25, page: 2 })
    const all = await endpoint('ministry', { limit: 50 })
    expect(first.totalDocs).toBe((await payload.count({ collection: 'staff' })).totalDocs)
    expect(first.totalPages).toBe(Math.ceil(first.totalDocs / 25))
    expect([...first.docs, ...second.docs].map((d) => d.id)).toEqual(all.docs.map((d) => d.id))
    expect(first).toMatchObject({ page: 1, hasNextPage: true, nextPage: 2 })
    expect(Object.keys(first.docs[0]!).sort()).toEqual(['id', ...SEARCH_RESULT_FIELDS].sort())
    const byCode = await endpoint('ministry', { sort: '-staffCode', limit: 10 })
    const codes = byCode.docs.map((d) => d.staffCode)
    expect(codes).toEqual([...codes].sort().reverse())
  })

  test('bad parameters: a clear message in Vietnamese and English, nothing read; party membership only for ministry HR; sign-in required', async () => {
    for (const [query, fragment] of [
      ['unitId=3', 'Tham số không được hỗ trợ: "unitId"'],
      ['limit=1000', 'Giá trị "1000" của tham số "limit" không hợp lệ'],
      ['gender=nam', 'dùng male hoặc female'],
      ['ageBand=old', 'không hợp lệ'],
      ['page=0', 'cần số trang từ 1 trở lên'],
      ['unit=3&unit=4', 'được truyền nhiều lần'],
    ]) {
      const res = await get('ministry', `/api/staff/list?${query}`)
      expect({ query, status: res.status }).toEqual({ query, status: 400 })
      const body = (await res.json()) as { errors: Array<{ message: string }> }
      expect(body.errors[0]!.message).toContain(fragment)
      expect(body.errors[0]!.message).toMatch(/ \/ (Unsupported|Invalid|Parameter)/)
    }
    const party = await get('unitHr', '/api/staff/list?partyMember=true')
    expect(party.status).toBe(403)
    expect(((await party.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toContain('đảng viên')
    expect((await fetch(`${server.url}/api/staff/list`)).status).toBe(401)
  })

  test('a list page is a read of the records it shows: one audit event listing them', async () => {
    const requestId = `unit-list-${Date.now()}`
    const res = await fetch(`${server.url}/api/staff/list?limit=7`, { headers: { Authorization: `JWT ${tokens.ministry}`, 'X-Request-Id': requestId } })
    const page = (await res.json()) as Page
    expect(page.docs).toHaveLength(7)
    await drainAuditOutbox(poolOf(payload))
    const events = await payload.find({ collection: 'audit-events', where: { requestId: { equals: requestId } }, depth: 0 })
    expect(events.docs).toHaveLength(1)
    expect(events.docs[0]).toMatchObject({ operation: 'read', targetCollection: 'staff', recordIds: `.${page.docs.map((d) => d.id).join('.')}.` })
  })
})
