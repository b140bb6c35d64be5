/**
 * The national sync outbox on a real PostgreSQL: every official change writes its entry in the change's own
 * transaction (a rolled-back change leaves none), one entry per business step and record, with the record after the
 * change sealed, its SHA-256, the groups changed and the person's số định danh sealed; a new CCCD links old and new.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import PG from 'pg'

import { dataKeyring } from '../../src/crypto/dataKey'
import { actOnOwn, decide, saveOwn } from '../../src/changeRequests/workflow'
import { inTransaction } from '../../src/db/transaction'
import { canonicalSha256, type CanonicalRecord } from '../../src/domain/record'
import { SEALED_PERSON_KEY, SEALED_RECORD } from '../../src/nationalSync/outbox'
import { loadCanonicalRecord } from '../../src/records/canonicalRecords'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { inProcessRest } from '../helpers/rest'
import { allowed, relationOf, type UnitParents } from '../access/oracle'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let sql: PG.Pool
const ids: Record<string, number> = {}
const accounts: Record<string, Record<string, unknown> & { id: number }> = {}

type Entry = { id: number; staff_id: number; kind: string; person_key: string | null; previous_person_key: string | null; groups: string[]; sources: string[]; record: string | null; record_sha256: string; status: string; completed_at: Date }
const entries = async (staffId: number): Promise<Entry[]> =>
  (await sql.query(`SELECT * FROM national_sync_outbox WHERE staff_id = $1 ORDER BY id`, [staffId])).rows
const open = (e: Entry) => ({
  key: e.person_key ? dataKeyring().open(e.person_key, SEALED_PERSON_KEY) : null,
  previous: e.previous_person_key ? dataKeyring().open(e.previous_person_key, SEALED_PERSON_KEY) : null,
  record: e.record ? (JSON.parse(dataKeyring().open(e.record, SEALED_RECORD)) as CanonicalRecord) : null,
})
const reqAs = (who: string): Promise<PayloadRequest> => createLocalReq({ user: { ...accounts[who]!, collection: 'accounts' } as never }, payload)

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  sql = new PG.Pool({ connectionString: started.databaseUrl, max: 3 })
  const ministry = await payload.create({ collection: 'units', data: { code: 'BNV', name: 'Bộ Nội vụ', type: 'ministry' } })
  const vuA = await payload.create({ collection: 'units', data: { code: 'VA', name: 'Vụ A', type: 'department', parent: ministry.id } })
  ids.vuA = vuA.id
  ids.mother = (await payload.create({ collection: 'codes', data: { list: 'relation', code: 'ME', name: 'Mẹ' } })).id
  ids.bangKhen = (await payload.create({ collection: 'codes', data: { list: 'award-form', code: 'BK', name: 'Bằng khen' } })).id
  const person = async (staffCode: string, fullName: string, nationalId: string) =>
    (
      await payload.create({
        collection: 'staff',
        data: { staffCode, fullName, gender: 'female', birthDate: '1985-03-15T00:00:00.000Z', employmentType: 'civil-servant', unit: vuA.id, hometown: 'Bình Định', nationalId },
      })
    ).id
  ids.huong = await person('N-1', 'Nguyễn Thị Hường', '001185012345')
  ids.lan = await person('N-2', 'Trần Thị Lan', '001185054321')
  const cast: Array<[key: string, email: string, roles: string[], extra?: Record<string, unknown>]> = [
    ['admin', 'admin@test.local', ['sysadmin']],
    ['canbo', 'canbo@test.local', ['staff'], { staff: ids.huong }],
    ['hr', 'hr@test.local', ['staff', 'unit-hr'], { staff: ids.lan, unit: vuA.id }],
    ['tccb', 'tccb@test.local', ['ministry-hr']],
    ['auditor', 'kiemtra@test.local', ['auditor']],
  ]
  for (const [key, email, roles, extra] of cast) {
    accounts[key] = (await payload.create({ collection: 'accounts', data: { email, password: PASSWORD, roles, ...extra } as never })) as never
  }
})

afterAll(async () => {
  await sql?.end()
  await stopTestPayload(payload)
})

test('a new record writes one entry: every group, the record as saved (sealed) and its SHA-256, the CCCD sealed', async () => {
  const [entry, ...more] = await entries(ids.huong)
  expect(more).toHaveLength(0)
  expect(entry).toMatchObject({ kind: 'upsert', status: 'pending', sources: ['edit'] })
  expect(entry!.groups).toEqual(expect.arrayContaining(['identity', 'identifiers', 'employment', 'salary']))
  // Sealed at rest: neither the CCCD nor the name appears in the stored row.
  expect(JSON.stringify(entry)).not.toContain('001185012345')
  expect(JSON.stringify(entry)).not.toContain('Hường')
  const opened = open(entry!)
  expect(opened.key).toBe('001185012345')
  const now = await loadCanonicalRecord({ system: true, payload }, ids.huong)
  expect(opened.record).toEqual(now)
  expect(entry!.record_sha256).toBe(canonicalSha256(now))
})

test('an HR edit of the record and of a history row: one entry each, naming the group changed', async () => {
  const before = (await entries(ids.lan)).length
  await payload.update({ collection: 'staff', id: ids.lan, data: { hometown: 'Huế' }, overrideAccess: true })
  await payload.create({ collection: 'awards', data: { staff: ids.lan, year: 2024, form: ids.bangKhen, decisionNumber: '12/QĐ' } as never, overrideAccess: true })
  const after = (await entries(ids.lan)).slice(before)
  expect(after.map((e) => e.groups)).toEqual([['identity'], ['histories.awards']])
  expect(open(after[1]!).record!.histories).toMatchObject({ awards: [expect.objectContaining({ form: { list: 'award-form', code: 'BK' } })] })
  // A save that changes nothing the record holds writes nothing.
  await payload.update({ collection: 'staff', id: ids.lan, data: { hometown: 'Huế' }, overrideAccess: true })
  expect(await entries(ids.lan)).toHaveLength(before + 2)
})

test('a rolled-back change leaves no entry', async () => {
  const before = await entries(ids.lan)
  const req = await createLocalReq({}, payload)
  await expect(
    inTransaction(req, async () => {
      await payload.update({ collection: 'staff', id: ids.lan, data: { hometown: 'Đà Nẵng' }, overrideAccess: true, req })
      await payload.create({ collection: 'awards', data: { staff: ids.lan, year: 2025, form: ids.bangKhen } as never, overrideAccess: true, req })
      throw new Error('the step fails after its writes')
    }),
  ).rejects.toThrow('the step fails')
  expect(await entries(ids.lan)).toEqual(before)
  expect((await payload.findByID({ collection: 'staff', id: ids.lan, overrideAccess: true })).hometown).toBe('Huế')
})

test('an approved declaration is one entry for the whole step (record and rows), sourced as a declaration', async () => {
  const canbo = await reqAs('canbo')
  const official = await payload.findByID({ collection: 'staff', id: ids.huong, overrideAccess: true, depth: 0 })
  const { loadOfficial } = await import('../../src/changeRequests/workflow')
  const stamp = (await loadOfficial(canbo, ids.huong)).stamp
  await saveOwn(canbo, { stamp, fields: { hometown: 'Quảng Ngãi' }, rows: { 'family-members': [{ side: 'self', relation: ids.mother, fullName: 'Phạm Thị Hoa', birthYear: 1958 } as never] } })
  const draft = await import('../../src/changeRequests/workflow').then((m) => m.openRequestOf(canbo, ids.huong))
  await actOnOwn(await reqAs('canbo'), 'submit', draft!.revision)
  const submitted = await import('../../src/changeRequests/workflow').then((m) => m.openRequestOf(canbo, ids.huong))
  const before = (await entries(ids.huong)).length
  expect(official.hometown).toBe('Bình Định')
  await decide(await reqAs('hr'), submitted!.id, 'approve', submitted!.revision)
  const after = (await entries(ids.huong)).slice(before)
  expect(after).toHaveLength(1)
  expect(after[0]!.sources).toEqual(['declaration'])
  expect(after[0]!.groups).toEqual(['identity', 'histories.familyMembers'])
  const record = open(after[0]!).record!
  expect(record.identity).toMatchObject({ hometown: 'Quảng Ngãi' })
  expect((record.histories as Record<string, unknown[]>).familyMembers).toHaveLength(1)
})

test('a new CCCD number sends an entry linking the old key to the new one', async () => {
  await payload.update({ collection: 'staff', id: ids.huong, data: { nationalId: '001185099999' }, overrideAccess: true })
  const last = (await entries(ids.huong)).at(-1)!
  expect(last.groups).toEqual(['identifiers'])
  expect(open(last)).toMatchObject({ key: '001185099999', previous: '001185012345' })
})

test('deleting a record writes a deletion entry with its key', async () => {
  const id = (
    await payload.create({
      collection: 'staff',
      data: { staffCode: 'N-9', fullName: 'Lê Văn Xoá', gender: 'male', birthDate: '1980-01-01T00:00:00.000Z', employmentType: 'civil-servant', unit: ids.vuA, nationalId: '001080011111' },
    })
  ).id
  await payload.delete({ collection: 'staff', id, overrideAccess: true })
  const last = (await entries(id)).at(-1)!
  expect(last.kind).toBe('delete')
  expect(open(last)).toMatchObject({ key: '001080011111', record: null })
})

test('a decision applied is one entry for the step: the record and its new work row, sourced as a decision', async () => {
  const phong = await payload.create({ collection: 'units', data: { code: 'VA-P1', name: 'Phòng 1 thuộc Vụ A', type: 'division', parent: ids.vuA } })
  const before = (await entries(ids.huong)).length
  const d = await payload.create({
    collection: 'decisions',
    data: {
      kind: 'reassignment',
      number: '88/QĐ-VA',
      staff: ids.huong,
      signer: 'Nguyễn Văn Ký',
      issuingBody: 'Bộ Nội vụ',
      signedDate: '2026-10-20T00:00:00.000Z',
      effectiveDate: '2026-11-01T00:00:00.000Z',
      changes: { unit: phong.id, position: 'Chuyên viên chính' },
    } as never,
    depth: 0,
    user: { ...accounts.hr!, collection: 'accounts' } as never,
    overrideAccess: false,
  })
  expect(d.state).toBe('applied')
  const after = (await entries(ids.huong)).slice(before)
  expect(after).toHaveLength(1)
  expect(after[0]!.sources).toEqual(['decision'])
  expect(after[0]!.groups).toEqual(['employment', 'histories.workHistory'])
  const record = open(after[0]!).record!
  expect(record.employment).toMatchObject({ unit: { code: 'VA-P1' }, position: 'Chuyên viên chính' })
  expect((record.histories as Record<string, unknown[]>).workHistory).toEqual([expect.objectContaining({ decisionNumber: '88/QĐ-VA' })])
})

test('GET /api/national-sync/outbox: ministry HR and administrators, CCCD masked but its last 4 digits; others refused', async () => {
  const rest = inProcessRest(payload)
  const token = (email: string) => rest.login(email, PASSWORD)
  const path = '/api/national-sync/outbox'
  expect((await rest.call('GET', path)).status).toBe(401)
  for (const email of ['canbo@test.local', 'hr@test.local', 'kiemtra@test.local']) {
    const refused = await rest.call('GET', path, { token: await token(email) })
    expect(refused.status).toBe(403)
    expect(refused.raw).not.toContain('2345')
  }
  const tccb = await token('tccb@test.local')
  const all = await rest.call('GET', `${path}?status=pending`, { token: tccb })
  expect(all.status).toBe(200)
  expect(all.body.counts).toMatchObject({ pending: all.body.totalDocs, sent: 0, failed: 0 })
  const mine = all.body.docs.filter((d: { staffId: number }) => d.staffId === ids.huong)
  const first = (await entries(ids.huong))[0]!
  expect(mine.at(-1)).toMatchObject({ id: Number(first.id), personKey: '********2345', status: 'pending', late: false, sha256: first.record_sha256, kind: 'upsert' })
  expect(mine.at(-1).groups).toContain('identifiers')
  expect(all.raw).not.toMatch(/\d{12}/)
  // Ministry HR's read names the records: an audit event.
  const { rows } = await sql.query(`SELECT subjects FROM audit_outbox WHERE target_collection = 'national-sync-outbox' UNION ALL SELECT subjects FROM audit_events WHERE target_collection = 'national-sync-outbox'`)
  expect(rows.some((r) => String(r.subjects).includes(`.${ids.huong}.`))).toBe(true)
  // Administrators: the same entries, without record ids.
  const admin = await rest.call('GET', `${path}?status=pending&limit=2`, { token: await token('admin@test.local') })
  expect(admin.status).toBe(200)
  expect(admin.body.docs).toHaveLength(2)
  expect(admin.body.docs[0].staffId).toBeUndefined()
  expect((await rest.call('GET', `${path}?status=sent`, { token: tccb })).body).toMatchObject({ docs: [], totalDocs: 0 })
  for (const bad of ['status=done', 'limit=0', 'limit=101', 'page=-1', 'page=abc']) {
    const r = await rest.call('GET', `${path}?${bad}`, { token: tccb })
    expect(r.status).toBe(400)
    expect(r.body.errors[0].message).toMatch(/status|limit|page/)
  }
})

test('NĐ 27 deadlines per unit for HR: a record created late, a declaration overdue, a declaration met, an approval met', async () => {
  const { deadlineList } = await import('../../src/nationalSync/deadlines')
  await sql.query(
    `INSERT INTO decisions (kind, staff_id, number, signed_date, effective_date, signer, issuing_body, state)
     VALUES ('recruitment', $1, '7/QĐ-BNV', now() - interval '10 days', now() - interval '10 days', 'Nguyễn Văn Ký', 'Bộ Nội vụ', 'applied')`,
    [ids.lan],
  )
  const later = new Date(Date.now() + 30 * 86_400_000)
  const all = await deadlineList(await reqAs('hr'), later).then((r) => r.items)
  const lan = all.filter((i) => i.staffId === ids.lan)
  // Open items only by default: Lan's first declaration, 03 working days after her record and account, never made.
  expect(lan.map((i) => [i.kind, i.state])).toEqual([['first-declaration', 'overdue']])
  expect(lan[0]!.workingDaysLeft).toBeLessThan(-15)
  const req = await reqAs('tccb')
  Object.assign(req, { searchParams: new URLSearchParams('state=all') })
  const everything = await deadlineList(req, later)
  const state = (staffId: number, kind: string) => everything.items.find((i) => i.staffId === staffId && i.kind === kind)?.state
  expect(state(ids.lan, 'record-creation')).toBe('missed')
  expect(state(ids.huong, 'first-declaration')).toBe('met')
  expect(state(ids.huong, 'approval')).toBe('met')
  // Per unit: Lan in Vụ A; Hường, moved by the decision above, in its Phòng 1.
  expect(everything.units.find((u) => u.unitId === ids.vuA)).toMatchObject({ overdue: 1, missed: 1, met: 0 })
  expect(everything.units.find((u) => u.unitName === 'Phòng 1 thuộc Vụ A')).toMatchObject({ overdue: 0, missed: 0, met: 2 })
  // Scope against the access oracle: a person of a sibling department is listed for ministry HR only, and every
  // item either account sees is a record the oracle lets it read.
  const ministry = (await payload.findByID({ collection: 'units', id: ids.vuA, depth: 0 })).parent as number
  const vuB = await payload.create({ collection: 'units', data: { code: 'VB', name: 'Vụ B', type: 'department', parent: ministry } })
  const other = await payload.create({
    collection: 'staff',
    data: { staffCode: 'N-B', fullName: 'Đỗ Văn Bắc', gender: 'male', birthDate: '1990-01-01T00:00:00.000Z', employmentType: 'civil-servant', unit: vuB.id },
  })
  await payload.create({ collection: 'accounts', data: { email: 'bac@test.local', password: PASSWORD, roles: ['staff'], staff: other.id } as never })
  const tree: UnitParents = new Map((await sql.query(`SELECT id, parent_id FROM units`)).rows.map((r) => [r.id as number, (r.parent_id as number | null) ?? null]))
  for (const [who, unit, roles] of [['hr', ids.vuA, ['unit-hr']], ['tccb', null, ['ministry-hr']]] as const) {
    const r = await reqAs(who)
    Object.assign(r, { searchParams: new URLSearchParams('state=all') })
    const seen = (await deadlineList(r, later)).items
    expect(seen.some((i) => i.staffId === other.id)).toBe(who === 'tccb')
    for (const i of seen) expect(allowed({ roles, secondFactor: true }, { own: false, relation: relationOf(tree, unit, i.unitId!) }, 'read')).toBe(true)
  }

  // Over REST: a person refused, a bad filter named.
  const rest = inProcessRest(payload)
  expect((await rest.call('GET', '/api/national-sync/deadlines', { token: await rest.login('canbo@test.local', PASSWORD) })).status).toBe(403)
  const bad = await rest.call('GET', '/api/national-sync/deadlines?state=late', { token: await rest.login('hr@test.local', PASSWORD) })
  expect(bad.status).toBe(400)
  expect(bad.body.errors[0].message).toContain('state')
})

test('data-key:rotate re-seals the outbox: the entries open with the new key only', async () => {
  const { DataKeyring } = await import('../../src/crypto/fieldCipher')
  const { parseDataKey } = await import('../../src/domain/sealedValue')
  const { resealIdentifiers } = await import('../../src/crypto/resealDatabase')
  const oldKey = parseDataKey(process.env.HOSO_DATA_KEY!, 'HOSO_DATA_KEY')
  const fresh = new DataKeyring(crypto.getRandomValues(new Uint8Array(32)), [oldKey])
  const before = await entries(ids.huong)
  const db = payload.db as unknown as { drizzle: { transaction<T>(work: (tx: never) => Promise<T>): Promise<T> } }
  const result = await db.drizzle.transaction((tx) => resealIdentifiers(tx, fresh, 'seal'))
  expect(result.nationalSync).toBeGreaterThanOrEqual(before.length)
  const after = await entries(ids.huong)
  const freshOnly = new DataKeyring(crypto.getRandomValues(new Uint8Array(32)))
  for (const [i, e] of after.entries()) {
    expect(e.person_key).not.toBe(before[i]!.person_key)
    expect(fresh.open(e.record!, SEALED_RECORD)).toBe(dataKeyring().open(before[i]!.record!, SEALED_RECORD))
    expect(fresh.isCurrent(e.record!)).toBe(true)
    expect(() => freshOnly.open(e.record!, SEALED_RECORD)).toThrow()
  }
})
