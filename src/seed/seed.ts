import { sql } from '@payloadcms/db-postgres'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { dataKeyring } from '../crypto/dataKey'
import { sealedRow } from '../crypto/fieldCipher'
import { todayInVietnam } from '../domain/dates'
import type { Role } from '../domain/roles'
import { subtreePattern } from '../domain/unitTree'
import { isProductionDeployment } from '../domain/deployment'
import { CODE_LISTS } from '../domain/reference/codeLists'
import { RANKS } from '../domain/reference/ranks'
import { normalizePersonName, searchKey, sortKey } from '../domain/names'
import { bulkInsert, transactionDb } from './bulkInsert'
import { seedDemoRequests } from './demoRequests'
import { generatePerson, type SeedContext } from './people'
import { Random } from './random'
import { DEMO_HR_UNIT_CODE, DEMO_UNIT_TREE, type SeedUnit } from './units'

/**
 * The demo cast: one account for each role (test/unit/roles.test.ts checks that none is missing). `unit`: the
 * unit in charge (and, with the demo cast, the unit of the person's own staff record).
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; role: Role; description: string; unit: string | null }> = [
  { email: 'admin@hoso.local', role: 'sysadmin', description: 'Quản trị hệ thống / System administrator', unit: null },
  { email: 'nhansu@hoso.local', role: 'unit-hr', description: 'Cán bộ tổ chức Vụ Công chức – Viên chức / HR officer', unit: DEMO_HR_UNIT_CODE },
  { email: 'canbo@hoso.local', role: 'staff', description: 'Cán bộ Vụ Công chức – Viên chức / Staff member', unit: DEMO_HR_UNIT_CODE },
  { email: 'tccb@hoso.local', role: 'ministry-hr', description: 'Vụ Tổ chức cán bộ, toàn Bộ / Ministry HR', unit: 'VTCCB' },
  { email: 'kiemtra@hoso.local', role: 'auditor', description: 'Kiểm tra, giám sát nhật ký / Auditor', unit: null },
  { email: 'truongphong@hoso.local', role: 'unit-head', description: 'Thủ trưởng Vụ Công chức – Viên chức / Unit head', unit: DEMO_HR_UNIT_CODE },
  { email: 'baove@hoso.local', role: 'data-protection-officer', description: 'Cán bộ bảo vệ dữ liệu cá nhân / Personal-data officer', unit: 'VTCCB' },
  { email: 'luutru@hoso.local', role: 'archivist', description: 'Cán bộ lưu trữ / Archivist', unit: 'VTCCB' },
]

/** With the demo cast, this many more people (the first staff records without an account) get a staff account. */
export const DEMO_CAST_ACCOUNTS = 30

/** The demo staff member behind canbo@hoso.local (also the person on the README's 2C page). */
export const DEMO_PERSON = { fullName: 'Nguyễn Thị Hường', gender: 'female' as const }

export interface SeedOptions {
  staff: number
  seed?: number
  log?: (msg: string) => void
  /**
   * The demo cast for a newcomer (`npm start`): each HR, head and ministry HR account linked to a staff record of
   * its own unit (one account per person) and DEMO_CAST_ACCOUNTS people with a staff account of their own
   * (canbo<n>@hoso.local, the e-mail on their record). Off by default: tests count on four accounts.
   */
  cast?: boolean
}

export interface SeedResult {
  units: number
  staff: number
  historyRows: number
  codes: number
  ranks: number
  accounts: number
}

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD ?? 'hoso-demo-2026'
}

/** Demo accounts carry a known password: refused in a deployment (HOSO_DEPLOYMENT=production) unless explicitly enabled. */
export function demoDataAllowed(): boolean {
  return !isProductionDeployment(process.env) || process.env.HOSO_ALLOW_DEMO === 'true'
}

export async function databaseIsEmpty(payload: Payload): Promise<boolean> {
  const [units, accounts] = await Promise.all([payload.count({ collection: 'units' }), payload.count({ collection: 'accounts' })])
  return units.totalDocs === 0 && accounts.totalDocs === 0
}

const STAFF_RELATIONSHIPS = new Set([
  'unit', 'rank', 'ethnicity', 'religion', 'highestQualification', 'academicTitle', 'academicDegree',
  'politicalTheory', 'stateManagement', 'itLevel', 'photo',
])
const HISTORY_RELATIONSHIPS = new Set(['staff', 'kind', 'mode', 'rating', 'form', 'relation'])

/**
 * Deterministic demo data in one transaction: code lists, ranks, the unit tree, `staff` records with
 * their histories, and the demo accounts. A failure leaves the database as it was.
 */
export async function seedDemoData(payload: Payload, options: SeedOptions): Promise<SeedResult> {
  if (!demoDataAllowed()) {
    throw new Error(
      'Dữ liệu mẫu và tài khoản mẫu bị từ chối khi HOSO_DEPLOYMENT=production (đặt HOSO_ALLOW_DEMO=true nếu thật sự cần) / ' +
        'Demo data and demo accounts are refused in a deployment (HOSO_DEPLOYMENT=production) unless HOSO_ALLOW_DEMO=true',
    )
  }
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const result = await seedWithin(payload, req, new Random(options.seed ?? 20261125), options)
    await commitTransaction(req)
    if (options.cast) {
      const { docs } = await payload.find({ collection: 'accounts', where: { roles: { in: ['staff'] } }, sort: 'id', limit: 12, depth: 0, overrideAccess: true })
      const [decider] = (await payload.find({ collection: 'accounts', where: { email: { equals: 'tccb@hoso.local' } }, depth: 0, overrideAccess: true })).docs
      // canbo@ (the first) keeps a clean record for the README's walk-through; the next ones carry the requests.
      const made = await seedDemoRequests(payload, docs.slice(1) as never, decider as never, { pending: 6, returned: 2 })
      ;(options.log ?? (() => {}))(`demo cast: ${made} declarations (6 waiting for review, 2 returned)`)
    }
    return result
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

async function seedWithin(payload: Payload, req: PayloadRequest, rng: Random, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {})
  const db = await transactionDb(payload, req)

  // Reference data: code lists and ranks, from src/domain/reference (admin-editable afterwards).
  const codeIds = await bulkInsert(
    db,
    'codes',
    CODE_LISTS.map((c) => ({
      list: c.list, code: c.code, name: c.name, sortOrder: c.sortOrder, rank: c.rank ?? null,
      aliases: c.aliases?.join('; ') ?? null, validFrom: c.validFrom ?? null, validTo: c.validTo ?? null, source: c.source ?? null,
    })),
    new Set(),
  )
  const codeIndex = new Map(CODE_LISTS.map((c, i) => [`${c.list}:${c.code}`, codeIds[i] as number]))
  const rankIds = await bulkInsert(
    db,
    'ranks',
    RANKS.map((r) => ({
      code: r.code, name: r.name, kind: r.kind, group: r.group, salaryTable: r.salaryTable,
      coefficients: r.coefficients, validFrom: r.validFrom ?? null, validTo: r.validTo ?? null, source: r.source ?? null,
    })),
    new Set(),
  )
  log(`codes: ${codeIds.length}, ranks: ${rankIds.length}`)

  const unitIds = new Map<string, number>()
  const assignable: number[] = []
  let order = 0
  const createUnit = async (unit: SeedUnit, parent?: number, level = 0): Promise<void> => {
    const doc = await payload.create({
      collection: 'units',
      req,
      data: { code: unit.code, name: unit.name, shortName: unit.shortName, type: unit.type, parent, sortOrder: order++ },
    })
    unitIds.set(unit.code, doc.id)
    if (level > 0) assignable.push(doc.id)
    for (const child of unit.children ?? []) await createUnit(child, doc.id, level + 1)
  }
  await createUnit(DEMO_UNIT_TREE)
  log(`units: ${unitIds.size}`)

  const ctx: SeedContext = {
    unitIds: assignable,
    codeId: (list, code) => codeIndex.get(`${list}:${code}`),
    codes: (list) => CODE_LISTS.filter((c) => c.list === list).map((c) => ({ id: codeIndex.get(`${c.list}:${c.code}`)!, code: c.code, name: c.name })),
    ranks: RANKS.map((r, i) => ({ id: rankIds[i] as number, code: r.code, kind: r.kind, group: r.group, coefficients: r.coefficients })),
    today: todayInVietnam(new Date()),
  }

  // Staff and histories in batches: generated in memory, written with one statement per table and batch.
  const demoUnit = unitIds.get(`${DEMO_HR_UNIT_CODE}.P01`)!
  let historyRows = 0
  let demoStaffId: number | undefined
  const BATCH = 5000
  for (let start = 1; start <= options.staff; start += BATCH) {
    const end = Math.min(options.staff, start + BATCH - 1)
    const people = []
    for (let i = start; i <= end; i++) {
      people.push(generatePerson(rng, i, ctx, i === 1 ? { ...DEMO_PERSON, unitId: demoUnit } : {}))
    }
    // Written past Payload's hooks, so sealed here: the identifiers never reach the table in plaintext.
    const keyring = dataKeyring()
    const staffRows = people.map((p) => {
      const fullName = normalizePersonName(p.staff.fullName as string)
      return sealedRow({ ...p.staff, fullName, searchName: searchKey(fullName), sortName: sortKey(fullName), unitPath: '' }, keyring)
    })
    const ids = (await bulkInsert(db, 'staff', staffRows, STAFF_RELATIONSHIPS)) as number[]
    if (start === 1) demoStaffId = ids[0]
    const byTable = new Map<string, Array<Record<string, unknown>>>()
    people.forEach((p, k) => {
      for (const [slug, rows] of Object.entries(p.histories)) {
        const table = slug.replace(/-/g, '_')
        const list = byTable.get(table) ?? []
        for (const row of rows) list.push({ ...row, staff: ids[k] })
        byTable.set(table, list)
      }
    })
    for (const [table, rows] of byTable) {
      await bulkInsert(db, table, rows, HISTORY_RELATIONSHIPS)
      historyRows += rows.length
    }
    log(`staff: ${end}/${options.staff} (${historyRows} history rows)`)
  }

  const password = demoPassword()
  const own = options.cast ? await castRecords(db, unitIds, demoStaffId!) : new Map<string, { id: number; fullName: string }>()
  for (const account of DEMO_ACCOUNTS) {
    const record = account.role === 'staff' ? { id: demoStaffId!, fullName: DEMO_PERSON.fullName } : own.get(account.email)
    await payload.create({
      collection: 'accounts',
      req,
      data: {
        email: account.email,
        password,
        displayName: record && account.role !== 'staff' ? `${record.fullName} — ${account.description.split(' / ')[0]}` : account.description.split(' / ')[0],
        roles: [account.role],
        unit: account.role === 'auditor' || !account.unit ? undefined : unitIds.get(account.unit),
        staff: record?.id,
      },
    })
  }
  let accounts: number = DEMO_ACCOUNTS.length
  if (options.cast) {
    const taken = [demoStaffId!, ...[...own.values()].map((r) => r.id)]
    const { rows } = (await db.execute(
      sql`SELECT id, full_name AS "fullName", email FROM staff WHERE NOT (id = ANY(${`{${taken.join(',')}}`}::int[])) ORDER BY id LIMIT ${DEMO_CAST_ACCOUNTS}`,
    )) as unknown as { rows: Array<{ id: number; fullName: string; email: string }> }
    for (const person of rows) {
      await payload.create({ collection: 'accounts', req, data: { email: person.email, password, displayName: person.fullName, roles: ['staff'], staff: person.id } })
    }
    accounts += rows.length
    log(`demo cast: ${own.size} officers linked to their records, ${rows.length} staff accounts`)
  }
  return {
    units: unitIds.size,
    staff: options.staff,
    historyRows,
    codes: codeIds.length,
    ranks: rankIds.length,
    accounts,
  }
}

/**
 * A staff record for each officer of the demo cast, in the officer's own unit (or below it): the first records
 * there not yet taken, so the generated people stay as they are.
 */
async function castRecords(db: Awaited<ReturnType<typeof transactionDb>>, unitIds: Map<string, number>, demoStaffId: number): Promise<Map<string, { id: number; fullName: string }>> {
  const out = new Map<string, { id: number; fullName: string }>()
  const taken: number[] = [demoStaffId]
  for (const account of DEMO_ACCOUNTS) {
    if (account.role === 'staff' || !account.unit) continue
    const { rows } = (await db.execute(sql`
      SELECT id, full_name AS "fullName" FROM staff
       WHERE unit_path LIKE ${subtreePattern(unitIds.get(account.unit)!)} AND NOT (id = ANY(${`{${taken.join(',')}}`}::int[]))
       ORDER BY id LIMIT 1`)) as unknown as { rows: Array<{ id: number; fullName: string }> }
    if (rows[0]) {
      out.set(account.email, rows[0])
      taken.push(rows[0].id)
    }
  }
  return out
}
