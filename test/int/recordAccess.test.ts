/**
 * Holes found from outside in the records' access (issue 18, findings 2, 3, 4, 6 — false nulls —, 8 and 10),
 * replayed over Payload's REST API in-process (test/helpers/rest.ts) as the hostile insider did, each asserting the
 * exact refusal and that nothing changed.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { dataKeyring } from '../../src/crypto/dataKey'
import type { Role } from '../../src/domain/roles'
import { INDEXED_FIELD } from '../../src/domain/sealedValue'
import { seedDemoData } from '../../src/seed/seed'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { inProcessRest } from '../helpers/rest'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
const DAY = 86_400_000
let payload: Payload
let sql: pg.Pool
let rest: ReturnType<typeof inProcessRest>
let vccvc: { id: number; path: string }
let vtcbc: { id: number; path: string }
/** A record in VCCVC (hrA's unit) and one in the sibling department VTCBC. */
let ownRecord: number
let foreignRecord: number
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}

const as = (who: string) => (method: string, path: string, body?: unknown) => rest.call(method, path, { token: tokens[who], body })
const unitOf = async (staffId: number) => Number((await sql.query('SELECT unit_id FROM staff WHERE id = $1', [staffId])).rows[0].unit_id)

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 40 })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 2 })
  rest = inProcessRest(payload)
  const units = new Map((await sql.query<{ id: number; code: string; path: string }>('SELECT id, code, path FROM units')).rows.map((r) => [r.code, r]))
  vccvc = units.get('VCCVC')!
  vtcbc = units.get('VTCBC')!
  const staff = (await sql.query<{ id: number; unit_path: string }>('SELECT id, unit_path FROM staff ORDER BY id')).rows
  ownRecord = staff.find((s) => s.unit_path.includes(`.${vccvc.id}.`))!.id
  foreignRecord = staff.find((s) => s.unit_path.includes(`.${vtcbc.id}.`))!.id
  const create = async (who: string, email: string, roles: Role[], unit?: number) => {
    const account = await payload.create({ collection: 'accounts', data: { email, password: PASSWORD, roles, unit } })
    ids[who] = account.id
  }
  // hrB (HR of the sibling department VTCBC) holds an approved update grant over VCCVC's subtree.
  await create('hrB', 'hr-b@test.local', ['unit-hr'], vtcbc.id)
  await create('headA', 'head-a@test.local', ['unit-head'], vccvc.id)
  await create('ministry', 'tccb-2@test.local', ['ministry-hr'])
  const grant = await payload.create({
    collection: 'access-grants',
    data: {
      grantee: ids.hrB!,
      action: 'update',
      units: [vccvc.id],
      purpose: 'Rà soát hồ sơ',
      status: 'pending',
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validTo: new Date(Date.now() + DAY).toISOString(),
    },
  })
  const ministry = await payload.findByID({ collection: 'accounts', id: ids.ministry! })
  await payload.update({ collection: 'access-grants', id: grant.id, data: { status: 'approved' }, user: { ...ministry, collection: 'accounts' } as never })
  for (const [who, email] of Object.entries({ hrA: 'nhansu@hoso.local', hrB: 'hr-b@test.local', headA: 'head-a@test.local', ministry: 'tccb-2@test.local' })) {
    tokens[who] = await rest.login(email, PASSWORD)
  }
})

afterAll(async () => {
  await sql?.end()
  await stopTestPayload(payload)
})

describe('finding 3: Payload duplicate copies no hidden field', () => {
  test('POST /api/staff/:id/duplicate by a grant holder is not a route (404) and creates nothing', async () => {
    const before = Number((await sql.query('SELECT count(*) FROM staff')).rows[0].count)
    const r = await as('hrB')('POST', `/api/staff/${ownRecord}/duplicate`, { unit: vtcbc.id, staffCode: 'X-DUP', nationalId: null })
    expect(r.status).toBe(404)
    expect(Number((await sql.query('SELECT count(*) FROM staff')).rows[0].count)).toBe(before)
  })

  test('no collection keeps the duplicate operation (family rows included)', async () => {
    const slugs = payload.config.collections.map((c) => c.slug)
    expect(slugs).toContain('family-members')
    // Payload's own internal collections (payload-kv, payload-jobs …) are not ours to configure.
    const ours = payload.config.collections.filter((c) => !c.slug.startsWith('payload-'))
    expect(ours.length).toBeGreaterThan(10)
    for (const c of ours) expect([c.slug, c.disableDuplicate]).toEqual([c.slug, true])
    const family = (await sql.query('SELECT id FROM family_members LIMIT 1')).rows[0]
    expect(family).toBeDefined()
    expect((await as('ministry')('POST', `/api/family-members/${family.id}/duplicate`, {})).status).toBe(404)
  })
})

describe('finding 4: moving a record between units is a transfer', () => {
  test('an update grant does not let its holder pull a record into their own unit (400, named, unit unchanged)', async () => {
    const before = await unitOf(ownRecord)
    const r = await as('hrB')('PATCH', `/api/staff/${ownRecord}`, { unit: vtcbc.id })
    expect(r.status).toBe(400)
    expect(r.raw).toContain('Hồ sơ không thuộc đơn vị bạn quản lý theo chức trách')
    expect(await unitOf(ownRecord)).toBe(before)
  })

  test('the same through a bulk PATCH /api/staff?where=… (refused, unit unchanged)', async () => {
    const before = await unitOf(ownRecord)
    const r = await as('hrB')('PATCH', `/api/staff?where[id][equals]=${ownRecord}`, { unit: vtcbc.id })
    expect(r.body.docs ?? []).toEqual([])
    expect(r.body.errors?.length).toBeGreaterThan(0)
    expect(await unitOf(ownRecord)).toBe(before)
  })

  test('unit HR may not push a record out of their subtree; ministry HR may, and the transfer is an audit event', async () => {
    const from = await unitOf(ownRecord)
    const out = await as('hrA')('PATCH', `/api/staff/${ownRecord}`, { unit: vtcbc.id })
    expect(out.status).toBe(400)
    expect(out.raw).toContain('Đơn vị công tác mới nằm ngoài phạm vi quản lý của bạn')
    const moved = await as('ministry')('PATCH', `/api/staff/${ownRecord}`, { unit: vtcbc.id })
    expect(moved.status).toBe(200)
    expect(await unitOf(ownRecord)).toBe(vtcbc.id)
    const events = (await sql.query(`SELECT detail FROM audit_events WHERE target_collection = 'staff' AND detail ? 'transfer' AND record_ids LIKE $1`, [`%.${ownRecord}.%`])).rows
    // Back where it was (ministry HR again) before checking, so that a failure leaves the other tests intact.
    expect((await as('ministry')('PATCH', `/api/staff/${ownRecord}`, { unit: from })).status).toBe(200)
    expect(events).toHaveLength(1)
    expect(events[0].detail.transfer).toEqual({ fromUnit: from, toUnit: vtcbc.id, by: 'ministry-hr' })
  })
})

describe('finding 6: a grant holder\'s save logs no false nulls', () => {
  test('hidden sensitive fields are not logged as changed, and the database keeps them', async () => {
    const { rows } = await sql.query('SELECT religion_id, ethnicity_id FROM staff WHERE id = $1', [ownRecord])
    const r = await as('hrB')('PATCH', `/api/staff/${ownRecord}`, { position: 'Chuyên viên chính' })
    expect(r.status).toBe(200)
    expect(r.body.doc.religion).toBeUndefined()
    const event = (
      await sql.query(`SELECT changes FROM audit_events WHERE target_collection = 'staff' AND operation = 'update' AND record_ids LIKE $1 ORDER BY seq DESC LIMIT 1`, [`%.${ownRecord}.%`])
    ).rows[0]
    const fields = (event.changes as Array<{ field: string }>).map((c) => c.field)
    expect(fields).toContain('position')
    for (const hidden of ['religion', 'ethnicity', 'nationalId', 'healthStatus']) expect(fields).not.toContain(hidden)
    expect((await sql.query('SELECT religion_id, ethnicity_id FROM staff WHERE id = $1', [ownRecord])).rows).toEqual(rows)
  })
})

describe('finding 2: a signed export is downloaded only by those who may read every item in it', () => {
  let exportId: number
  beforeAll(async () => {
    // An export waiting for the person's signature: those who may download it get 409 (not signed yet), the others 404.
    const { rows } = await sql.query(
      `INSERT INTO signed_exports (code, staff_id, form, batch, status, requested_by_id) VALUES ('TESTDL000001', $1, '2c', 'test', 'awaiting-person', $2) RETURNING id`,
      [ownRecord, ids.ministry],
    )
    exportId = Number(rows[0].id)
  })

  test.each([['headA'], ['hrB']])('%s (reads the record, not its sensitive items) gets 404', async (who) => {
    // They do read the record itself…
    expect((await as(who)('GET', `/api/staff/${ownRecord}?depth=0`)).status).toBe(200)
    const r = await as(who)('GET', `/api/signed-exports/${exportId}/file.pdf`)
    expect(r.status).toBe(404)
    expect(r.raw).toContain('Không tìm thấy văn bản')
  })

  test.each([['hrA'], ['ministry']])('%s (sensitive rights over the record) gets past the check (409: not signed yet here)', async (who) => {
    const r = await as(who)('GET', `/api/signed-exports/${exportId}/file.pdf`)
    expect(r.status).toBe(409)
    expect(r.raw).toContain('Văn bản chưa ký xong')
  })
})

describe('finding 8: the CCCD check confirms nothing about other records', () => {
  test('a CCCD held in another department: one answer naming nothing, the record unchanged, the attempt recorded for ministry HR', async () => {
    // A CCCD that fits `mine` (gender, birth year) and that a record of the other department holds (its blind index).
    const mine = await payload.findByID({ collection: 'staff', id: ownRecord, depth: 0, overrideAccess: true })
    const foreign = await payload.findByID({ collection: 'staff', id: foreignRecord, depth: 0, overrideAccess: true })
    const born = new Date(String(mine.birthDate)).getUTCFullYear()
    const number = `001${Math.floor((born - 1900) / 100) * 2 + (mine.gender === 'female' ? 1 : 0)}${String(born % 100).padStart(2, '0')}987654`
    expect(number).toMatch(/^\d{12}$/)
    await sql.query('UPDATE staff SET national_id_index = $1 WHERE id = $2', [dataKeyring().blindIndex(number, INDEXED_FIELD), foreign.id])
    const before = (await sql.query('SELECT national_id_index FROM staff WHERE id = $1', [mine.id])).rows[0]
    const r = await as('hrA')('PATCH', `/api/staff/${mine.id}`, { nationalId: number })
    expect(r.status).toBe(400)
    expect(r.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'nationalId', message: 'Không lưu được: số CCCD cần cán bộ tổ chức của Bộ xem xét; yêu cầu đã được chuyển.' }),
    ])
    expect(r.raw).not.toMatch(new RegExp(`\\b${foreign.id}\\b`))
    expect(r.raw).not.toContain(String(foreign.fullName))
    expect(r.raw).not.toMatch(/tồn tại|exists/)
    expect((await sql.query('SELECT national_id_index FROM staff WHERE id = $1', [mine.id])).rows[0]).toEqual(before)
    const recorded = (
      await sql.query(`SELECT detail, actor_id FROM audit_events WHERE detail->>'refused' = 'national-id-conflict' AND subjects LIKE $1`, [`%.${foreign.id}.%`])
    ).rows
    expect(recorded).toHaveLength(1)
    expect(recorded[0].detail).toEqual({ refused: 'national-id-conflict', record: mine.id, otherRecord: foreign.id, reviewBy: 'ministry-hr' })
    expect(Number(recorded[0].actor_id)).toBeGreaterThan(0)
    expect(JSON.stringify(recorded[0])).not.toContain(number)
  })
})

describe('finding 10: malformed inputs answer 4xx, never 5xx', () => {
  test.each([
    ['a negative page', 'GET', '/api/staff?page=-1', 400],
    ['a fractional page', 'GET', '/api/staff?page=1.5', 400],
    ['an id beyond 2^31', 'GET', '/api/staff/2147483648', 404],
    ['an id far beyond 2^31', 'PATCH', '/api/staff/99999999999', 404],
    ['near on a text field', 'GET', '/api/staff?where[fullName][near]=1,2', 400],
    ['within on a text field', 'GET', '/api/staff?where[fullName][within]=1', 400],
    ['%00 in a filter', 'GET', '/api/staff?where[fullName][equals]=a%00b', 400],
  ])('%s: %s %s → %d', async (_what, method, path, status) => {
    const r = await as('ministry')(method, path, method === 'PATCH' ? { position: 'x' } : undefined)
    expect(r.status).toBe(status)
  })

  test.each([
    ['a null JSON body', 'null'],
    ['a JSON array body', '[1]'],
    ['a NUL inside a string', JSON.stringify({ position: 'Chuyên\u0000viên' })],
    ['a body that is not JSON', '{"position": '],
  ])('%s in a PATCH answers 400 and changes nothing', async (_what, body) => {
    const target = (await payload.find({ collection: 'staff', limit: 1, depth: 0 })).docs[0]!
    const r = await as('ministry')('PATCH', `/api/staff/${target.id}`, body)
    expect(r.status).toBe(400)
    expect((await payload.findByID({ collection: 'staff', id: target.id, depth: 0 })).position).toBe(target.position)
  })
})
