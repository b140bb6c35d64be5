/**
 * The personnel record model end to end: full records through REST and the Local API, validation on
 * every write path, database constraints, the unit tree, search, and index use.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { drainAuditOutbox } from '../../src/audit/outbox'
import { poolOf } from '../../src/db/pool'
import { listWhere } from '../../src/search/staffList'
import { seedDemoData } from '../../src/seed/seed'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'
import { loginToken } from '../helpers/auth'

let payload: Payload
let server: TestServer
let sql: pg.Pool
let token: string
let unitId: number
let rankId: number
let codes: Record<string, number>

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}`, ...(init.headers ?? {}) },
  })

async function codeId(list: string, code: string): Promise<number> {
  const r = await payload.find({ collection: 'codes', where: { list: { equals: list }, code: { equals: code } }, limit: 1 })
  return r.docs[0]!.id
}

/** A complete, valid record of a civil servant (công chức) born 15/03/1985. */
function validRecord(overrides: Record<string, unknown> = {}) {
  return {
    staffCode: 'T-0001',
    fullName: 'nguyễn  thị hường',
    gender: 'female',
    birthDate: '1985-03-15T00:00:00.000Z',
    birthPlace: 'Xã Nghĩa Hành, Tỉnh Quảng Ngãi',
    hometown: 'Phường Buôn Ma Thuột, Tỉnh Đắk Lắk',
    ethnicity: codes.kinh,
    religion: codes.none,
    nationalId: '051185123456',
    nationalIdIssueDate: '2021-06-01T00:00:00.000Z',
    socialInsuranceNumber: '0123456789',
    phone: '0912 345 678',
    email: 'huong@example.vn',
    employmentType: 'civil-servant',
    unit: unitId,
    recruitmentDate: '2008-09-01T00:00:00.000Z',
    rank: rankId,
    salaryStep: 3,
    salaryCoefficient: 3.0,
    salaryStepDate: '2024-07-01T00:00:00.000Z',
    partyJoinDate: '2010-05-19T00:00:00.000Z',
    partyOfficialDate: '2011-05-19T00:00:00.000Z',
    highestQualification: codes.master,
    heightCm: 158,
    weightKg: 50,
    ...overrides,
  }
}

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 60 })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 2 })
  unitId = (await payload.find({ collection: 'units', where: { code: { equals: 'VCCVC.P02' } } })).docs[0]!.id
  rankId = (await payload.find({ collection: 'ranks', where: { code: { equals: '01.003' } } })).docs[0]!.id
  codes = {
    kinh: await codeId('ethnicity', '01'),
    none: await codeId('religion', '00'),
    master: await codeId('qualification', 'THS'),
    father: await codeId('relation', 'CHA_DE'),
    university: await codeId('training-kind', (await payload.find({ collection: 'codes', where: { list: { equals: 'training-kind' } }, sort: 'sortOrder', limit: 1 })).docs[0]!.code),
  }
  server = await startTestServer({ DATABASE_URL: started.databaseUrl })
  token = await loginToken(server.url, 'tccb@hoso.local', 'hoso-demo-2026')
})

afterAll(async () => {
  await server?.stop()
  await sql?.end()
  await stopTestPayload(payload)
})

describe('full records', () => {
  let id: number

  test('a complete record is created over REST, tidied, and read back with its histories', async () => {
    const res = await api('/staff', { method: 'POST', body: JSON.stringify(validRecord()) })
    const body = (await res.json()) as { doc: Record<string, unknown> & { id: number } }
    expect(res.status).toBe(201)
    id = body.doc.id
    expect(body.doc.fullName).toBe('Nguyễn Thị Hường')
    await api('/family-members', {
      method: 'POST',
      body: JSON.stringify({ staff: id, side: 'self', relation: codes.father, fullName: 'Nguyễn Văn Toàn', birthYear: 1955, details: 'Nông dân; Quảng Ngãi' }),
    })
    await api('/training-records', {
      method: 'POST',
      body: JSON.stringify({ staff: id, kind: codes.university, fromMonth: '2003-09-01T00:00:00.000Z', toMonth: '2007-06-01T00:00:00.000Z', institution: 'Học viện Hành chính Quốc gia', qualification: 'Cử nhân' }),
    })
    const read = (await (await api(`/staff/${id}?depth=1`)).json()) as Record<string, any>
    expect(read).toMatchObject({
      staffCode: 'T-0001',
      nationalId: '051185123456',
      unit: { code: 'VCCVC.P02' },
      rank: { code: '01.003' },
      ethnicity: { name: 'Kinh' },
      searchName: 'nguyen thi huong',
      sortName: 'Hường Nguyễn Thị',
    })
    expect(read.unitPath).toMatch(/^\.1\.\d+\.\d+\.$/)
    expect(read.familyMembers.docs[0]).toMatchObject({ fullName: 'Nguyễn Văn Toàn', birthYear: 1955 })
    expect(read.trainingRecords.docs[0]).toMatchObject({ institution: 'Học viện Hành chính Quốc gia' })
  })

  test('an update through the Local API keeps derived fields in step', async () => {
    const doc = await payload.update({ collection: 'staff', id, data: { fullName: 'Trần Thị Hường', salaryStep: 4, salaryCoefficient: 3.33 } })
    expect(doc).toMatchObject({ fullName: 'Trần Thị Hường', searchName: 'tran thi huong', salaryStep: 4 })
  })
})

describe('invalid records are refused with a Vietnamese message and nothing is stored', () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['CCCD with 11 digits', { nationalId: '05118512345' }, 'nationalId', /12 chữ số/],
    ['CCCD whose gender digit says male', { nationalId: '051085123456' }, 'nationalId', /giới tính/i],
    ['birth date in the future', { birthDate: '2030-01-01T00:00:00.000Z' }, 'birthDate', /không được sau ngày hôm nay/],
    ['recruited at 16', { recruitmentDate: '2001-06-01T00:00:00.000Z' }, 'recruitmentDate', /18 tuổi/],
    ['salary coefficient not on the scale', { salaryCoefficient: 3.1 }, 'salaryCoefficient', /phải là 3,00/],
    ['step beyond the scale', { salaryStep: 12, salaryCoefficient: null }, 'salaryStep', /bậc/i],
    ['party official date before joining', { partyOfficialDate: '2009-01-01T00:00:00.000Z' }, 'partyOfficialDate', /Ngày chính thức/],
    ['malformed phone', { phone: '12345' }, 'phone', /Điện thoại|điện thoại/],
  ]

  test.each(cases)('%s (REST)', async (_name, change, field, message) => {
    const before = (await payload.count({ collection: 'staff' })).totalDocs
    const res = await api('/staff', { method: 'POST', body: JSON.stringify(validRecord({ staffCode: `BAD-${field}`, nationalId: null, ...change })) })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: Array<{ data?: { errors: Array<{ path: string; message: string }> } }> }
    const fieldErrors = body.errors[0]!.data!.errors
    expect(fieldErrors.find((e) => e.path === field)?.message).toMatch(message)
    expect((await payload.count({ collection: 'staff' })).totalDocs).toBe(before)
  })

  test('the same rule holds on the Local API, in English when asked', async () => {
    await expect(
      payload.create({ collection: 'staff', data: validRecord({ staffCode: 'BAD-LOCAL', birthDate: '2031-01-01T00:00:00.000Z' }) as never }),
    ).rejects.toThrow(/Ngày sinh/)
    const res = await api('/staff', {
      method: 'POST',
      headers: { 'Accept-Language': 'en' },
      body: JSON.stringify(validRecord({ staffCode: 'BAD-EN', nationalId: '1234' })),
    })
    const body = (await res.json()) as { errors: Array<{ data: { errors: Array<{ message: string }> } }> }
    expect(body.errors[0]!.data.errors[0]!.message).toMatch(/citizen ID/i)
  })

  test('the database refuses a duplicate staff number or CCCD', async () => {
    const dupCode = await api('/staff', { method: 'POST', body: JSON.stringify(validRecord({ nationalId: '051185999999' })) })
    expect(dupCode.status).toBe(400)
    const dupId = await api('/staff', { method: 'POST', body: JSON.stringify(validRecord({ staffCode: 'T-0002' })) })
    expect(dupId.status).toBe(400)
    expect((await payload.count({ collection: 'staff', where: { staffCode: { in: ['T-0002'] } } })).totalDocs).toBe(0)
  })
})

describe('unit tree', () => {
  test('moving a unit re-paths its whole subtree and its staff in one step', async () => {
    const [vu] = (await payload.find({ collection: 'units', where: { code: { equals: 'VCCVC' } } })).docs
    const [other] = (await payload.find({ collection: 'units', where: { code: { equals: 'VTCCB' } } })).docs
    await payload.update({ collection: 'units', id: vu!.id, data: { parent: other!.id } })
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM staff s JOIN units u ON u.id = s.unit_id
        WHERE u.path LIKE '%.' || $1 || '.%' AND s.unit_path = u.path AND s.unit_path LIKE '.1.' || $2 || '.' || $1 || '.%'`,
      [vu!.id, other!.id],
    )
    const inSubtree = await payload.count({ collection: 'staff', where: { unitPath: { like: `.${vu!.id}.` } } })
    expect(inSubtree.totalDocs).toBeGreaterThan(0)
    expect(rows[0].n).toBe(inSubtree.totalDocs)
    await payload.update({ collection: 'units', id: vu!.id, data: { parent: 1 } })
  })

  test('a cycle is refused with a Vietnamese message', async () => {
    const [vu] = (await payload.find({ collection: 'units', where: { code: { equals: 'VCCVC' } } })).docs
    const [child] = (await payload.find({ collection: 'units', where: { code: { equals: 'VCCVC.P01' } } })).docs
    await expect(payload.update({ collection: 'units', id: vu!.id, data: { parent: child!.id } })).rejects.toThrow(/Đơn vị cấp trên không hợp lệ/)
    await expect(sql.query('UPDATE units SET parent_id = $1 WHERE id = $2', [child!.id, vu!.id])).rejects.toThrow(/không hợp lệ/)
  })

  test('a subtree query returns exactly the staff of the units below, checked against a recursive walk', async () => {
    const [vu] = (await payload.find({ collection: 'units', where: { code: { equals: 'VCCVC' } } })).docs
    const { rows } = await sql.query(
      `WITH RECURSIVE sub AS (SELECT id FROM units WHERE id = $1 UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)
       SELECT count(*)::int AS n FROM staff WHERE unit_id IN (SELECT id FROM sub)`,
      [vu!.id],
    )
    const res = (await (await api(`/staff?where[unitPath][like]=.${vu!.id}.&limit=1`)).json()) as { totalDocs: number }
    expect(res.totalDocs).toBe(rows[0].n)
  })
})

describe('search', () => {
  test('"nguyen thi huong" finds "Nguyễn Thị Hường" through the list filter (accent-insensitive)', async () => {
    for (const q of ['Nguyễn Thị Hường', 'nguyen thi huong', 'NGUYEN THI HUONG']) {
      const res = (await (await api(`/staff?where[searchName][like]=${encodeURIComponent(q)}`)).json()) as { docs: Array<{ fullName: string }> }
      expect(res.docs.map((d) => d.fullName)).toContain('Nguyễn Thị Hường')
    }
  })

  test('the search endpoint forgives a typo and ranks the closest name first', async () => {
    const res = (await (await api(`/staff/search?q=${encodeURIComponent('nguyen thi huonh')}`)).json()) as { docs: Array<{ fullName: string }> }
    expect(res.docs[0]?.fullName).toBe('Nguyễn Thị Hường')
    const anonymous = await fetch(`${server.url}/api/staff/search?q=nguyen`)
    expect(anonymous.status).toBe(401)
  })

  test('the distinct names the search scans follow every insert, rename and deletion, in the same transaction', async () => {
    const names = async () => (await sql.query(`SELECT search_name, people FROM staff_names ORDER BY 1`)).rows
    const truth = async () => (await sql.query(`SELECT search_name, count(*)::int AS people FROM staff GROUP BY 1 ORDER BY 1`)).rows
    expect(await names()).toEqual(await truth())
    const a = await payload.create({ collection: 'staff', data: validRecord({ staffCode: 'T-N1', fullName: 'Tạ Thị Ngọc Ánh', nationalId: '051185123457', email: 'anh1@example.vn' }) as never })
    const b = await payload.create({ collection: 'staff', data: validRecord({ staffCode: 'T-N2', fullName: 'Tạ Thị Ngọc Ánh', nationalId: '051185123458', email: 'anh2@example.vn' }) as never })
    expect((await names()).find((n) => n.search_name === 'ta thi ngoc anh')).toEqual({ search_name: 'ta thi ngoc anh', people: 2 })
    await payload.update({ collection: 'staff', id: a.id, data: { fullName: 'Tạ Thị Ngọc Ảnh Mai' } })
    await payload.delete({ collection: 'staff', id: b.id })
    expect((await names()).some((n) => n.search_name === 'ta thi ngoc anh')).toBe(false)
    const found = (await (await api(`/staff/search?q=${encodeURIComponent('ta thi ngoc anh mai')}`)).json()) as { docs: Array<{ id: number }> }
    expect(found.docs[0]?.id).toBe(a.id)
    await payload.delete({ collection: 'staff', id: a.id })
    expect(await names()).toEqual(await truth())
  })

  test('a search is a read of the records it returns: one audit event listing them', async () => {
    const requestId = `search-${Date.now()}`
    const res = (await (await api(`/staff/search?q=nguyen&limit=5`, { headers: { 'X-Request-Id': requestId } })).json()) as { docs: Array<{ id: number }> }
    expect(res.docs).toHaveLength(5)
    await drainAuditOutbox(poolOf(payload)) // read events reach the chain through the outbox
    const events = await payload.find({ collection: 'audit-events', where: { requestId: { equals: requestId } }, depth: 0 })
    expect(events.docs).toHaveLength(1)
    expect(events.docs[0]).toMatchObject({ operation: 'read', targetCollection: 'staff', recordIds: `.${res.docs.map((d) => d.id).join('.')}.` })
  })

  test('lists sort Vietnamese names by tên, then họ đệm, with Vietnamese letter order', async () => {
    const res = (await (await api('/staff?sort=sortName&limit=200&depth=0')).json()) as { docs: Array<{ sortName: string }> }
    const keys = res.docs.map((d) => d.sortName)
    const expected = [...keys].sort(new Intl.Collator('vi').compare)
    expect(keys).toEqual(expected)
  })

  test('EXPLAIN: subtree, name search and sort use their indexes', async () => {
    const client = await sql.connect()
    try {
      await client.query('SET enable_seqscan = off') // tiny test tables: ask whether an index CAN serve the query
      const plan = async (q: string, p: unknown[]) => (await client.query(`EXPLAIN ${q}`, p)).rows.map((r) => r['QUERY PLAN']).join('\n')
      /** A check made with `change` in place, inside a transaction that is rolled back. */
      const rolledBack = async (change: string, check: () => Promise<void>) => {
        await client.query('BEGIN')
        try {
          await client.query(change)
          await check()
        } finally {
          await client.query('ROLLBACK')
        }
      }
      // The order index carries unit_path too (a subtree page by an index-only scan): either index may serve a tiny table.
      expect(await plan(`SELECT id FROM staff WHERE unit_path ILIKE $1`, ['%.14.%'])).toMatch(/staff_unit_path_trgm_idx|staff_sort_name_idx/)
      expect(await plan(`SELECT id FROM staff WHERE unit_path LIKE $1`, ['.1.14.%'])).toMatch(/staff_unit_path_prefix_idx|staff_sort_name_idx/)
      // On a table this small a bitmap scan of the primary key (a whole-table read in index clothes) can cost less
      // than the trigram index; without it in the way (dropped inside a transaction that is rolled back) the
      // planner shows whether the trigram index serves the query.
      await rolledBack('ALTER TABLE staff_names DROP CONSTRAINT staff_names_pkey CASCADE', async () => {
        expect(await plan(`SELECT search_name FROM staff_names WHERE $1 <% search_name ORDER BY $1 <<-> search_name LIMIT 25`, ['nguyen van duc'])).toMatch(/staff_names_search_name_trgm_idx/)
      })
      expect(await plan(`SELECT id FROM staff WHERE search_name = $1`, ['nguyen van duc'])).toMatch(/staff_search_name(_order)?_idx/)
      // Likewise a whole scan of the (search_name, sort_name, id) btree can undercut the trigram index here.
      await rolledBack('DROP INDEX staff_search_name_order_idx', async () => {
        expect(await plan(`SELECT id FROM staff WHERE search_name ILIKE $1`, ['%huong%'])).toMatch(/staff_search_name_(trgm|gist)_idx/)
      })
      // A page in name order straight from the order index (no sort step), when the planner may not sort a tiny
      // bitmap result instead.
      await rolledBack('SET LOCAL enable_bitmapscan = off', async () => {
        const ordered = await plan(`SELECT id FROM staff ORDER BY sort_name, id LIMIT 25`, [])
        expect(ordered).toMatch(/staff_sort_name_idx/)
        expect(ordered).not.toMatch(/Sort Key/)
      })
      // The unit list endpoint's WHERE (src/search/staffList.ts), for a unit subtree and within an officer's scope.
      const unitList = listWhere({ unitId: 14 }, { kind: 'all' }, new Date())
      expect(await plan(`SELECT s.id FROM staff s ${unitList.sql}`, unitList.params)).toMatch(/staff_unit_path_trgm_idx|staff_sort_name_idx/)
      expect(listWhere({ unitId: 14 }, { kind: 'all' }, new Date(), '.1.14.').params[0]).toBe('.1.14.%')
      const scoped = listWhere({}, { kind: 'some', subtreeUnitIds: [14, 15], staffIds: [1] }, new Date())
      expect(await plan(`SELECT s.id FROM staff s ${scoped.sql}`, scoped.params)).toMatch(/staff_unit_path_trgm_idx|staff_sort_name_idx/)
    } finally {
      client.release()
    }
  })
})
