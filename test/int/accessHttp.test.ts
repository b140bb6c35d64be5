/**
 * The access rule, proved over HTTP. fast-check (fixed seed) grows a random unit subtree under the seeded
 * ministry, moves staff into it, then generates accounts — random roles, unit, own record, second factor
 * passed or not, purpose-bound grants (read/update, subtrees or named records, approved/pending/revoked,
 * current/expired/future) — signs each one in over REST (with a TOTP code where the run says so) and compares
 * every answer with the independent oracle in test/access/oracle.ts (written from README's rules; it shares no
 * code with access/ or src/domain/). Some accounts are disabled after signing in: their open session must
 * lose every right.
 * REST list (with and without `where` on another unit), REST GET of every record, /count, GraphQL list,
 * count and one aliased single read per record, sensitive fields (REST and GraphQL), PATCH of a harmless field
 * (and the database afterwards), history rows, and depth-2 population of the staff record from family rows.
 * Each comparison of one record on one path is one decision; the run logs the seed and the counts.
 */
import fc from 'fast-check'
import pg from 'pg'
import type { Payload } from 'payload'

import { totpCode } from '../../src/accounts/mfa'
import { seedDemoData } from '../../src/seed/seed'
import { allowed, grantState, ORACLE_ROLES, relationOf, ROLE_RULES, withinSubtree, type OracleActor, type OracleRecord, type UnitParents } from '../access/oracle'
import { loginToken } from '../helpers/auth'
import { allPages } from '../helpers/pages'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const SEED = Number(process.env.HOSO_ACCESS_SEED ?? 20261126)
const ACTORS = Number(process.env.HOSO_ACCESS_ACTORS ?? 30)
const STAFF = 36
const PASSWORD = 'mat-khau-thu-nghiem-2026'
const DAY = 86_400_000

interface Rec {
  id: number
  unitId: number
  unitPath: string
  fullName: string
  hasNationalId: boolean
  workRows: number
}
interface FamilyRow {
  id: number
  staff: number
  hasDetails: boolean
}
interface GenGrant {
  action: 'read' | 'update'
  units: number[]
  staff: number[]
  status: 'approved' | 'pending' | 'revoked'
  period: 'current' | 'expired' | 'future'
}
interface GenActor {
  roles: string[]
  unit: number | null
  staff: number | null
  mfa: boolean
  disabled: boolean
  grants: GenGrant[]
  whereUnit: number
  patch: number[]
}

let payload: Payload
let server: TestServer
let sql: pg.Pool
let units: Array<{ id: number; path: string }>
let unitParents: UnitParents
let recs: Rec[]
let family: FamilyRow[]
let ministryUser: Record<string, unknown>
let decisions = 0
const perPath: Record<string, number> = {}
let requests = 0

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: STAFF })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 3 })

  // A generated subtree: each new unit hangs under a seeded unit or an earlier new one; some staff move in.
  const seeded = (await sql.query<{ id: number }>('SELECT id FROM units ORDER BY id')).rows.map((r) => r.id)
  const [tree] = fc.sample(
    fc.record({
      parents: fc.array(fc.nat(), { minLength: 4, maxLength: 8 }),
      moves: fc.array(fc.option(fc.nat(), { freq: 2 }), { minLength: STAFF, maxLength: STAFF }),
    }),
    { seed: SEED, numRuns: 1 },
  )
  const created: number[] = []
  for (const [i, p] of tree!.parents.entries()) {
    const pool = [...seeded, ...created]
    const unit = await payload.create({
      collection: 'units',
      data: { code: `SINH-${i}`, name: `Phòng sinh ngẫu nhiên ${i}`, type: 'division', parent: pool[p % pool.length] },
    })
    created.push(unit.id)
  }
  const staffIds = (await sql.query<{ id: number }>('SELECT id FROM staff ORDER BY id')).rows.map((r) => r.id)
  for (const [k, m] of tree!.moves.entries()) {
    if (m != null && staffIds[k] != null) await sql.query('UPDATE staff SET unit_id = $1 WHERE id = $2', [created[m % created.length], staffIds[k]])
  }
  units = (await sql.query('SELECT id, path FROM units ORDER BY id')).rows
  unitParents = new Map((await sql.query<{ id: number; parent: number | null }>('SELECT id, parent_id AS parent FROM units')).rows.map((u) => [u.id, u.parent]))
  recs = (
    await sql.query(`SELECT s.id, s.unit_id AS "unitId", s.unit_path AS "unitPath", s.full_name AS "fullName", s.national_id IS NOT NULL AS "hasNationalId",
                            (SELECT count(*)::int FROM work_history w WHERE w.staff_id = s.id) AS "workRows"
                       FROM staff s ORDER BY s.id`)
  ).rows
  family = (await sql.query('SELECT id, staff_id AS staff, details IS NOT NULL AS "hasDetails" FROM family_members ORDER BY id')).rows
  ministryUser = { ...(await payload.find({ collection: 'accounts', where: { email: { equals: 'tccb@hoso.local' } } })).docs[0]!, collection: 'accounts' }
  server = await startTestServer({ DATABASE_URL: started.databaseUrl, HOSO_REQUIRE_MFA: 'true' })
})

afterAll(async () => {
  // eslint-disable-next-line no-console
  console.log(`access over HTTP: seed ${SEED}, ${ACTORS} actors, ${recs?.length} records, ${units?.length} units, ${requests} requests, ${decisions} decisions ${JSON.stringify(perPath)}`)
  await server?.stop()
  await sql?.end()
  await stopTestPayload(payload)
})

const inSubtree = (r: Rec, unitId: number) => withinSubtree(unitParents, unitId, r.unitId)
const needsSecondFactor = (roles: readonly string[]) => roles.some((r) => ROLE_RULES[r]?.secondFactor)

function actorArb(): fc.Arbitrary<GenActor> {
  const unitIds = units.map((u) => u.id)
  const staffIds = recs.map((r) => r.id)
  const grant = fc.record({
    action: fc.constantFrom('read' as const, 'update' as const),
    units: fc.subarray(unitIds, { maxLength: 1 }),
    staff: fc.subarray(staffIds, { maxLength: 3 }),
    status: fc.constantFrom('approved' as const, 'approved' as const, 'pending' as const, 'revoked' as const),
    period: fc.constantFrom('current' as const, 'current' as const, 'expired' as const, 'future' as const),
  }).filter((g) => g.units.length + g.staff.length > 0)
  return fc
    .record({
      roles: fc.subarray([...ORACLE_ROLES], { minLength: 1, maxLength: 2 }),
      unit: fc.option(fc.constantFrom(...unitIds), { freq: 5 }),
      staff: fc.option(fc.constantFrom(...staffIds), { freq: 4 }),
      mfa: fc.boolean(),
      disabled: fc.nat(7).map((k) => k === 0),
      grants: fc.array(grant, { maxLength: 2 }),
      whereUnit: fc.constantFrom(...unitIds),
      patch: fc.subarray(staffIds, { minLength: 1, maxLength: 3 }),
    })
    // "An account may exist without a staff record only for system roles."
    .map((a) => (a.staff == null && a.roles.some((r) => !ROLE_RULES[r]!.system) ? { ...a, staff: staffIds[0]! } : a))
}

const describeActor = (n: number, a: GenActor) =>
  `actor #${n} {roles: ${a.roles.join('+')}, unit: ${a.unit}, staff: ${a.staff}, mfa: ${a.mfa}, disabled: ${a.disabled}, grants: ${JSON.stringify(a.grants)}}`

function period(p: GenGrant['period']): { validFrom: string; validTo: string } {
  const now = Date.now()
  const [from, to] = p === 'current' ? [now - DAY, now + DAY] : p === 'expired' ? [now - 3 * DAY, now - DAY] : [now + DAY, now + 3 * DAY]
  return { validFrom: new Date(from).toISOString(), validTo: new Date(to).toISOString() }
}

test('every generated account reads and updates exactly what the rule allows, on every path', async () => {
  let n = 0
  await fc.assert(
    fc.asyncProperty(actorArb(), async (gen) => {
      n++
      const who = describeActor(n, gen)
      const fail = (path: string, record: number | string, detail: string): never => {
        throw new Error(`${who}\n  ${path}, record ${record}: ${detail}`)
      }
      const decide = (path: string, count = 1) => {
        decisions += count
        perPath[path] = (perPath[path] ?? 0) + count
      }
      // The demo person's record already has an account (one per person): the generated one takes another.
      const taken = new Set((await sql.query<{ staff_id: number }>('SELECT staff_id FROM accounts WHERE staff_id IS NOT NULL')).rows.map((r) => r.staff_id))
      const staffId = gen.staff != null && taken.has(gen.staff) ? (recs.find((r) => !taken.has(r.id))?.id ?? null) : gen.staff
      const email = `nguoi-thu-${n}@test.local`
      const account = await payload.create({ collection: 'accounts', data: { email, password: PASSWORD, roles: gen.roles as never, unit: gen.unit, staff: staffId } })
      const grantIds: number[] = []
      const grantInputs: Array<{ action: 'read' | 'update'; units: number[]; staff: number[]; status: GenGrant['status']; validFrom: string; validTo: string }> = []
      try {
        for (const g of gen.grants) {
          const dates = period(g.period)
          const doc = await payload.create({
            collection: 'access-grants',
            data: { grantee: account.id, action: g.action, units: g.units, staff: g.staff, purpose: 'Kiểm thử thuộc tính', status: 'pending', ...dates },
          })
          grantIds.push(doc.id)
          if (g.status === 'approved') await payload.update({ collection: 'access-grants', id: doc.id, data: { status: 'approved' }, user: ministryUser as never })
          if (g.status === 'revoked') await payload.update({ collection: 'access-grants', id: doc.id, data: { status: 'revoked' } })
          grantInputs.push({ action: g.action, units: g.units, staff: g.staff, status: g.status, ...dates })
        }

        // Sign in; pass the second factor when the run says so.
        const token = await loginToken(server.url, email, PASSWORD)
        requests++
        const headers: Record<string, string> = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
        const secondFactor = gen.mfa && needsSecondFactor(gen.roles)
        if (secondFactor) {
          const setup = await fetch(`${server.url}/api/accounts/mfa/setup`, { method: 'POST', headers })
          const { secret } = (await setup.json()) as { secret: string }
          const verify = await fetch(`${server.url}/api/accounts/mfa/verify`, { method: 'POST', headers, body: JSON.stringify({ code: totpCode(secret, new Date()) }) })
          requests += 2
          if (verify.status !== 200) fail('POST /api/accounts/mfa/verify', '-', `status ${verify.status}`)
          headers['X-Hoso-Mfa'] = ((await verify.json()) as { proof: string }).proof
        }
        const call = async (method: string, path: string, body?: unknown) => {
          requests++
          const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
          const text = await res.text()
          let json: any = null
          try {
            json = JSON.parse(text)
          } catch {
            /* not JSON */
          }
          return { status: res.status, text, json }
        }

        // A leaver: the account is disabled after signing in; the open session must lose every right.
        if (gen.disabled) await payload.update({ collection: 'accounts', id: account.id, data: { disabled: true } })

        // The oracle's view of this account and of each record.
        const actor: OracleActor = { roles: gen.roles, secondFactor, disabled: gen.disabled }
        const now = new Date()
        const view = (r: Rec): OracleRecord => ({
          own: staffId === r.id,
          relation: relationOf(unitParents, gen.unit, r.unitId),
          grants: grantInputs.map((g) => ({
            kind: g.action,
            state: grantState(g.status, new Date(g.validFrom), new Date(g.validTo), now),
            covers: g.staff.includes(r.id) || g.units.some((u) => withinSubtree(unitParents, u, r.unitId)),
          })),
        })
        const readable = new Set(recs.filter((r) => allowed(actor, view(r), 'read')).map((r) => r.id))
        const sees = (r: Rec) => allowed(actor, view(r), 'read', 'sensitive')
        const same = (path: string, got: number[], expected: number[], pool: readonly number[]) => {
          const g = new Set(got)
          const e = new Set(expected)
          for (const id of pool) {
            if (g.has(id) !== e.has(id)) fail(path, id, g.has(id) ? 'returned but not allowed' : 'allowed but not returned')
          }
          if (got.length !== g.size) fail(path, '-', 'duplicates')
          for (const id of got) if (!pool.includes(id)) fail(path, id, 'unknown record returned')
          decide(path.split('?')[0]!, pool.length)
        }
        const allIds = recs.map((r) => r.id)

        // REST list, full documents: ids and sensitive fields.
        const get = (path: string) => call('GET', path)
        const list = await allPages<Record<string, unknown>>(get, '/api/staff?depth=0')
        const listed = list.docs
        if (list.status !== 200 && readable.size) fail('GET /api/staff', '-', `status ${list.status}`)
        same('GET /api/staff', listed.map((d) => d.id as number), [...readable], allIds)
        for (const d of listed) {
          const r = recs.find((x) => x.id === d.id)!
          if (r.hasNationalId && 'nationalId' in d !== sees(r)) fail('GET /api/staff (nationalId)', r.id, `sensitive field ${'nationalId' in d ? 'present' : 'absent'}`)
          decide('REST sensitive fields')
        }

        // REST list filtered on another unit: never wider than the rule.
        const w = await allPages<{ id: number }>(get, `/api/staff?depth=0&where[unitPath][like]=.${gen.whereUnit}.`)
        const wIds = w.docs.map((d) => d.id)
        same('GET /api/staff?where[unitPath]', wIds, recs.filter((r) => readable.has(r.id) && inSubtree(r, gen.whereUnit)).map((r) => r.id), allIds)

        // /count.
        const count = await call('GET', '/api/staff/count')
        const counted = count.status === 200 ? count.json.totalDocs : 0
        if (counted !== readable.size) fail('GET /api/staff/count', '-', `totalDocs ${counted}, rule ${readable.size}`)
        decide('GET /api/staff/count')

        // REST GET of every record, a few at a time.
        for (let i = 0; i < recs.length; i += 6) {
          await Promise.all(
            recs.slice(i, i + 6).map(async (r) => {
              const res = await call('GET', `/api/staff/${r.id}?depth=0`)
              const ok = readable.has(r.id)
              if (ok && res.status !== 200) fail('GET /api/staff/:id', r.id, `status ${res.status}, rule allows`)
              if (!ok && ![403, 404].includes(res.status)) fail('GET /api/staff/:id', r.id, `status ${res.status}, rule refuses`)
              if (!ok && res.text.includes(r.fullName)) fail('GET /api/staff/:id', r.id, 'refusal carries the name')
              if (ok && r.hasNationalId && 'nationalId' in res.json !== sees(r)) fail('GET /api/staff/:id (nationalId)', r.id, 'sensitive field')
              decide('GET /api/staff/:id')
            }),
          )
        }

        // GraphQL: list, count and one aliased single read per record, with a sensitive field.
        const aliases = recs.map((r) => `r${r.id}: StaffRecord(id: ${r.id}) { id fullName nationalId }`).join('\n')
        const gql = await call('POST', '/api/graphql', { query: `{ list: StaffRecords(limit: 100) { docs { id nationalId } } cnt: countStaffRecords { totalDocs }\n${aliases} }` })
        const data = gql.json?.data ?? {}
        same('GraphQL StaffRecords', ((data.list?.docs ?? []) as Array<{ id: number }>).map((d) => d.id), [...readable], allIds)
        if ((data.cnt?.totalDocs ?? 0) !== readable.size) fail('GraphQL countStaffRecords', '-', `totalDocs ${data.cnt?.totalDocs}, rule ${readable.size}`)
        decide('GraphQL countStaffRecords')
        for (const r of recs) {
          const single = data[`r${r.id}`] ?? null
          if ((single !== null) !== readable.has(r.id)) fail('GraphQL StaffRecord(id)', r.id, single ? 'returned but not allowed' : 'allowed but not returned')
          if (single && r.hasNationalId && (single.nationalId !== null) !== sees(r)) fail('GraphQL StaffRecord(id) nationalId', r.id, 'sensitive field')
          decide('GraphQL StaffRecord(id)')
        }
        if (!readable.size && JSON.stringify(gql.json).match(/"fullName":"[^"]/)) fail('GraphQL', '-', 'a name in a response that should have none')

        // History rows follow their record.
        const workRows = (await allPages<{ staff: number }>(get, '/api/work-history?depth=0')).docs
        for (const r of recs) {
          const got = workRows.filter((x) => x.staff === r.id).length
          const expected = readable.has(r.id) ? r.workRows : 0
          if (got !== expected) fail('GET /api/work-history', r.id, `${got} rows, rule ${expected}`)
          decide('GET /api/work-history')
        }

        // Depth 2 from family rows: the staff record is populated only where readable; details per the field rule.
        const famRows = (await allPages<Record<string, any>>(get, '/api/family-members?depth=2&joins=false')).docs
        const byId = new Map(famRows.map((x) => [x.id as number, x]))
        for (const row of family) {
          const r = recs.find((x) => x.id === row.staff)!
          const got = byId.get(row.id)
          if (Boolean(got) !== readable.has(r.id)) fail('GET /api/family-members?depth=2', `family ${row.id} of ${r.id}`, got ? 'returned but not allowed' : 'allowed but not returned')
          if (got) {
            if (typeof got.staff !== 'object' || got.staff?.id !== r.id) fail('GET /api/family-members?depth=2', r.id, 'staff record not populated')
            if (r.hasNationalId && 'nationalId' in got.staff !== sees(r)) fail('GET /api/family-members?depth=2 (staff.nationalId)', r.id, 'sensitive field')
            if (row.hasDetails && 'details' in got !== sees(r)) fail('GET /api/family-members?depth=2 (details)', `family ${row.id}`, 'sensitive field')
          }
          decide('GET /api/family-members?depth=2')
        }

        // PATCH of a harmless field: stored exactly where the rule allows, nothing changed elsewhere.
        for (const id of gen.patch) {
          const r = recs.find((x) => x.id === id)!
          const before = (await sql.query('SELECT management_comment AS c FROM staff WHERE id = $1', [id])).rows[0].c
          const marker = `Nhận xét ${n}-${id}`
          const res = await call('PATCH', `/api/staff/${id}`, { managementComment: marker })
          const ok = allowed(actor, view(r), 'update')
          const after = (await sql.query('SELECT management_comment AS c FROM staff WHERE id = $1', [id])).rows[0].c
          if (ok && (res.status !== 200 || after !== marker)) fail('PATCH /api/staff/:id', id, `status ${res.status}, stored ${after === marker}; rule allows`)
          if (!ok && (![403, 404].includes(res.status) || after !== before)) fail('PATCH /api/staff/:id', id, `status ${res.status}, changed ${after !== before}; rule refuses`)
          decide('PATCH /api/staff/:id')
        }
      } finally {
        for (const id of grantIds) await payload.delete({ collection: 'access-grants', id })
        await payload.delete({ collection: 'accounts', id: account.id })
      }
    }),
    { seed: SEED, numRuns: ACTORS, endOnFailure: true },
  )
  // About 390 decisions per generated account (10 995 for the first 28 of the default 30).
  expect(decisions).toBeGreaterThanOrEqual(ACTORS * 350)
  // 30 accounts took 10 min on a loaded two-core machine: 40 s per account at most.
}, Math.max(600_000, ACTORS * 40_000))
