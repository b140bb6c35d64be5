/**
 * Consent records on a real PostgreSQL: a person consents to an item the ministry holds only by consent (explicitly,
 * with the text agreed), withdraws it, and the item leaves their record at once; both audited; others see nothing.
 */
import type { Payload } from 'payload'
import PG from 'pg'

import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { inProcessRest } from '../helpers/rest'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let sql: PG.Pool
let rest: ReturnType<typeof inProcessRest>
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
const as = (who: string) => (method: string, p: string, body?: unknown) => rest.call(method, p, { token: tokens[who], body })

beforeAll(async () => {
  process.env.HOSO_CONSENT_ITEMS = 'phone'
  const started = await startTestPayload()
  payload = started.payload
  sql = new PG.Pool({ connectionString: started.databaseUrl, max: 2 })
  rest = inProcessRest(payload)
  const unit = await payload.create({ collection: 'units', data: { code: 'BNV', name: 'Bộ Nội vụ', type: 'ministry' } })
  for (const [key, code] of [['lan', 'C-1'], ['mai', 'C-2']] as const) {
    ids[key] = (await payload.create({ collection: 'staff', data: { staffCode: code, fullName: `Nguyễn Thị ${key}`, gender: 'female', birthDate: '1990-01-01T00:00:00.000Z', employmentType: 'civil-servant', unit: unit.id, hometown: 'Huế', phone: '0912345678' } as never })).id
  }
  const account = async (key: string, roles: string[], staff?: number) => {
    await payload.create({ collection: 'accounts', data: { email: `${key}@test.local`, password: PASSWORD, roles, staff } as never })
    tokens[key] = await rest.login(`${key}@test.local`, PASSWORD)
  }
  await account('admin', ['sysadmin'])
  await account('lan', ['staff'], ids.lan)
  await account('mai', ['staff'], ids.mai)
  await account('dpo', ['data-protection-officer'])
}, 300_000)

afterAll(async () => {
  delete process.env.HOSO_CONSENT_ITEMS
  await sql?.end()
  await stopTestPayload(payload)
})

test('consent is explicit, for a configured item, kept with its text; withdrawing it removes the item from the record', async () => {
  const TEXT = 'Tôi đồng ý để Bộ lưu số điện thoại di động cá nhân để liên hệ công tác.'
  const notTicked = await as('lan')('POST', '/api/consents/mine', { item: 'phone', text: TEXT })
  expect(notTicked.status).toBe(400)
  expect(JSON.stringify(notTicked.body)).toContain('thể hiện rõ ràng')
  expect((await as('lan')('POST', '/api/consents/mine', { item: 'hometown', text: TEXT, agree: true })).status).toBe(400)
  expect(Number((await sql.query('SELECT count(*) FROM consents')).rows[0].count)).toBe(0)

  const given = await as('lan')('POST', '/api/consents/mine', { item: 'phone', text: TEXT, agree: true })
  expect(given.status).toBe(200)
  expect(given.body).toMatchObject({ staff: ids.lan, item: 'phone', text: TEXT, withdrawnAt: null })
  // Mai neither sees nor withdraws Lan's consent; the officer sees it (the proof).
  expect((await as('mai')('GET', '/api/consents')).body.docs).toEqual([])
  expect((await as('mai')('POST', `/api/consents/${given.body.id}/withdraw`)).status).toBe(404)
  expect((await as('admin')('GET', '/api/consents')).status).toBe(403)
  expect((await as('dpo')('GET', '/api/consents')).body.docs.map((d: { id: number }) => d.id)).toEqual([given.body.id])

  const withdrawn = await as('lan')('POST', `/api/consents/${given.body.id}/withdraw`)
  expect(withdrawn.status).toBe(200)
  expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String))
  const phones = (await sql.query('SELECT id, phone FROM staff ORDER BY id')).rows
  expect(phones).toEqual([{ id: ids.lan, phone: null }, { id: ids.mai, phone: '0912345678' }])
  expect((await as('lan')('POST', `/api/consents/${given.body.id}/withdraw`)).status).toBe(409)
  const events = (await sql.query(`SELECT detail->>'action' AS action FROM audit_events WHERE target_collection = 'consents' ORDER BY seq`)).rows.map((r) => r.action)
  expect(events).toEqual(['consent', 'withdraw'])
  const staffChange = (await sql.query(`SELECT changes FROM audit_events WHERE target_collection = 'staff' AND operation = 'update' AND subjects LIKE $1 ORDER BY seq DESC LIMIT 1`, [`%.${ids.lan}.%`])).rows[0]
  expect(JSON.stringify(staffChange?.changes ?? '')).toContain('phone')
})
