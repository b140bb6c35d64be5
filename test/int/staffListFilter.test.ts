/**
 * The staff list filter over REST, as the admin sends it (the URL's `where`): it runs together with the
 * caller's access scope and never widens it; the filter options follow the same scope.
 */
import * as qs from 'qs-esm'
import type { Payload } from 'payload'

import { ageOn, todayInVietnam } from '../../src/domain/dates'
import { buildListWhere, type StaffListFilter } from '../../src/domain/staffListFilter'
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
  get(who, `/api/staff?${qs.stringify({ where: buildListWhere(filter, todayInVietnam(new Date())), depth: 0, limit: 500 })}`)

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
