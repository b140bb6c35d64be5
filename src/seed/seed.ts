import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE } from './names'
import { Random } from './random'
import { DEMO_HR_UNIT_CODE, DEMO_UNIT_TREE, type SeedUnit } from './units'

export const DEMO_ACCOUNTS = [
  { email: 'admin@hoso.local', role: 'sysadmin', description: 'Quản trị hệ thống / System administrator' },
  { email: 'nhansu@hoso.local', role: 'unit-hr', description: 'Cán bộ tổ chức Vụ Công chức – Viên chức / HR officer' },
  { email: 'canbo@hoso.local', role: 'staff', description: 'Cán bộ Vụ Công chức – Viên chức / Staff member' },
] as const

export interface SeedOptions {
  staff: number
  seed?: number
  log?: (msg: string) => void
}

export interface SeedResult {
  units: number
  staff: number
  accounts: number
}

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD ?? 'hoso-demo-2026'
}

/** Demo accounts carry a known password: refused in production unless explicitly enabled. */
export function demoDataAllowed(): boolean {
  return process.env.NODE_ENV !== 'production' || process.env.HOSO_ALLOW_DEMO === 'true'
}

export async function databaseIsEmpty(payload: Payload): Promise<boolean> {
  const [units, accounts] = await Promise.all([
    payload.count({ collection: 'units' }),
    payload.count({ collection: 'accounts' }),
  ])
  return units.totalDocs === 0 && accounts.totalDocs === 0
}

function personName(rng: Random, gender: 'male' | 'female'): string {
  const family = rng.weighted(FAMILY_NAMES)
  const middle = rng.pick(gender === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE)
  const given = rng.pick(gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE)
  return `${family} ${middle} ${given}`
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString()
}

/**
 * Deterministic demo data in one transaction: the unit tree, `staff` records spread over it, and the
 * demo accounts. A failure leaves the database as it was.
 */
export async function seedDemoData(payload: Payload, options: SeedOptions): Promise<SeedResult> {
  if (!demoDataAllowed()) {
    throw new Error(
      'Dữ liệu mẫu và tài khoản mẫu bị từ chối khi NODE_ENV=production (đặt HOSO_ALLOW_DEMO=true nếu thật sự cần) / ' +
        'Demo data and demo accounts are refused in production unless HOSO_ALLOW_DEMO=true',
    )
  }
  const log = options.log ?? (() => {})
  const rng = new Random(options.seed ?? 20261125)
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const result = await seedWithin(payload, req, rng, options.staff, log)
    await commitTransaction(req)
    return result
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

async function seedWithin(payload: Payload, req: PayloadRequest, rng: Random, staffCount: number, log: (m: string) => void): Promise<SeedResult> {
  const unitIds = new Map<string, number>()
  const leafCodes: string[] = []
  let order = 0
  const createUnit = async (unit: SeedUnit, parent?: number): Promise<void> => {
    const doc = await payload.create({
      collection: 'units',
      req,
      data: { code: unit.code, name: unit.name, shortName: unit.shortName, type: unit.type, parent, sortOrder: order++ },
    })
    unitIds.set(unit.code, doc.id)
    if (!unit.children?.length) leafCodes.push(unit.code)
    for (const child of unit.children ?? []) await createUnit(child, doc.id)
  }
  await createUnit(DEMO_UNIT_TREE)
  log(`units: ${unitIds.size}`)

  const demoStaffUnit = `${DEMO_HR_UNIT_CODE}.P01`
  let demoStaffId: number | undefined
  for (let i = 1; i <= staffCount; i++) {
    const gender = rng.chance(0.52) ? 'female' : 'male'
    const unitCode = i === 1 ? demoStaffUnit : rng.pick(leafCodes)
    const year = rng.int(1966, 2002)
    const doc = await payload.create({
      collection: 'staff',
      req,
      data: {
        staffCode: `BNV-${String(i).padStart(6, '0')}`,
        fullName: i === 1 ? 'Nguyễn Thị Hường' : personName(rng, gender),
        gender: i === 1 ? 'female' : gender,
        birthDate: isoDate(year, rng.int(1, 12), rng.int(1, 28)),
        employmentType: rng.weighted([
          ['civil-servant', 70],
          ['public-employee', 22],
          ['contract', 6],
          ['cadre', 2],
        ] as const),
        unit: unitIds.get(unitCode)!,
      },
    })
    if (i === 1) demoStaffId = doc.id
    if (i % 1000 === 0) log(`staff: ${i}/${staffCount}`)
  }
  log(`staff: ${staffCount}`)

  const password = demoPassword()
  for (const account of DEMO_ACCOUNTS) {
    await payload.create({
      collection: 'accounts',
      req,
      data: {
        email: account.email,
        password,
        displayName: account.description.split(' / ')[0],
        roles: [account.role],
        unit: account.role === 'unit-hr' || account.role === 'staff' ? unitIds.get(DEMO_HR_UNIT_CODE) : undefined,
        staff: account.role === 'staff' ? demoStaffId : undefined,
      },
    })
  }
  return { units: unitIds.size, staff: staffCount, accounts: DEMO_ACCOUNTS.length }
}
