/**
 * Decisions with effective dates on a real PostgreSQL and a fixed clock: a future-dated transfer applies at
 * 00:00 Việt Nam time on its day and not before, exactly once even when two runs race; a late decision applies
 * at once with its true effective date in the history rows; revoking restores the state before, both steps
 * audited; leaving needs a second officer, disables the account and ends its sessions, and archives the record.
 */
import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import type pg from 'pg'
import PG from 'pg'

import { inTransaction } from '../../src/db/transaction'
import { reminderSettingsFrom } from '../../src/domain/reminders'
import { parseStaffListQuery } from '../../src/domain/staffListQuery'
import { peopleInSubtree } from '../../src/reminders/queries'
import { listStaff } from '../../src/search/staffList'
import { applyDecision } from '../../src/lifecycle/apply'
import { applyDueDecisions } from '../../src/lifecycle/schedule'
import { approveDecision, revokeDecision } from '../../src/lifecycle/workflow'
import { startTestPayload, stopTestPayload } from '../helpers/payload'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let sql: pg.Pool
const ids: Record<string, number> = {}
const accounts: Record<string, Record<string, unknown> & { id: number }> = {}

// 13/03/2027 23:59:59 and 14/03/2027 00:00:00 in Hà Nội.
const eveBefore = '2027-03-13T16:59:59Z'
const dayOf = '2027-03-13T17:00:00Z'

const as = (who: string) => ({ user: { ...accounts[who]!, collection: 'accounts' }, overrideAccess: false }) as const

async function reqAs(who: string): Promise<PayloadRequest> {
  return createLocalReq({ user: { ...accounts[who]!, collection: 'accounts' } as never }, payload)
}

const decision = (who: string, data: Record<string, unknown>) =>
  payload.create({
    collection: 'decisions',
    data: { signer: 'Nguyễn Văn Ký', issuingBody: 'Bộ Nội vụ', signedDate: '2027-03-01T00:00:00.000Z', ...data } as never,
    depth: 0,
    ...as(who),
  })

const staff = (id: number) => payload.findByID({ collection: 'staff', id, depth: 0, joins: false, overrideAccess: true })
const rows = async (table: string, staffId: number) => (await sql.query(`SELECT * FROM ${table} WHERE staff_id = $1 ORDER BY id`, [staffId])).rows
const events = async (detailAction: string, decisionId: number) =>
  (await sql.query(`SELECT * FROM audit_events WHERE target_collection = 'decisions' AND record_ids LIKE $1 AND detail->>'action' = $2`, [`%.${decisionId}.%`, detailAction])).rows

beforeAll(async () => {
  process.env.HOSO_LIFECYCLE_NOW = '2027-03-10T03:00:00Z'
  const started = await startTestPayload()
  payload = started.payload
  sql = new PG.Pool({ connectionString: started.databaseUrl, max: 4 })
  const ministry = await payload.create({ collection: 'units', data: { code: 'BNV', name: 'Bộ Nội vụ', type: 'ministry' } })
  const vuA = await payload.create({ collection: 'units', data: { code: 'VA', name: 'Vụ A', type: 'department', parent: ministry.id } })
  const phong = await payload.create({ collection: 'units', data: { code: 'VA-P1', name: 'Phòng 1 thuộc Vụ A', type: 'division', parent: vuA.id } })
  const vuB = await payload.create({ collection: 'units', data: { code: 'VB', name: 'Vụ B', type: 'department', parent: ministry.id } })
  Object.assign(ids, { vuA: vuA.id, phong: phong.id, vuB: vuB.id })
  ids.rank = (
    await payload.create({
      collection: 'ranks',
      data: { code: '01.003', name: 'Chuyên viên', kind: 'ngach', group: 'A1', coefficients: [2.34, 2.67, 3.0, 3.33, 3.66, 3.99, 4.32, 4.65, 4.98] },
    })
  ).id
  const person = async (staffCode: string, fullName: string, unit: number) =>
    (
      await payload.create({
        collection: 'staff',
        data: { staffCode, fullName, gender: 'male', birthDate: '1966-05-20T00:00:00.000Z', employmentType: 'civil-servant', unit, hometown: 'Nam Định', position: 'Chuyên viên' },
      })
    ).id
  ids.binh = await person('L-1', 'Phạm Văn Bình', vuA.id)
  ids.cuong = await person('L-2', 'Đỗ Văn Cường', vuA.id)
  ids.dung = await person('L-3', 'Hoàng Văn Dũng', vuA.id)
  const account = async (key: string, email: string, roles: string[], extra: Record<string, unknown> = {}) => {
    accounts[key] = (await payload.create({ collection: 'accounts', data: { email, password: PASSWORD, roles, ...extra } as never })) as never
  }
  // The first account of an installation becomes its system administrator (hooks/accounts/firstAccountIsSysadmin.ts).
  await account('admin', 'admin@test.local', ['sysadmin'])
  await account('hrA', 'hr-a@test.local', ['staff', 'unit-hr'], { unit: vuA.id })
  await account('hrA2', 'hr-a2@test.local', ['staff', 'unit-hr'], { unit: vuA.id })
  await account('tccb', 'tccb@test.local', ['ministry-hr'])
  await account('cuong', 'cuong@test.local', ['staff'], { staff: ids.cuong })
}, 300_000)

afterAll(async () => {
  delete process.env.HOSO_LIFECYCLE_NOW
  await sql?.end()
  await stopTestPayload(payload)
})

test('a future-dated transfer is upcoming until 00:00 Việt Nam time on its day, then applies once with its history row', async () => {
  const d = await decision('hrA', { kind: 'reassignment', number: '101/QĐ-BNV', staff: ids.binh, effectiveDate: '2027-03-14T00:00:00.000Z', changes: { unit: ids.phong, position: 'Phó Trưởng phòng' } })
  expect(d.state).toBe('approved')
  expect(await applyDueDecisions(payload, new Date(eveBefore))).toEqual({ locked: false, applied: [], failed: [] })
  expect((await staff(ids.binh)).unit).toBe(ids.vuA)

  // Two runs at midnight (two instances): one applies, the other finds nothing left to do.
  const runs = await Promise.all([applyDueDecisions(payload, new Date(dayOf)), applyDueDecisions(payload, new Date(dayOf))])
  expect(runs.flatMap((r) => r.applied)).toEqual([d.id])
  const after = await staff(ids.binh)
  expect(after.unit).toBe(ids.phong)
  expect(after.position).toBe('Phó Trưởng phòng')
  const work = await rows('work_history', ids.binh)
  expect(work).toHaveLength(1)
  expect(work[0]).toMatchObject({ organisation: 'Phòng 1 thuộc Vụ A', position: 'Phó Trưởng phòng', decision_number: '101/QĐ-BNV' })
  expect((work[0].from_month as Date).toISOString()).toBe('2027-03-14T00:00:00.000Z')
  expect(await events('apply', d.id)).toHaveLength(1)
  expect((await events('apply', d.id))[0].detail).toMatchObject({ by: 'schedule', effectiveDate: '2027-03-14T00:00:00.000Z' })

  // The claim itself: applying the same decision again, even in racing transactions, changes nothing.
  const tries = await Promise.all([0, 1].map(async () => {
    const req = await createLocalReq({}, payload)
    return inTransaction(req, () => applyDecision(req, d.id, new Date(dayOf), 'schedule'))
  }))
  expect(tries).toEqual([false, false])
  expect(await rows('work_history', ids.binh)).toHaveLength(1)
})

test('a late decision applies at once; its history rows carry the true effective date', async () => {
  const d = await decision('hrA', { kind: 'salary-step', number: '55/QĐ-VA', staff: ids.dung, effectiveDate: '2026-11-01T00:00:00.000Z', changes: { salaryStep: 3, salaryCoefficient: 3.0 } })
  // No rank on the record: the current values change; a rank promotion gives the salary row its rank code.
  expect(d.state).toBe('applied')
  expect(await staff(ids.dung)).toMatchObject({ salaryStep: 3, salaryCoefficient: 3, salaryStepDate: '2026-11-01T00:00:00.000Z' })
  const p = await decision('hrA', { kind: 'rank-promotion', number: '56/QĐ-VA', staff: ids.dung, effectiveDate: '2026-12-01T00:00:00.000Z', changes: { rank: ids.rank, salaryStep: 4, salaryCoefficient: 3.33 } })
  expect(p.state).toBe('applied')
  const salary = await rows('salary_history', ids.dung)
  expect(salary).toHaveLength(1)
  expect(salary[0]).toMatchObject({ rank_code: '01.003', decision_number: '56/QĐ-VA' })
  expect((salary[0].effective_date as Date).toISOString()).toBe('2026-12-01T00:00:00.000Z')
  expect((await events('apply', p.id))[0].detail).toMatchObject({ by: 'entry' })
})

test('revoking an applied decision restores the state before; both steps are audited', async () => {
  const d = await decision('hrA', { kind: 'appointment', number: '77/QĐ-BNV', staff: ids.dung, effectiveDate: '2027-02-01T00:00:00.000Z', changes: { position: 'Trưởng phòng' } })
  expect(d.state).toBe('applied')
  expect((await staff(ids.dung)).position).toBe('Trưởng phòng')
  expect(await rows('work_history', ids.dung)).toHaveLength(1)

  await expect(revokeDecision(await reqAs('hrA'), d.id, '  ')).rejects.toThrow(/lý do/)
  const revoked = await revokeDecision(await reqAs('hrA'), d.id, 'Nhập nhầm người')
  expect(revoked).toMatchObject({ state: 'revoked', revocationReason: 'Nhập nhầm người', revokedBy: accounts.hrA!.id })
  expect((await staff(ids.dung)).position).toBe('Chuyên viên')
  expect(await rows('work_history', ids.dung)).toHaveLength(0)
  expect(await events('apply', d.id)).toHaveLength(1)
  expect(await events('revoke', d.id)).toHaveLength(1)
  await expect(revokeDecision(await reqAs('hrA'), d.id, 'lần nữa')).rejects.toMatchObject({ kind: 'conflict' })
})

test('a unit HR officer cannot move someone out of their subtree: the one transfer rule answers 403', async () => {
  await expect(decision('hrA', { kind: 'reassignment', number: '9/QĐ', staff: ids.dung, effectiveDate: '2027-04-01T00:00:00.000Z', changes: { unit: ids.vuB } })).rejects.toMatchObject({
    status: 403,
    message: expect.stringContaining('nằm ngoài phạm vi quản lý'),
  })
  expect(await rows('decisions', ids.dung).then((r) => r.filter((x) => x.number === '9/QĐ'))).toHaveLength(0)
})

test('leaving needs a second officer; it disables the account, ends its sessions and archives the record', async () => {
  const login = await payload.login({ collection: 'accounts', data: { email: 'cuong@test.local', password: PASSWORD } })
  expect(login.token).toBeTruthy()
  const sessionsOf = async () => Number((await sql.query(`SELECT count(*) AS n FROM accounts_sessions WHERE _parent_id = $1`, [accounts.cuong!.id])).rows[0].n)
  expect(await sessionsOf()).toBeGreaterThan(0)

  const d = await decision('hrA', { kind: 'retirement', number: '200/QĐ-BNV', staff: ids.cuong, effectiveDate: '2027-03-01T00:00:00.000Z' })
  expect(d.state).toBe('pending-approval')
  expect((await staff(ids.cuong)).employmentStatus).toBe('active')
  await expect(approveDecision(await reqAs('hrA'), d.id)).rejects.toMatchObject({ kind: 'forbidden', message: expect.stringContaining('không được tự phê duyệt') })

  const approved = await approveDecision(await reqAs('hrA2'), d.id)
  expect(approved).toMatchObject({ state: 'applied', approvedBy: accounts.hrA2!.id })
  expect(await staff(ids.cuong)).toMatchObject({ employmentStatus: 'retired', employmentStatusSince: '2027-03-01T00:00:00.000Z' })
  const account = await payload.findByID({ collection: 'accounts', id: accounts.cuong!.id, overrideAccess: true })
  expect(account.disabled).toBe(true)
  expect(await sessionsOf()).toBe(0)
  await expect(payload.login({ collection: 'accounts', data: { email: 'cuong@test.local', password: PASSWORD } })).rejects.toThrow(/vô hiệu hóa|disabled/)

  // Archived: read-only for everyone, ministry HR included; out of the unit's reach; a revocation still works.
  await expect(payload.update({ collection: 'staff', id: ids.cuong, data: { hometown: 'Hà Nội' }, ...as('tccb') })).rejects.toMatchObject({
    status: 403,
    message: expect.stringContaining('Hồ sơ đã lưu trữ (Đã nghỉ hưu): chỉ được xem, không được sửa'),
  })
  await expect(
    payload.create({ collection: 'work-history', data: { staff: ids.cuong, fromMonth: '2020-01-01T00:00:00.000Z', organisation: 'Vụ A' }, ...as('tccb') }),
  ).rejects.toMatchObject({ status: 403 })
  const visible = async (who: string, id: number) => (await payload.find({ collection: 'staff', where: { id: { equals: id } }, depth: 0, ...as(who) })).totalDocs
  expect([await visible('hrA', ids.cuong), await visible('hrA', ids.binh), await visible('tccb', ids.cuong)]).toEqual([0, 1, 1])

  // Out of the active list and the reminder digests; in "Hồ sơ đã nghỉ".
  const listed = async (archived: string) => {
    const query = parseStaffListQuery([['unit', String(ids.vuA)], ['archived', archived]])
    if ('error' in query) throw new Error(query.error.en)
    return (await listStaff(sql, query, { kind: 'all' })).docs.map((r) => r.id)
  }
  expect(await listed('false')).not.toContain(ids.cuong)
  expect(await listed('false')).toContain(ids.binh)
  expect(await listed('true')).toEqual([ids.cuong])
  const reminded = (await peopleInSubtree(sql, null, reminderSettingsFrom({}), new Date(dayOf))).map((p) => p.staffId)
  expect(reminded).toContain(ids.binh)
  expect(reminded).not.toContain(ids.cuong)

  await revokeDecision(await reqAs('tccb'), d.id, 'Quyết định bị thu hồi')
  expect(await staff(ids.cuong)).toMatchObject({ employmentStatus: 'active', employmentStatusSince: null })
  expect((await payload.findByID({ collection: 'accounts', id: accounts.cuong!.id, overrideAccess: true })).disabled).toBe(false)
  expect(await visible('hrA', ids.cuong)).toBe(1)
})
