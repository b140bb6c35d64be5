/**
 * Statistical reports over REST on real PostgreSQL: every cell of every shipped report equals a brute-force count
 * in TypeScript over the seeded people (the snapshot rules written again from the raw rows, with the domain's own
 * statusAt, ageOn and retirementDate), splits and subtotals add up, a promotion, a transfer and a training after D
 * leave the report at D unchanged, scope and sensitive columns follow the reader, and the Excel file reads back.
 */
import ExcelJS from 'exceljs'
import pg from 'pg'
import type { Payload } from 'payload'

import { drainAuditOutbox } from '../../src/audit/outbox'
import { ageOn, todayInVietnam } from '../../src/domain/dates'
import { countsAsActive, DECISION_EFFECTS, statusAt, type DecisionKind } from '../../src/domain/lifecycle'
import {
  evaluate,
  leavesOf,
  partitionsOf,
  SHIPPED_DEFINITIONS,
  TRAINING_LEVELS,
  type PersonSnapshot,
  type ReportDefinition,
} from '../../src/domain/reports'
import { retirementDate } from '../../src/domain/retirement'
import { retirementSql } from '../../src/reports/snapshotSql'
import { seedDemoData } from '../../src/seed/seed'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { inProcessRest } from '../helpers/rest'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
const DAY = 86_400_000
let payload: Payload
let sql: pg.Pool
let rest: ReturnType<typeof inProcessRest>
const tokens: Record<string, string> = {}
const accounts: Record<string, any> = {}
let units: Array<{ id: number; code: string; name: string; path: string; parent_id: number | null }>
const today = todayInVietnam(new Date())
const iso = (d: Date) => d.toISOString().slice(0, 10)
const PAST = new Date(Date.UTC(today.getUTCFullYear() - 3, 5, 30))

const as = (who: string) => (path: string) => rest.call('GET', path, { token: tokens[who] })

beforeAll(async () => {
  process.env.DEMO_PASSWORD = PASSWORD
  // The brute-force comparisons run many reports in a minute; the limit itself has its own test.
  process.env.HOSO_REPORT_RUNS_PER_MINUTE = '1000'
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 160 })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 2 })
  rest = inProcessRest(payload)
  units = (await sql.query('SELECT id, code, name, path, parent_id FROM units')).rows
  const vccvc = units.find((u) => u.code === 'VCCVC')!
  const create = async (who: string, email: string, roles: string[], unit?: number) => {
    accounts[who] = await payload.create({ collection: 'accounts', data: { email, password: PASSWORD, roles, unit } as never })
  }
  await create('ministry', 'tccb-r@test.local', ['ministry-hr'])
  await create('headA', 'head-r@test.local', ['unit-head'], vccvc.id)
  await create('nobody', 'sysadmin-r@test.local', ['sysadmin'])
  // HR of the sibling department VTCBC with an approved read grant over VCCVC's subtree.
  const vtcbc = units.find((u) => u.code === 'VTCBC')!
  await create('hrB', 'hr-b-r@test.local', ['unit-hr'], vtcbc.id)
  const grant = await payload.create({
    collection: 'access-grants',
    data: { grantee: accounts.hrB.id, action: 'read', units: [vccvc.id], purpose: 'Thống kê', status: 'pending', validFrom: new Date(Date.now() - DAY).toISOString(), validTo: new Date(Date.now() + DAY).toISOString() } as never,
  })
  await payload.update({ collection: 'access-grants', id: grant.id, data: { status: 'approved' } as never, user: { ...accounts.ministry, collection: 'accounts' } as never })
  for (const [who, email] of Object.entries({ ministry: 'tccb-r@test.local', hrA: 'nhansu@hoso.local', headA: 'head-r@test.local', nobody: 'sysadmin-r@test.local', hrB: 'hr-b-r@test.local' })) {
    tokens[who] = await rest.login(email, PASSWORD)
  }
})

afterAll(async () => {
  await sql?.end()
  await stopTestPayload(payload)
})

// ——— the brute force: the snapshot at D from the raw rows, in TypeScript ———

type Raw = Awaited<ReturnType<typeof loadRaw>>
async function loadRaw() {
  const q = async (text: string) => (await sql.query(text)).rows
  return {
    staff: await q('SELECT * FROM staff'),
    salary: await q('SELECT * FROM salary_history'),
    training: await q("SELECT t.*, k.code AS kind_code FROM training_records t JOIN codes k ON k.id = t.kind_id AND k.list = 'training-kind'"),
    decisions: await q('SELECT * FROM decisions'),
    codes: await q('SELECT * FROM codes'),
    ranks: await q('SELECT * FROM ranks'),
  }
}

function snapshots(raw: Raw, at: Date): Array<{ id: number; unitId: number; s: PersonSnapshot }> {
  const t = (d: Date | null) => (d == null ? null : new Date(d).getTime())
  const code = (id: number | null) => (id == null ? null : raw.codes.find((c) => c.id === id)?.code ?? null)
  const out: Array<{ id: number; unitId: number; s: PersonSnapshot }> = []
  for (const p of raw.staff) {
    const decisions = raw.decisions.filter((d) => d.staff_id === p.id)
    const facts = decisions.map((d) => ({ id: d.id, kind: d.kind as DecisionKind, state: d.state, effectiveDate: d.effective_date, signedDate: d.signed_date }))
    if (p.recruitment_date && t(p.recruitment_date)! > at.getTime()) continue
    if (!countsAsActive(statusAt(facts, at).status)) continue
    const order = (a: any, b: any) => t(a.effective_date)! - t(b.effective_date)! || t(a.signed_date)! - t(b.signed_date)! || a.id - b.id
    const moves = decisions.filter((d) => d.state === 'applied' && d.changes_unit_id != null && DECISION_EFFECTS[d.kind as DecisionKind].unit).sort(order)
    const before = moves.filter((d) => t(d.effective_date)! <= at.getTime())
    const after = moves.filter((d) => t(d.effective_date)! > at.getTime() && d.applied?.previous && 'unit' in d.applied.previous)
    const unitId = before.length ? before[before.length - 1].changes_unit_id : after.length ? Number(after[0].applied.previous.unit) : p.unit_id
    const salary = raw.salary
      .filter((h) => h.staff_id === p.id && t(h.effective_date)! <= at.getTime() && (h.end_date == null || t(h.end_date)! >= at.getTime()))
      .sort((a, b) => t(b.effective_date)! - t(a.effective_date)! || b.id - a.id)[0]
    const rank = salary ? raw.ranks.find((r) => r.code === salary.rank_code) : null
    const level = (l: (typeof TRAINING_LEVELS)[number]) => {
      const rows = raw.training.filter((r) => r.staff_id === p.id && r.kind_code === l.kind)
      const ends = rows.filter((r) => r.to_month != null).map((r) => t(r.to_month)!)
      if (!ends.length || Math.max(...ends) <= at.getTime()) return code(p[l.staffColumn])
      const matched = rows
        .filter((r) => r.to_month != null && t(r.to_month)! <= at.getTime())
        .map((r) => raw.codes.find((c) => c.list === l.list && r.qualification && (c.name.toLowerCase() === r.qualification.trim().toLowerCase() || c.code.toUpperCase() === r.qualification.trim().toUpperCase())))
        .filter(Boolean)
        .sort((a, b) => (b.rank == null ? -1 : Number(b.rank)) - (a.rank == null ? -1 : Number(a.rank)) || (a.code < b.code ? -1 : 1))
      return matched[0]?.code ?? null
    }
    const levels = Object.fromEntries(TRAINING_LEVELS.map((l) => [l.item, level(l)]))
    out.push({
      id: p.id,
      unitId,
      s: {
        gender: p.gender,
        employmentType: p.employment_type,
        age: ageOn(p.birth_date, at).years,
        pastRetirement: retirementDate(p.birth_date, p.gender).getTime() < at.getTime(),
        rankCode: rank ? rank.code : null,
        rankGroup: rank ? rank.group : null,
        rankKind: rank ? rank.kind : null,
        qualification: levels.qualification ?? null,
        politicalTheory: levels.politicalTheory ?? null,
        stateManagement: levels.stateManagement ?? null,
        itLevel: levels.itLevel ?? null,
        partyMember: p.party_join_date != null && t(p.party_join_date)! <= at.getTime(),
        ethnicMinority: p.ethnicity_id == null ? null : code(p.ethnicity_id) !== '01',
        religious: p.religion_id == null ? null : code(p.religion_id) !== '00',
      },
    })
  }
  return out
}

function bruteForce(def: ReportDefinition, snaps: ReturnType<typeof snapshots>, rowPath: string, key: string): number {
  const leaf = leavesOf(def.columns).find((l) => l.key === key)!
  const pathOf = new Map(units.map((u) => [u.id, u.path]))
  return snaps.filter((p) => pathOf.get(p.unitId)?.startsWith(rowPath) && evaluate(def.population, p.s) && evaluate(leaf.when, p.s)).length
}

function checkInvariants(def: ReportDefinition, body: any) {
  for (const row of [...body.rows, { cells: body.totals }]) {
    for (const { total, parts } of partitionsOf(def.columns)) {
      expect([total, parts.reduce((n: number, k: string) => n + row.cells[k], 0)]).toEqual([total, row.cells[total]])
    }
  }
  for (const row of body.rows) {
    const children = body.rows.filter((r: any) => r.unit.parent === row.unit.id)
    if (!children.length) continue
    for (const k of Object.keys(row.cells)) expect(row.own[k] + children.reduce((n: number, c: any) => n + c.cells[k], 0)).toBe(row.cells[k])
  }
  const roots = body.rows.filter((r: any) => r.level === 0)
  for (const k of Object.keys(body.totals)) expect(roots.reduce((n: number, r: any) => n + r.cells[k], 0)).toBe(body.totals[k])
}

async function compareEveryCell(at: Date) {
  const raw = await loadRaw()
  const snaps = snapshots(raw, at)
  let checked = 0
  let nonZero = 0
  for (const def of SHIPPED_DEFINITIONS) {
    const r = await as('ministry')(`/api/reports/${def.code}?date=${iso(at)}`)
    expect(r.status).toBe(200)
    expect(r.body.leaves.map((l: any) => l.key)).toEqual(leavesOf(def.columns).map((l) => l.key))
    for (const row of r.body.rows) {
      const path = units.find((u) => u.id === row.unit.id)!.path
      for (const key of Object.keys(row.cells)) {
        expect([def.code, row.unit.code, key, row.cells[key]]).toEqual([def.code, row.unit.code, key, bruteForce(def, snaps, path, key)])
        checked++
        if (row.cells[key] > 0) nonZero++
      }
    }
    checkInvariants(def, r.body)
  }
  return { checked, nonZero }
}

// ——— tests ———

test('the retirement date in SQL equals the TypeScript rule of NĐ 135/2020 for every seeded person', async () => {
  const { rows } = await sql.query(`SELECT id, gender::text AS gender, birth_date, ${retirementSql("(birth_date AT TIME ZONE 'UTC')::date", 'gender::text')}::text AS r FROM staff`)
  expect(rows.length).toBeGreaterThan(100)
  for (const p of rows) expect([p.id, p.r]).toEqual([p.id, iso(retirementDate(p.birth_date, p.gender))])
})

test('every cell of every shipped report equals the brute-force count, today and three years ago; splits and subtotals add up', async () => {
  for (const at of [today, PAST]) {
    const { checked, nonZero } = await compareEveryCell(at)
    expect(checked).toBeGreaterThan(1000)
    expect(nonZero).toBeGreaterThan(100)
  }
})

test('a promotion, a transfer and a training after D leave the report at D as it was; today they count', async () => {
  const vccvc = units.find((u) => u.code === 'VCCVC')!
  const vtcbc = units.find((u) => u.code === 'VTCBC')!
  const D = new Date(today.getTime() - 20 * DAY)
  const after = new Date(today.getTime() - 5 * DAY)
  const person = (await sql.query(
    `SELECT s.id, s.rank_id, r.code AS rank_code, r."group" AS rank_group FROM staff s JOIN ranks r ON r.id = s.rank_id
     WHERE s.unit_path LIKE $1 AND s.employment_type = 'civil-servant' AND r."group" = 'A1' AND s.employment_status = 'active' ORDER BY s.id LIMIT 1`,
    [`${vccvc.path}%`],
  )).rows[0]
  expect(person).toBeTruthy()
  const bm01 = SHIPPED_DEFINITIONS[0]!
  const cell = async (date: Date, unitId: number, col: string) => (await as('ministry')(`/api/reports/${bm01.code}/cell?row=${unitId}&date=${iso(date)}&col=${col}`)).body
  // The person's QLNN training on record says which level it gave (chuyên viên chính, ended long before D).
  const level = async (list: string, code: string) => (await sql.query('SELECT id, name FROM codes WHERE list = $1 AND code = $2', [list, code])).rows[0]
  const cvc = await level('state-management', 'CVC')
  const cvcc = await level('state-management', 'CVCC')
  const qlnn = (await sql.query(`SELECT id FROM codes WHERE list = 'training-kind' AND code = 'BD_QLNN'`)).rows[0].id
  await sql.query('UPDATE staff SET state_management_id = $1 WHERE id = $2', [cvc.id, person.id])
  await sql.query('UPDATE training_records SET qualification = $1, to_month = $2 WHERE staff_id = $3 AND kind_id = $4', [cvc.name, new Date(D.getTime() - 400 * DAY), person.id, qlnn])
  const beforeAtD = await as('ministry')(`/api/reports/${bm01.code}?date=${iso(D)}`)
  expect((await cell(D, vccvc.id, 'qlnn-cvc')).people.map((p: any) => p.id)).toContain(person.id)

  // After D: promoted to chuyên viên chính, moved to VTCBC, and a QLNN course for chuyên viên cao cấp completed.
  const cvcRank = (await sql.query(`SELECT id, code FROM ranks WHERE code = '01.002'`)).rows[0]
  const user = { ...accounts.ministry, collection: 'accounts' }
  const decide = (data: Record<string, unknown>) =>
    payload.create({ collection: 'decisions', data: { signer: 'Nguyễn Văn Ký', issuingBody: 'Bộ Nội vụ', signedDate: after.toISOString(), effectiveDate: after.toISOString(), staff: person.id, ...data } as never, user: user as never, overrideAccess: false })
  await decide({ kind: 'rank-promotion', number: '11/QĐ-BNV', changes: { rank: cvcRank.id, salaryStep: 1, salaryCoefficient: 4.4 } })
  await decide({ kind: 'reassignment', number: '12/QĐ-BNV', changes: { unit: vtcbc.id, position: 'Chuyên viên' } })
  await payload.create({ collection: 'training-records', data: { staff: person.id, kind: qlnn, institution: 'Học viện Hành chính Quốc gia', fromMonth: new Date(D.getTime() - 30 * DAY).toISOString(), toMonth: after.toISOString(), qualification: cvcc.name } as never, overrideAccess: true })
  await sql.query('UPDATE staff SET state_management_id = $1 WHERE id = $2', [cvcc.id, person.id])
  const state = (await sql.query('SELECT unit_id, rank_id FROM staff WHERE id = $1', [person.id])).rows[0]
  expect([state.unit_id, state.rank_id]).toEqual([vtcbc.id, cvcRank.id])

  // At D: the same report, the person in VCCVC among the chuyên viên, with the QLNN level its training had given by D.
  const atD = await as('ministry')(`/api/reports/${bm01.code}?date=${iso(D)}`)
  expect(atD.body.rows).toEqual(beforeAtD.body.rows)
  expect((await cell(D, vccvc.id, 'ngach-cv')).people.map((p: any) => p.id)).toContain(person.id)
  expect((await cell(D, vtcbc.id, 'tong-so')).people.map((p: any) => p.id)).not.toContain(person.id)
  // Today: in VTCBC among the chuyên viên chính.
  expect((await cell(today, vtcbc.id, 'ngach-cvc')).people.map((p: any) => p.id)).toContain(person.id)
  expect((await cell(today, vccvc.id, 'tong-so')).people.map((p: any) => p.id)).not.toContain(person.id)
  expect((await cell(D, vccvc.id, 'qlnn-cvc')).people.map((p: any) => p.id)).toContain(person.id)
  expect((await cell(today, vtcbc.id, 'qlnn-cvcc')).people.map((p: any) => p.id)).toContain(person.id)
  // And the brute force still agrees on every cell, at D and today.
  for (const at of [D, today]) await compareEveryCell(at)
})

test('scope: unit HR sees its subtree with sensitive columns; a unit head gets the report without them; others are refused', async () => {
  const vccvc = units.find((u) => u.code === 'VCCVC')!
  const vtcbc = units.find((u) => u.code === 'VTCBC')!
  const bm01 = SHIPPED_DEFINITIONS[0]!
  const hr = await as('hrA')(`/api/reports/${bm01.code}`)
  expect(hr.status).toBe(200)
  expect(hr.body.rows[0].unit.id).toBe(vccvc.id)
  expect(hr.body.rows.every((r: any) => units.find((u) => u.id === r.unit.id)!.path.startsWith(vccvc.path))).toBe(true)
  expect(hr.body.leaves.map((l: any) => l.key)).toContain('dang-vien')
  // A subtree's report (read only for people who are or were in it) counts as the whole ministry's rows for it.
  const whole = await as('ministry')(`/api/reports/${bm01.code}?date=${iso(PAST)}`)
  const part = await as('ministry')(`/api/reports/${bm01.code}?date=${iso(PAST)}&unit=${vccvc.id}`)
  for (const row of part.body.rows.filter((r: any) => r.level <= 1)) expect(row.cells).toEqual(whole.body.rows.find((r: any) => r.unit.id === row.unit.id).cells)
  expect(part.body.totals).toEqual(whole.body.rows.find((r: any) => r.unit.id === vccvc.id).cells)
  const head = await as('headA')(`/api/reports/${bm01.code}`)
  expect(head.status).toBe(200)
  const keys = head.body.leaves.map((l: any) => l.key)
  for (const k of ['dang-vien', 'dan-toc-thieu-so', 'ton-giao']) expect(keys).not.toContain(k)
  expect(head.body.omittedGroups).toEqual(expect.arrayContaining(['party', 'ethnicity', 'religion']))
  expect(head.body.totals['tong-so']).toBe(hr.body.totals['tong-so'])
  expect((await as('headA')(`/api/reports/${bm01.code}/cell?row=${vccvc.id}&col=dang-vien`)).status).toBe(404)
  expect((await as('hrA')(`/api/reports/${bm01.code}?unit=${vtcbc.id}`)).status).toBe(404)
  expect((await as('hrA')(`/api/reports/${bm01.code}/cell?row=${vtcbc.id}&col=tong-so`)).status).toBe(404)
  // A grant over VCCVC opens its report to HR of another unit, without the sensitive columns; their own unit keeps them.
  const granted = await as('hrB')(`/api/reports/${bm01.code}?unit=${vccvc.id}`)
  expect(granted.status).toBe(200)
  expect(granted.body.totals['tong-so']).toBe(hr.body.totals['tong-so'])
  expect(granted.body.leaves.map((l: any) => l.key)).not.toContain('dang-vien')
  expect((await as('hrB')(`/api/reports/${bm01.code}?unit=${vtcbc.id}`)).body.leaves.map((l: any) => l.key)).toContain('dang-vien')
  const both = await as('hrB')(`/api/reports/${bm01.code}`)
  expect(both.body.rows.filter((r: any) => r.level === 0).map((r: any) => r.unit.id).sort()).toEqual([vccvc.id, vtcbc.id].sort())
  expect(both.body.leaves.map((l: any) => l.key)).not.toContain('dang-vien')
  expect((await as('nobody')('/api/reports')).status).toBe(403)
  expect((await rest.call('GET', '/api/reports')).status).toBe(401)
  const listed = await as('hrA')('/api/reports')
  expect(listed.body.docs.map((d: any) => d.code)).toEqual(SHIPPED_DEFINITIONS.map((d) => d.code))
  expect(listed.body.docs.every((d: any) => d.formCode === null && d.legalBasis.length > 10)).toBe(true)
})

test('bad input is refused by name with 4xx and nothing runs', async () => {
  const bm01 = SHIPPED_DEFINITIONS[0]!.code
  const cases: Array<[string, number, RegExp]> = [
    [`/api/reports/${bm01}?date=2026-02-30`, 400, /Ngày báo cáo "2026-02-30" không hợp lệ/],
    [`/api/reports/${bm01}?date=${iso(new Date(today.getTime() + 2 * DAY))}`, 400, /ở tương lai/],
    [`/api/reports/${bm01}?unit=abc`, 400, /Mã đơn vị "abc"/],
    [`/api/reports/${bm01}?unitId=1`, 400, /Tham số "unitId"/],
    [`/api/reports/${bm01}?format=docx`, 400, /Định dạng "docx"/],
    ['/api/reports/khong-co', 404, /Không có báo cáo "khong-co"/],
    [`/api/reports/${bm01}/cell?row=1`, 400, /Thiếu mã cột/],
    [`/api/reports/${bm01}/cell?row=1&col=zzz`, 404, /không có cột "zzz"/],
  ]
  for (const [path, status, message] of cases) {
    const r = await as('ministry')(path)
    expect([path, r.status]).toEqual([path, status])
    expect(r.body.errors[0].message).toMatch(message)
  }
})

test('runs, exports and drill-downs are audit events; a drill-down names the people it shows', async () => {
  const vccvc = units.find((u) => u.code === 'VCCVC')!
  const code = SHIPPED_DEFINITIONS[0]!.code
  const r = await as('hrA')(`/api/reports/${code}/cell?row=${vccvc.id}&col=tong-so`)
  expect(r.status).toBe(200)
  expect(r.body.people.length).toBeGreaterThan(0)
  expect(Object.keys(r.body.people[0]).sort()).toEqual(['birthDate', 'fullName', 'gender', 'id', 'rankCode', 'staffCode', 'unitAtDate'])
  await as('hrA')(`/api/reports/${code}`)
  await drainAuditOutbox(sql)
  const events = (await sql.query(`SELECT operation::text, target_collection, record_ids, detail FROM audit_events WHERE actor_name IS NOT NULL AND (target_collection = 'reports' OR detail->>'report' IS NOT NULL) ORDER BY id`)).rows
  const drill = events.filter((e) => e.target_collection === 'staff' && e.detail.col === 'tong-so' && e.detail.row === vccvc.id).at(-1)
  expect(drill).toBeTruthy()
  for (const p of r.body.people) expect(drill.record_ids).toContain(`.${p.id}.`)
  expect(events.some((e) => e.target_collection === 'reports' && e.operation === 'read' && e.detail.report === code)).toBe(true)
})

test('Excel: merged multi-level headers, header and footer text, the column-number row, indented units and the same numbers', async () => {
  const def = SHIPPED_DEFINITIONS[0]!
  const json = (await as('ministry')(`/api/reports/${def.code}?date=${iso(PAST)}`)).body
  const res = await as('ministry')(`/api/reports/${def.code}?date=${iso(PAST)}&format=xlsx`)
  expect(res.status).toBe(200)
  const request = new Request(`http://localhost/api/reports/${def.code}?date=${iso(PAST)}&format=xlsx`, { headers: { Authorization: `JWT ${tokens.ministry}` } })
  const { handleEndpoints } = await import('payload')
  const file = await handleEndpoints({ config: payload.config, request })
  expect(file.headers.get('content-type')).toContain('spreadsheetml')
  const bytes = Buffer.from(await file.arrayBuffer())
  // The export is kept as an edition: definition version, date, units, parameters, the file's hash.
  const { createHash } = await import('node:crypto')
  const edition = (await sql.query('SELECT * FROM report_editions WHERE id = $1', [Number(file.headers.get('x-hoso-edition'))])).rows[0]
  expect(edition).toEqual(expect.objectContaining({ code: def.code, version: String(def.version), report_date: iso(PAST), format: 'xlsx', file_hash: createHash('sha256').update(bytes).digest('hex') }))
  expect(edition.units).toEqual(json.scope.unitIds)
  expect(edition.definition.columns).toEqual(JSON.parse(JSON.stringify(def.columns)))
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as never)
  const ws = wb.worksheets[0]!
  const texts: string[] = []
  ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))))
  for (const t of [def.title, 'Đơn vị nhận báo cáo: Bộ Nội vụ', 'Đơn vị tính: người', 'NGƯỜI LẬP BẢNG', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, đóng dấu)', 'Chia theo ngạch công chức', 'Từ 51 đến tuổi nghỉ hưu', 'Trên tuổi nghỉ hưu']) {
    expect(texts).toContain(t)
  }
  expect(texts.some((t) => t.startsWith('Tính đến ngày '))).toBe(true)
  // Header rows: find "STT"; it spans the header depth, as do leaf columns under shallower groups.
  let top = 0
  ws.eachRow((row, n) => { if (!top && row.getCell(1).value === 'STT') top = n })
  const merges: string[] = (ws as any).model.merges
  expect(merges).toContain(`A${top}:A${top + 2}`)
  const groupCell = ws.getRow(top).values as unknown[]
  const ngachCol = groupCell.indexOf('Chia theo ngạch công chức')
  const letter = (c: number) => ws.getColumn(c).letter
  expect(merges).toContain(`${letter(ngachCol)}${top}:${letter(ngachCol + 4)}${top}`)
  // Column numbers, then the total row and units with their numbers.
  const numbers = ws.getRow(top + 3)
  expect(numbers.getCell(1).value).toBe('A')
  expect(numbers.getCell(3).value).toBe(1)
  expect(numbers.getCell(2 + json.leaves.length).value).toBe(json.leaves.length)
  const total = ws.getRow(top + 4)
  expect(total.getCell(2).value).toBe('Tổng cộng')
  json.leaves.forEach((l: any) => expect(total.getCell(2 + l.number).value).toBe(json.totals[l.key]))
  json.rows.forEach((r: any, i: number) => {
    const row = ws.getRow(top + 5 + i)
    expect(row.getCell(2).value).toBe(r.unit.name)
    expect(row.getCell(2).alignment?.indent ?? 0).toBe(r.level * 2)
    json.leaves.forEach((l: any) => expect(row.getCell(2 + l.number).value).toBe(r.cells[l.key]))
  })
})

test('ministry HR adds a definition without code: a bad one is refused by name, a good one is listed and runs; others may not', async () => {
  const base = { code: 'nu-theo-tuoi', version: 1, title: 'Nữ theo độ tuổi', formCode: null, legalBasis: 'Thống kê phục vụ quản lý', population: { field: 'gender', eq: 'female' }, rows: { depth: 1 }, header: { left: [], right: ['Đơn vị báo cáo: {unit}'] }, footer: { left: [], right: [] } }
  const columns = [{ key: 'tong', label: 'Tổng số', when: { always: true } }, { label: 'Độ tuổi', partitionOf: 'tong', children: [{ key: 'duoi-40', label: 'Dưới 40', when: { field: 'age', max: 39 } }, { key: 'tu-40', label: 'Từ 40', when: { field: 'age', min: 40 } }] }]
  const save = (who: string, definition: unknown) => rest.call('POST', '/api/report-definitions', { token: tokens[who], body: { definition } })
  const bad = await save('ministry', { ...base, columns: [{ key: 'tong', label: 'Tổng số', when: { field: 'luong', eq: 1 } }] })
  expect(bad.status).toBe(400)
  expect(JSON.stringify(bad.body)).toContain('definition.columns.0.when.field')
  expect(JSON.stringify(bad.body)).toContain('không có mục \\"luong\\"')
  expect((await save('hrA', { ...base, columns })).status).toBe(403)
  expect(Number((await sql.query('SELECT count(*) FROM report_definitions')).rows[0].count)).toBe(0)
  const good = await save('ministry', { ...base, columns })
  expect(good.status).toBe(201)
  expect(good.body.doc).toEqual(expect.objectContaining({ code: 'nu-theo-tuoi', title: 'Nữ theo độ tuổi', version: 1 }))
  const listed = await as('hrA')('/api/reports')
  expect(listed.body.docs.map((d: any) => d.code)).toContain('nu-theo-tuoi')
  const run = await as('hrA')('/api/reports/nu-theo-tuoi')
  expect(run.status).toBe(200)
  const women = Number((await sql.query(`SELECT count(*) FROM staff s JOIN units u ON u.id = s.unit_id WHERE s.gender = 'female' AND s.employment_status IN ('active', 'seconded') AND u.path LIKE $1`, [`${units.find((u) => u.code === 'VCCVC')!.path}%`])).rows[0].count)
  expect(run.body.totals.tong).toBe(women)
  expect(run.body.totals['duoi-40'] + run.body.totals['tu-40']).toBe(women)
  const changed = await rest.call('PATCH', `/api/report-definitions/${good.body.doc.id}`, { token: tokens.ministry, body: { definition: { ...base, title: 'Nữ theo độ tuổi (sửa)', columns } } })
  expect(changed.status).toBe(200)
  expect(changed.body.doc.version).toBe(2)
})

test('report runs and drill-downs are limited per account (429, named), other accounts unaffected', async () => {
  const vccvc = units.find((u) => u.code === 'VCCVC')!
  await payload.create({ collection: 'accounts', data: { email: 'head-limit@test.local', password: PASSWORD, roles: ['unit-head'], unit: vccvc.id } as never })
  await payload.create({ collection: 'accounts', data: { email: 'head-limit-2@test.local', password: PASSWORD, roles: ['unit-head'], unit: vccvc.id } as never })
  const token = await rest.login('head-limit@test.local', PASSWORD)
  const other = await rest.login('head-limit-2@test.local', PASSWORD)
  const code = SHIPPED_DEFINITIONS[2]!.code
  process.env.HOSO_REPORT_RUNS_PER_MINUTE = '3'
  try {
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await rest.call('GET', `/api/reports/${code}`, { token })).status)
    const refused = await rest.call('GET', `/api/reports/${code}/cell?row=${vccvc.id}&col=tong-so`, { token })
    expect([...statuses, refused.status]).toEqual([200, 200, 200, 429])
    expect(refused.body.errors[0].message).toMatch(/quá 3 báo cáo trong một phút/)
    expect((await rest.call('GET', `/api/reports/${code}`, { token: other })).status).toBe(200)
  } finally {
    process.env.HOSO_REPORT_RUNS_PER_MINUTE = '1000'
  }
})
