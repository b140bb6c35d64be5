/**
 * Identifiers encrypted at rest, over HTTP on the production server: the CCCD, BHXH and tax-code numbers
 * never reach a table in plaintext (checked in PostgreSQL directly, whole rows), while HR reads them, the
 * CCCD stays unique and findable by exact value, unit heads still see none of them, a person's declared new
 * CCCD waits sealed in the change request, and the print shows it. A server given another key refuses to start.
 */
import crypto from 'node:crypto'

import pg from 'pg'
import type { Payload } from 'payload'

import { dataKeyring } from '../../src/crypto/dataKey'
import { INDEXED_FIELD } from '../../src/domain/sealedValue'
import { DEMO_PERSON, seedDemoData } from '../../src/seed/seed'
import { callAs, loginToken } from '../helpers/auth'
import { pdfText } from '../helpers/pdf'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
const SEALED = /^enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]{40,}$/
let payload: Payload
let server: TestServer
let databaseUrl: string
let db: pg.Pool
let unitId: number
let personId: number
const tokens: Record<string, string> = {}

const call = (who: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  callAs(server.url, tokens[who], method, path, body, headers)

/** Rows of a whole table whose text form contains `needle` (every column, JSON included). */
async function rowsContaining(table: string, needle: string): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE '%' || $1 || '%'`, [needle])
  return rows[0].n
}

const record = (overrides: Record<string, unknown> = {}) => ({
  staffCode: 'ENC-1',
  fullName: 'Phạm Thị Thu',
  gender: 'female',
  birthDate: '1985-03-15T00:00:00.000Z',
  employmentType: 'civil-servant',
  unit: unitId,
  nationalId: '051185123456',
  socialInsuranceNumber: '7912345678',
  taxCode: '8012345678',
  ...overrides,
})

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  const started = await startTestPayload()
  payload = started.payload
  databaseUrl = started.databaseUrl
  await seedDemoData(payload, { staff: 20 })
  db = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  const units = (await payload.find({ collection: 'units', limit: 0, depth: 0 })).docs
  unitId = units.find((u) => u.code === 'VCCVC.P02')!.id
  await payload.create({ collection: 'accounts', data: { email: 'head@test.local', password: PASSWORD, roles: ['unit-head'], unit: units.find((u) => u.code === 'VCCVC')!.id } })
  personId = (await payload.find({ collection: 'accounts', where: { email: { equals: 'canbo@hoso.local' } }, depth: 0 })).docs[0]!.staff as number
  server = await startTestServer({ DATABASE_URL: databaseUrl })
  for (const [who, email] of Object.entries({ tccb: 'tccb@hoso.local', hr: 'nhansu@hoso.local', canbo: 'canbo@hoso.local', head: 'head@test.local' })) {
    tokens[who] = await loginToken(server.url, email, PASSWORD)
  }
})

afterAll(async () => {
  await server?.stop()
  await db?.end()
  await stopTestPayload(payload)
})

test('seeded identifiers are ciphertext in the table and plaintext through the API', async () => {
  const { rows } = await db.query('SELECT id, national_id, social_insurance_number, tax_code, national_id_index FROM staff')
  expect(rows.length).toBe(20)
  for (const r of rows) {
    expect(r.national_id).toMatch(SEALED)
    expect(r.national_id_index).toMatch(/^[A-Za-z0-9_-]{43}$/)
    for (const v of [r.social_insurance_number, r.tax_code]) if (v != null) expect(v).toMatch(SEALED)
  }
  const person = await payload.findByID({ collection: 'staff', id: personId, depth: 0 })
  expect(person.fullName).toBe(DEMO_PERSON.fullName)
  expect(person.nationalId).toMatch(/^\d{12}$/)
  expect(person.socialInsuranceNumber).toMatch(/^\d{10}$/)
  expect(await rowsContaining('staff', person.nationalId!)).toBe(0)
  expect(await rowsContaining('staff', person.socialInsuranceNumber!)).toBe(0)
})

describe('a record created over REST', () => {
  let id: number

  test('is stored without a digit of its identifiers and read back in plaintext by HR', async () => {
    const created = await call('tccb', 'POST', '/api/staff', record({ nationalId: '051 185 123456' }))
    expect(created.status).toBe(201)
    id = created.body.doc.id
    expect(created.body.doc).toMatchObject({ nationalId: '051185123456', socialInsuranceNumber: '7912345678', taxCode: '8012345678' })

    const { rows } = await db.query('SELECT national_id, social_insurance_number, tax_code, national_id_index FROM staff WHERE id = $1', [id])
    expect(rows[0].national_id).toMatch(SEALED)
    expect(rows[0].social_insurance_number).toMatch(SEALED)
    expect(rows[0].tax_code).toMatch(SEALED)
    for (const needle of ['051185123456', '7912345678', '8012345678']) {
      for (const table of ['staff', 'audit_events', 'change_requests']) expect(await rowsContaining(table, needle)).toBe(0)
    }

    for (const who of ['tccb', 'hr']) {
      const read = await call(who, 'GET', `/api/staff/${id}`)
      expect(read.status).toBe(200)
      expect(read.body).toMatchObject({ nationalId: '051185123456', socialInsuranceNumber: '7912345678', taxCode: '8012345678' })
      // The blind index is the database's: never handed out.
      expect(read.body.nationalIdIndex ?? null).toBeNull()
      expect(read.raw).not.toContain(rows[0].national_id_index)
      expect(read.raw).not.toContain('enc:v1:')
    }
  })

  test('a unit head reads the record but none of its identifiers, and cannot filter on them', async () => {
    const read = await call('head', 'GET', `/api/staff/${id}`)
    expect(read.status).toBe(200)
    expect(read.body.fullName).toBe('Phạm Thị Thu')
    for (const f of ['nationalId', 'socialInsuranceNumber', 'taxCode', 'nationalIdIndex']) expect(read.body).not.toHaveProperty(f)
    expect(read.raw).not.toContain('051185123456')
    const { rows } = await db.query('SELECT national_id_index FROM staff WHERE id = $1', [id])
    for (const q of [`where[nationalId][equals]=051185123456`, `where[nationalIdIndex][equals]=${rows[0].national_id_index}`]) {
      const res = await call('head', 'GET', `/api/staff?${q}`)
      expect(res.status === 200 ? res.body.docs : []).toEqual([])
      expect(res.raw).not.toContain('Phạm Thị Thu')
    }
  })

  test('HR finds it by exact CCCD (spaces allowed); substrings are not searchable', async () => {
    const ids = async (q: string) => (await call('tccb', 'GET', `/api/staff?${q}&depth=0`)).body.docs.map((d: { id: number }) => d.id)
    expect(await ids('where[nationalId][equals]=051185123456')).toEqual([id])
    expect(await ids(`where[nationalId][equals]=${encodeURIComponent('051 185 123456')}`)).toEqual([id])
    expect(await ids('where[nationalId][in]=000000000000,051185123456')).toEqual([id])
    expect(await ids('where[or][0][nationalId][equals]=051185123456&where[or][1][staffCode][equals]=nobody')).toEqual([id])
    expect(await ids('where[nationalId][equals]=051185123457')).toEqual([])
    expect(await ids('where[nationalId][like]=051185')).toEqual([])
    const local = await payload.find({ collection: 'staff', where: { nationalId: { equals: '051185123456' } }, depth: 0 })
    expect(local.docs.map((d) => d.id)).toEqual([id])
  })

  test('two saves of the same CCCD at once: the unique index refuses the second, and the answer names the CCCD like the check does', async () => {
    // The check before a save cannot see a row another transaction has not committed: hold one open that gives
    // an existing record the new CCCD's blind index, let the REST save pass its check and wait on the unique
    // index, then commit.
    const other = await payload.create({ collection: 'staff', data: record({ staffCode: 'ENC-RACE', nationalId: '051185000222', socialInsuranceNumber: null, taxCode: null }) as never })
    const index = (plain: string) => dataKeyring().blindIndex(plain, INDEXED_FIELD)
    const holder = await db.connect()
    try {
      await holder.query('BEGIN')
      await holder.query('UPDATE staff SET national_id_index = $1 WHERE id = $2', [index('051185000333'), other.id])
      const save = call('tccb', 'POST', '/api/staff', record({ staffCode: 'ENC-RACE-2', nationalId: '051185000333', socialInsuranceNumber: null, taxCode: null }))
      const waiting = async () =>
        (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n
      for (let i = 0; i < 200 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 50))
      expect(await waiting()).toBeGreaterThan(0) // the save got past its check and waits on the index
      await holder.query('COMMIT')
      const refused = await save
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'nationalId', message: 'Không lưu được: số CCCD cần cán bộ tổ chức của Bộ xem xét; yêu cầu đã được chuyển.' })])
      expect(refused.body.errors[0].message).toContain('số CCCD cần cán bộ tổ chức của Bộ xem xét')
      expect((await payload.count({ collection: 'staff', where: { staffCode: { equals: 'ENC-RACE-2' } } })).totalDocs).toBe(0)
    } finally {
      await holder.query('ROLLBACK').catch(() => {})
      holder.release()
      await db.query('UPDATE staff SET national_id_index = $1 WHERE id = $2', [index('051185000222'), other.id])
    }
    // A duplicate staff number (no check before the save: the index answers) is named the same way, in either language.
    const code = await call('tccb', 'POST', '/api/staff', record({ staffCode: 'ENC-RACE', nationalId: null, socialInsuranceNumber: null, taxCode: null }))
    expect(code.status).toBe(400)
    expect(code.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'staffCode', message: 'Số hiệu cán bộ đã tồn tại trong một hồ sơ khác.' })])
    const en = await call('tccb', 'POST', '/api/staff', record({ staffCode: 'ENC-RACE', nationalId: null, socialInsuranceNumber: null, taxCode: null }), { 'Accept-Language': 'en' })
    expect(en.body.errors[0].data.errors[0].message).toBe('This staff number already exists in another record.')
    await payload.delete({ collection: 'staff', id: other.id })
  })

  test('a second record with the same CCCD is refused by name, in Vietnamese or English, and nothing is stored', async () => {
    const other = await payload.create({ collection: 'staff', data: record({ staffCode: 'ENC-3', nationalId: '051185000111', socialInsuranceNumber: null, taxCode: null }) as never })
    const before = (await payload.count({ collection: 'staff' })).totalDocs
    const dup = await call('tccb', 'POST', '/api/staff', record({ staffCode: 'ENC-2', nationalId: '051185 123456' }))
    expect(dup.status).toBe(400)
    const errors = dup.body.errors[0].data.errors as Array<{ path: string; message: string }>
    expect(errors).toEqual([expect.objectContaining({ path: 'nationalId', message: 'Không lưu được: số CCCD cần cán bộ tổ chức của Bộ xem xét; yêu cầu đã được chuyển.' })])
    const en = await call('tccb', 'POST', '/api/staff', record({ staffCode: 'ENC-2' }), { 'Accept-Language': 'en' })
    expect(en.body.errors[0].data.errors[0].message).toMatch(/needs review by ministry HR/)
    // Changing another record to it is refused the same way.
    const moved = await call('tccb', 'PATCH', `/api/staff/${other.id}`, { nationalId: '051185123456' })
    expect(moved.status).toBe(400)
    expect(moved.body.errors[0].data.errors[0].message).toContain('cần cán bộ tổ chức của Bộ xem xét')
    expect((await payload.findByID({ collection: 'staff', id: other.id, depth: 0 })).nationalId).toBe('051185000111')
    expect((await payload.count({ collection: 'staff' })).totalDocs).toBe(before)
    // The database itself refuses a duplicate blind index.
    const { rows } = await db.query('SELECT national_id_index FROM staff WHERE id = $1', [id])
    await expect(db.query('UPDATE staff SET national_id_index = $1 WHERE id = $2', [rows[0].national_id_index, other.id])).rejects.toThrow(/staff_national_id_index_idx/)
  })

  test('an update of other fields keeps the identifiers; a new CCCD moves the index', async () => {
    const before = (await db.query('SELECT national_id, national_id_index FROM staff WHERE id = $1', [id])).rows[0]
    expect((await call('tccb', 'PATCH', `/api/staff/${id}`, { phone: '0912 345 678' })).status).toBe(200)
    const kept = await call('hr', 'GET', `/api/staff/${id}`)
    expect(kept.body).toMatchObject({ phone: '0912 345 678', nationalId: '051185123456', taxCode: '8012345678' })
    expect((await db.query('SELECT national_id_index FROM staff WHERE id = $1', [id])).rows[0].national_id_index).toBe(before.national_id_index)

    expect((await call('tccb', 'PATCH', `/api/staff/${id}`, { nationalId: '051185654321' })).status).toBe(200)
    const after = (await db.query('SELECT national_id, national_id_index FROM staff WHERE id = $1', [id])).rows[0]
    expect(after.national_id).toMatch(SEALED)
    expect(after.national_id_index).not.toBe(before.national_id_index)
    const find = async (v: string) => (await call('tccb', 'GET', `/api/staff?where[nationalId][equals]=${v}`)).body.docs.length
    expect(await find('051185654321')).toBe(1)
    expect(await find('051185123456')).toBe(0)
    // Clearing it clears the index too.
    expect((await call('tccb', 'PATCH', `/api/staff/${id}`, { nationalId: '' })).status).toBe(200)
    expect((await db.query('SELECT national_id, national_id_index FROM staff WHERE id = $1', [id])).rows[0]).toEqual({ national_id: null, national_id_index: null })
  })
})

test('a declared new CCCD waits sealed in the change request, is reviewed in plaintext and applied on approval; the print shows it', async () => {
  const official = await payload.findByID({ collection: 'staff', id: personId, depth: 0 })
  const oldId = official.nationalId!
  // Same province, gender/century digit and birth year: only the random part differs.
  const newId = `${oldId.slice(0, 6)}${String((Number(oldId.slice(6)) + 1) % 1_000_000).padStart(6, '0')}`
  const start = await call('canbo', 'GET', '/api/change-requests/mine')
  expect(start.body.official.nationalId).toBe(oldId)
  const saved = await call('canbo', 'PUT', '/api/change-requests/mine', { stamp: start.body.stamp, fields: { nationalId: newId } })
  expect(saved.status).toBe(200)

  const { rows } = await db.query('SELECT id, proposal, base FROM change_requests WHERE staff_id = $1', [personId])
  expect(rows).toHaveLength(1)
  expect(rows[0].proposal.fields.nationalId).toMatch(SEALED)
  expect(rows[0].base.fields.nationalId).toMatch(SEALED)
  for (const needle of [newId, oldId]) expect(await rowsContaining('change_requests', needle)).toBe(0)

  const mine = await call('canbo', 'GET', '/api/change-requests/mine')
  expect(mine.body.request.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'nationalId', before: oldId, after: newId })]))
  const submitted = await call('canbo', 'POST', '/api/change-requests/mine/submit', { revision: mine.body.request.revision })
  expect(submitted.status).toBe(200)
  const review = await call('hr', 'GET', `/api/change-requests/${rows[0].id}/review`)
  expect(review.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'nationalId', before: oldId, after: newId })]))
  const approved = await call('hr', 'POST', `/api/change-requests/${rows[0].id}/approve`, { revision: review.body.revision })
  expect(approved.status).toBe(200)

  expect((await payload.findByID({ collection: 'staff', id: personId, depth: 0 })).nationalId).toBe(newId)
  expect((await call('tccb', 'GET', `/api/staff?where[nationalId][equals]=${newId}`)).body.docs.map((d: { id: number }) => d.id)).toEqual([personId])
  for (const table of ['staff', 'change_requests', 'audit_events']) expect(await rowsContaining(table, newId)).toBe(0)

  const pdf = await fetch(`${server.url}/api/staff/${personId}/2c.pdf`, { headers: { Authorization: `JWT ${tokens.hr}` } })
  expect(pdf.status).toBe(200)
  expect(pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain(newId)
  const headPdf = await fetch(`${server.url}/api/staff/${personId}/2c.pdf`, { headers: { Authorization: `JWT ${tokens.head}` } })
  expect(headPdf.status).toBe(200)
  expect(pdfText(new Uint8Array(await headPdf.arrayBuffer()))).not.toContain(newId)
})

test('a server given another data key, or none in production, refuses to start and says why', async () => {
  await expect(startTestServer({ DATABASE_URL: databaseUrl, HOSO_DATA_KEY: crypto.randomBytes(32).toString('hex') })).rejects.toThrow(
    /The data key cannot open the stored data/,
  )
  await expect(startTestServer({ DATABASE_URL: databaseUrl, HOSO_DATA_KEY: undefined, HOSO_DATA_KEY_FILE: undefined })).rejects.toThrow(
    /HOSO_DATA_KEY or HOSO_DATA_KEY_FILE is not set/,
  )
})

test("the migration seals an existing database's plaintext identifiers, in records and change requests; down opens them again", async () => {
  const migration = await import('../../migrations/20261126_030053_encrypted_identifiers')
  const args = { db: (payload.db as unknown as { drizzle: unknown }).drizzle, payload, req: {} } as never
  const person = await payload.findByID({ collection: 'staff', id: personId, depth: 0 })

  // down: the database as it was before encryption — plaintext columns, the unique index on the CCCD itself.
  await migration.down(args)
  const plain = (await db.query('SELECT id, national_id, social_insurance_number FROM staff WHERE id = $1', [personId])).rows[0]
  expect(plain).toEqual({ id: personId, national_id: person.nationalId, social_insurance_number: person.socialInsuranceNumber })
  expect(await rowsContaining('change_requests', person.nationalId!)).toBe(1)
  const columns = (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'staff' AND column_name LIKE 'national_id%'`)).rows
  expect(columns.map((c) => c.column_name).sort()).toEqual(['national_id', 'national_id_issue_date', 'national_id_issue_place'])

  // up: every value sealed, the index filled, and everything reads and filters as before.
  await migration.up(args)
  expect(await rowsContaining('staff', person.nationalId!)).toBe(0)
  expect(await rowsContaining('change_requests', person.nationalId!)).toBe(0)
  const { rows } = await db.query('SELECT count(*)::int AS n, count(national_id_index)::int AS indexed FROM staff WHERE national_id IS NOT NULL')
  expect(rows[0].indexed).toBe(rows[0].n)
  expect((await payload.findByID({ collection: 'staff', id: personId, depth: 0 })).nationalId).toBe(person.nationalId)
  expect((await call('tccb', 'GET', `/api/staff?where[nationalId][equals]=${person.nationalId}`)).body.docs.map((d: { id: number }) => d.id)).toEqual([personId])
  const request = (await payload.find({ collection: 'change-requests', where: { staff: { equals: personId } }, depth: 0 })).docs[0]!
  expect((request.proposal as { fields: { nationalId: string } }).fields.nationalId).toBe(person.nationalId)
})
