/**
 * Excel import and export (issue 22) on a real PostgreSQL, through the REST routes: the template filled with
 * exceljs, dry run, commit, the records equal to the input; an export imported back changes nothing; an edited
 * export updates exactly the edited cells; duplicates by CCCD, by name + date of birth and inside the file; the
 * unit HR officer's scope; malformed files refused with nothing changed; a stale preview refused at commit.
 */
import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type pg from 'pg'
import { handleEndpoints, type Payload } from 'payload'

import { drainAuditOutbox } from '../../src/audit/outbox'
import { RECORDS_SHEET, TEMPLATE_VERSION } from '../../src/domain/import'
import { canonicalJson, type CanonicalRecord } from '../../src/domain/record'
import { loadCanonicalRecord } from '../../src/records/canonicalRecords'
import { stopTestPayload } from '../helpers/payload'
import { inProcessRest } from '../helpers/rest'
import { startSeeded } from '../helpers/seeded'

const PASSWORD = process.env.DEMO_PASSWORD ?? 'hoso-demo-2026'
let payload: Payload
let sql: pg.Pool
let databaseUrl: string
let unitHr: string
let ministryHr: string
let staffToken: string
let vccvc: number
let outsideUnit: { id: number; code: string }
let insideUnit: { id: number; code: string }

async function call(method: string, path: string, token: string | undefined, body?: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost${path}`, { method, headers: { ...(token ? { Authorization: `JWT ${token}` } : {}), ...headers }, body })
  const res = await handleEndpoints({ config: payload.config, request })
  const buf = Buffer.from(await res.arrayBuffer())
  let json: any = null
  try {
    json = JSON.parse(buf.toString('utf8'))
  } catch {
    json = null
  }
  return { status: res.status, headers: res.headers, buf, body: json }
}

const upload = (token: string, file: Buffer, fields: Record<string, string> = {}) => {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(file)]), 'ho-so.xlsx')
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  return call('POST', '/api/staff/import', token, form)
}
const jsonPost = (token: string, path: string, body: unknown = {}) => call('POST', path, token, JSON.stringify(body), { 'Content-Type': 'application/json' })

async function workbookOf(buf: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  return wb
}
const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer())

/** Column number of a machine key on a sheet (row 2). */
function col(ws: ExcelJS.Worksheet, key: string): number {
  let at = 0
  ws.getRow(2).eachCell((c, n) => {
    if (c.value === key) at = n
  })
  if (!at) throw new Error(`no column ${key} on ${ws.name}`)
  return at
}
function setRow(ws: ExcelJS.Worksheet, row: number, values: Record<string, ExcelJS.CellValue>) {
  for (const [k, v] of Object.entries(values)) ws.getRow(row).getCell(col(ws, k)).value = v
}
const sheetOf = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!

const template = async (token = unitHr) => {
  const r = await call('GET', '/api/staff/import/template.xlsx', token)
  expect(r.status).toBe(200)
  return workbookOf(r.buf)
}
const counts = async () => ({
  staff: Number((await sql.query('SELECT count(*) FROM staff')).rows[0].count),
  training: Number((await sql.query('SELECT count(*) FROM training_records')).rows[0].count),
  batches: Number((await sql.query('SELECT count(*) FROM import_batches')).rows[0].count),
})
const system = () => ({ system: true as const, payload })
const record = async (id: number) => (await loadCanonicalRecord(system(), id))!
const staffIdOf = async (staffCode: string) => Number((await sql.query('SELECT id FROM staff WHERE staff_code = $1', [staffCode])).rows[0]?.id)

const NAMES = ['Hoa', 'Lan', 'Mai', 'Cúc', 'Đào', 'Huệ', 'Liên', 'Trúc', 'Quỳnh', 'Thảo', 'Vân']
/** A plausible new person for the records sheet. */
const person = (code: string, extra: Record<string, ExcelJS.CellValue> = {}) => ({
  'identity.staffCode': code,
  'identity.fullName': `Phạm Thị ${NAMES[Number(code.slice(3)) % NAMES.length]}`,
  'identity.gender': 'Nữ',
  'identity.birthDate': '15/03/1988',
  'employment.employmentType': 'civil-servant',
  'employment.unit': insideUnit.code,
  ...extra,
})

beforeAll(async () => {
  ;({ payload, sql, databaseUrl } = await startSeeded(12))
  const rest = inProcessRest(payload)
  unitHr = await rest.login('nhansu@hoso.local', PASSWORD)
  ministryHr = await rest.login('tccb@hoso.local', PASSWORD)
  staffToken = await rest.login('canbo@hoso.local', PASSWORD)
  vccvc = Number((await sql.query(`SELECT id FROM units WHERE code = 'VCCVC'`)).rows[0].id)
  const inside = (await sql.query(`SELECT id, code FROM units WHERE path LIKE $1 ORDER BY id LIMIT 1`, [`%.${vccvc}.%`])).rows[0]
  insideUnit = { id: Number(inside.id), code: inside.code }
  const outside = (await sql.query(`SELECT id, code FROM units WHERE path NOT LIKE $1 AND code <> 'BNV' ORDER BY id LIMIT 1`, [`%.${vccvc}.%`])).rows[0]
  outsideUnit = { id: Number(outside.id), code: outside.code }
})

afterAll(async () => {
  await sql?.end()
  await stopTestPayload(payload)
})

test('the template: guide with its version, records and history sheets with labels and keys, drop-downs, HR only', async () => {
  const wb = await template()
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Hướng dẫn', RECORDS_SHEET, 'Đào tạo, bồi dưỡng', 'Quá trình công tác', 'Quan hệ gia đình', 'Diễn biến lương', 'Khen thưởng', 'Kỷ luật', 'Danh mục']))
  expect(sheetOf(wb, 'Hướng dẫn').getCell('B1').value).toBe(TEMPLATE_VERSION)
  const records = sheetOf(wb, RECORDS_SHEET)
  expect(records.getRow(1).getCell(col(records, 'identity.fullName')).value).toBe('Họ và tên khai sinh')
  expect(col(records, 'identifiers.nationalId')).toBeGreaterThan(0) // sensitive, and unit HR may write it
  const validations = (records as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model
  const genderLetter = records.getColumn(col(records, 'identity.gender')).letter
  expect(validations[`${genderLetter}3`]).toEqual(expect.objectContaining({ type: 'list' }))
  expect(validations[`${genderLetter}3`]!.formulae[0]).toContain('Danh mục')
  expect((await call('GET', '/api/staff/import/template.xlsx', staffToken)).status).toBe(403)
  expect((await call('GET', '/api/staff/import/template.xlsx', undefined)).status).toBe(401)
})

test('template → filled with exceljs → dry run → commit: the records equal the input, audited with the batch', async () => {
  const wb = await template()
  const records = sheetOf(wb, RECORDS_SHEET)
  setRow(records, 3, person('NK-001', { 'identifiers.nationalId': '001188012345', 'identity.phone': '0912345678', 'identity.birthDate': new Date(Date.UTC(1988, 2, 15)), 'origin.ethnicity': '01 - Kinh' }))
  setRow(records, 4, person('NK-002', { 'identity.fullName': 'Lê Văn Mới', 'identity.gender': 'Nam', 'identity.birthDate': '02/11/1990' }))
  const training = sheetOf(wb, 'Đào tạo, bồi dưỡng')
  const kind = (await sql.query(`SELECT code, name FROM codes WHERE list = 'training-kind' ORDER BY sort_order LIMIT 1`)).rows[0]
  setRow(training, 3, { 'staff.staffCode': 'NK-001', kind: `${kind.code} - ${kind.name}`, fromMonth: '09/2006', toMonth: '06/2010', institution: 'Học viện Hành chính Quốc gia' })
  const before = await counts()
  const dry = await upload(unitHr, await toBuffer(wb), { mode: 'create', dryRun: 'true' })
  expect([dry.status, dry.body.errors]).toEqual([200, undefined])
  expect(dry.body.problems).toEqual([])
  expect(dry.body.counts).toEqual({ new: 2, updated: 0, unchanged: 0, refused: 0, possibleDuplicates: 0 })
  expect(dry.body.fileSha256).toMatch(/^[0-9a-f]{64}$/)
  // A dry run writes no record.
  expect((await counts()).staff).toBe(before.staff)
  const done = await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)
  expect(done.status).toBe(200)
  expect(done.body.status).toBe('committed')
  const id1 = await staffIdOf('NK-001')
  const r1 = await record(id1)
  expect(r1.identity).toEqual(expect.objectContaining({ fullName: 'Phạm Thị Lan', staffCode: 'NK-001', gender: 'female', birthDate: '1988-03-15', phone: '0912345678' }))
  expect((r1.identifiers as Record<string, unknown>).nationalId).toBe('001188012345')
  expect((r1.origin as Record<string, unknown>).ethnicity).toEqual({ list: 'ethnicity', code: '01' })
  expect((r1.employment as Record<string, unknown>).unit).toEqual({ code: insideUnit.code })
  expect((r1.histories as Record<string, unknown[]>).trainingRecords).toEqual([
    expect.objectContaining({ kind: { list: 'training-kind', code: kind.code }, fromMonth: '2006-09', toMonth: '2010-06', institution: 'Học viện Hành chính Quốc gia' }),
  ])
  const r2 = await record(await staffIdOf('NK-002'))
  expect(r2.identity).toEqual(expect.objectContaining({ fullName: 'Lê Văn Mới', gender: 'male', birthDate: '1990-11-02' }))
  // The CCCD is sealed with its blind index, as when saved through the form.
  const stored = (await sql.query('SELECT national_id, national_id_index, search_name, unit_path FROM staff WHERE id = $1', [id1])).rows[0]
  expect(stored.national_id.startsWith('enc:v1:')).toBe(true)
  expect(stored.national_id_index).toBeTruthy()
  expect(stored.search_name).toBe('pham thi lan')
  expect(stored.unit_path).toContain(`.${insideUnit.id}.`)
  // Every write audited, tagged with the batch, through the outbox into the chain.
  await drainAuditOutbox(sql)
  const events = (await sql.query(`SELECT operation, target_collection FROM audit_events WHERE detail->>'importBatch' = $1 AND operation <> 'read'`, [String(dry.body.id)])).rows
  expect(events).toEqual(expect.arrayContaining([{ operation: 'create', target_collection: 'staff' }, { operation: 'create', target_collection: 'training-records' }]))
  expect(events.filter((e) => e.target_collection === 'staff')).toHaveLength(2)
  // Committing twice is refused.
  expect((await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)).status).toBe(409)
  // Another officer does not see the batch; its owner reads it without the sealed file or the hashes.
  expect((await jsonPost(ministryHr, `/api/import-batches/${dry.body.id}/commit`)).status).toBe(404)
  expect((await call('GET', `/api/import-batches/${dry.body.id}`, ministryHr)).status).toBe(404)
  const own = await call('GET', `/api/import-batches/${dry.body.id}`, unitHr)
  expect(own.status).toBe(200)
  expect(own.body).toEqual(expect.objectContaining({ fileSha256: dry.body.fileSha256, status: 'committed' }))
  expect(own.body).not.toHaveProperty('file')
  expect(own.body).not.toHaveProperty('baseHashes')
  expect(own.buf.toString()).not.toContain('001188012345')
})

async function exportWorkbook(token = unitHr, query = `?unit=${vccvc}`) {
  const r = await call('GET', `/api/staff/export.xlsx${query}`, token)
  expect(r.status).toBe(200)
  expect(r.headers.get('content-type')).toContain('spreadsheetml')
  return r.buf
}

test('export → import is a no-op: every row unchanged, nothing written', async () => {
  const file = await exportWorkbook()
  const wb = await workbookOf(file)
  const rows = sheetOf(wb, RECORDS_SHEET).actualRowCount - 2
  expect(rows).toBeGreaterThan(2)
  const inScope = Number((await sql.query(`SELECT count(*) FROM staff WHERE unit_path LIKE $1`, [`%.${vccvc}.%`])).rows[0].count)
  expect(rows).toBe(inScope)
  const before = (await sql.query('SELECT max(updated_at) AS t FROM staff')).rows[0].t
  const dry = await upload(unitHr, file, { mode: 'upsert' })
  expect(dry.status).toBe(200)
  expect(dry.body.problems).toEqual([])
  expect(dry.body.counts).toEqual({ new: 0, updated: 0, unchanged: rows, refused: 0, possibleDuplicates: 0 })
  const done = await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)
  expect(done.status).toBe(200)
  expect((await sql.query('SELECT max(updated_at) AS t FROM staff')).rows[0].t).toEqual(before)
  // The export is audited as an export and as a read.
  await drainAuditOutbox(sql)
  expect(Number((await sql.query(`SELECT count(*) FROM audit_events WHERE operation = 'export' AND detail->>'format' = 'xlsx'`)).rows[0].count)).toBeGreaterThan(0)
})

test('an edited export updates exactly the edited cells; a history row is added, another deleted by the marker', async () => {
  const id = await staffIdOf('NK-001')
  const before = await record(id)
  const wb = await workbookOf(await exportWorkbook())
  const records = sheetOf(wb, RECORDS_SHEET)
  let row = 0
  records.eachRow((r, n) => {
    if (n > 2 && Number(r.getCell(col(records, 'id')).value) === id) row = n
  })
  expect(row).toBeGreaterThan(2)
  setRow(records, row, { 'identity.phone': '0987654321', 'identity.currentAddress': 'Số 8 Tôn Thất Thuyết, Hà Nội' })
  const training = sheetOf(wb, 'Đào tạo, bồi dưỡng')
  let trainingRow = 0
  training.eachRow((r, n) => {
    if (n > 2 && Number(r.getCell(col(training, 'staff.id')).value) === id) trainingRow = n
  })
  setRow(training, trainingRow, { action: 'XÓA' })
  const awards = sheetOf(wb, 'Khen thưởng')
  const form = (await sql.query(`SELECT code, name FROM codes WHERE list = 'award-form' ORDER BY sort_order LIMIT 1`)).rows[0]
  setRow(awards, awards.actualRowCount + 1, { 'staff.id': id, year: 2024, form: `${form.code} - ${form.name}`, content: 'Hoàn thành xuất sắc nhiệm vụ' })
  const dry = await upload(unitHr, await toBuffer(wb))
  expect(dry.body.problems).toEqual([])
  expect(dry.body.counts).toEqual(expect.objectContaining({ new: 0, updated: 1, refused: 0, possibleDuplicates: 0 }))
  expect((await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)).status).toBe(200)
  const after = await record(id)
  const expected = JSON.parse(JSON.stringify(before)) as CanonicalRecord
  Object.assign(expected.identity as object, { phone: '0987654321', currentAddress: 'Số 8 Tôn Thất Thuyết, Hà Nội' })
  const histories = expected.histories as Record<string, unknown[]>
  histories.trainingRecords = []
  const award = (after.histories as Record<string, Array<{ id: number }>>).awards[0]!
  histories.awards = [{ id: award.id, year: 2024, form: { list: 'award-form', code: form.code }, content: 'Hoàn thành xuất sắc nhiệm vụ', decisionNumber: null, decidedBy: null }]
  expect(canonicalJson(after)).toBe(canonicalJson(expected))
})

test('the clear marker empties an item; an empty cell leaves it', async () => {
  const id = await staffIdOf('NK-001')
  const wb = await template()
  setRow(sheetOf(wb, RECORDS_SHEET), 3, { id, 'identity.currentAddress': '[XÓA]', 'identity.phone': null })
  const dry = await upload(unitHr, await toBuffer(wb), { mode: 'update' })
  expect(dry.body.counts).toEqual(expect.objectContaining({ updated: 1, refused: 0 }))
  await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)
  const r = await record(id)
  expect((r.identity as Record<string, unknown>).currentAddress).toBeNull()
  expect((r.identity as Record<string, unknown>).phone).toBe('0987654321')
})

test('cells checked like the form: mm/dd dates and two-digit years refused by name, codes, required items, CCCD structure', async () => {
  const wb = await template()
  const records = sheetOf(wb, RECORDS_SHEET)
  setRow(records, 3, person('NK-101', { 'identity.birthDate': '03/25/1988' }))
  setRow(records, 4, person('NK-102', { 'identity.birthDate': '25/03/88' }))
  setRow(records, 5, person('NK-103', { 'origin.ethnicity': 'Không có dân tộc này' }))
  setRow(records, 6, person('NK-104', { 'identity.fullName': null }))
  setRow(records, 7, person('NK-105', { 'identifiers.nationalId': '12345' }))
  const before = await counts()
  const dry = await upload(unitHr, await toBuffer(wb), { mode: 'create' })
  expect(dry.status).toBe(200)
  expect(dry.body.counts).toEqual({ new: 0, updated: 0, unchanged: 0, refused: 5, possibleDuplicates: 0 })
  const byRow = (n: number) => dry.body.problems.filter((p: { row: number }) => p.row === n).map((p: { vi: string }) => p.vi).join(' | ')
  expect(byRow(3)).toMatch(/mm\/dd/)
  expect(byRow(4)).toMatch(/4 chữ số/)
  expect(byRow(5)).toMatch(/không có trong danh mục/)
  expect(byRow(6)).toMatch(/fullName|Họ và tên/)
  expect(byRow(7)).toMatch(/CCCD/)
  for (const p of dry.body.problems) expect(p).toEqual(expect.objectContaining({ sheet: RECORDS_SHEET, column: expect.any(String) }))
  // Nothing can be committed from a file with refused rows.
  expect((await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)).status).toBe(409)
  expect((await counts()).staff).toBe(before.staff)
  // The result workbook carries each row's outcome and message.
  const result = await call('GET', `/api/import-batches/${dry.body.id}/result.xlsx`, unitHr)
  expect(result.status).toBe(200)
  const rs = sheetOf(await workbookOf(result.buf), RECORDS_SHEET)
  expect(rs.getRow(3).getCell(col(rs, '_status')).value).toBe('Bị từ chối')
  expect(String(rs.getRow(3).getCell(col(rs, '_message')).value)).toMatch(/mm\/dd/)
})

test('duplicates: CCCD in scope (create refused by name, upsert updates), outside scope (the uniform answer), inside the file', async () => {
  const outsider = (await sql.query(`SELECT id FROM staff WHERE unit_path NOT LIKE $1 AND national_id IS NOT NULL ORDER BY id LIMIT 1`, [`%.${vccvc}.%`])).rows[0]
  const outsiderId = Number(outsider.id)
  const outsiderCccd = ((await record(outsiderId)).identifiers as { nationalId: string }).nationalId
  const wb = await template()
  const records = sheetOf(wb, RECORDS_SHEET)
  setRow(records, 3, person('NK-201', { 'identifiers.nationalId': '001188012345' }))
  setRow(records, 4, person('NK-202', { 'identifiers.nationalId': outsiderCccd }))
  setRow(records, 5, person('NK-203', { 'identifiers.nationalId': '001188054321' }))
  setRow(records, 6, person('NK-204', { 'identifiers.nationalId': '001188054321' }))
  const create = await upload(unitHr, await toBuffer(wb), { mode: 'create' })
  const byRow = (n: number) => create.body.problems.filter((p: { row: number }) => p.row === n).map((p: { vi: string }) => p.vi).join(' | ')
  expect(byRow(3)).toMatch(/đã có trong hồ sơ NK-001/)
  expect(byRow(4)).toBe('Không lưu được: số CCCD cần cán bộ tổ chức của Bộ xem xét; yêu cầu đã được chuyển.')
  expect(byRow(4)).not.toContain(String(outsiderId))
  // The attempt is handed to ministry HR through the audit trail, about the other record.
  await drainAuditOutbox(sql)
  const handed = (await sql.query(`SELECT subjects FROM audit_events WHERE detail->>'refused' = 'national-id-conflict' AND detail->>'importBatch' = $1`, [String(create.body.id)])).rows
  expect(handed).toEqual([{ subjects: `.${outsiderId}.` }])
  expect(byRow(5)).toBe('')
  expect(byRow(6)).toMatch(/trùng với dòng 5/)
  // In upsert mode the CCCD in scope finds the record to update.
  const wb2 = await template()
  setRow(sheetOf(wb2, RECORDS_SHEET), 3, { 'identifiers.nationalId': '001188012345', 'identity.otherNames': 'Nhập' })
  const upsert = await upload(unitHr, await toBuffer(wb2), { mode: 'upsert' })
  expect(upsert.body.problems).toEqual([])
  expect(upsert.body.counts).toEqual(expect.objectContaining({ updated: 1 }))
  expect(upsert.body.rows[0]).toEqual(expect.objectContaining({ staffId: await staffIdOf('NK-001'), status: 'updated' }))
})

test('a possible duplicate by name + date of birth needs a decision: different person with a reason, or same person', async () => {
  const existing = await record(await staffIdOf('NK-002'))
  const wb = await template()
  const records = sheetOf(wb, RECORDS_SHEET)
  setRow(records, 3, person('NK-301', { 'identity.fullName': 'LÊ VĂN  MỚI', 'identity.gender': 'Nam', 'identity.birthDate': '02/11/1990' }))
  setRow(records, 4, person('NK-302', { 'identity.fullName': 'le van moi', 'identity.gender': 'Nam', 'identity.birthDate': '02/11/1990', 'identity.phone': '0911111111' }))
  const dry = await upload(unitHr, await toBuffer(wb), { mode: 'upsert' })
  expect(dry.body.counts).toEqual({ new: 0, updated: 0, unchanged: 0, refused: 0, possibleDuplicates: 2 })
  const dup = dry.body.rows.find((r: { row: number }) => r.row === 3)
  expect(dup.duplicateOf).toEqual([expect.objectContaining({ staffId: existing.id, staffCode: 'NK-002', fullName: 'Lê Văn Mới', birthDate: '1990-11-02' })])
  // Inside the file too: row 4 repeats row 3.
  expect(dry.body.rows.find((r: { row: number }) => r.row === 4).duplicateOf).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3 })]))
  expect((await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)).status).toBe(409)
  const noReason = await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/decisions`, { row: 3, decision: 'different' })
  expect(noReason.status).toBe(400)
  const wrongRecord = await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/decisions`, { row: 3, decision: 'same', staffId: 1 })
  expect(wrongRecord.status).toBe(400)
  const decided = await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/decisions`, {
    decisions: [
      { row: 3, decision: 'different', reason: 'Trùng tên và ngày sinh nhưng khác quê quán, đã xác minh' },
      { row: 4, decision: 'same', staffId: existing.id },
    ],
  })
  expect(decided.status).toBe(200)
  expect(decided.body.counts).toEqual({ new: 1, updated: 1, unchanged: 0, refused: 0, possibleDuplicates: 0 })
  expect((await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)).status).toBe(200)
  expect(await staffIdOf('NK-301')).toBeGreaterThan(0)
  expect(((await record(existing.id!)).identity as Record<string, unknown>).phone).toBe('0911111111')
})

test('scope: a unit HR officer cannot create or update outside their subtree and learns nothing about it', async () => {
  const outsider = Number((await sql.query(`SELECT id FROM staff WHERE unit_path NOT LIKE $1 ORDER BY id LIMIT 1`, [`%.${vccvc}.%`])).rows[0].id)
  const wb = await template()
  const records = sheetOf(wb, RECORDS_SHEET)
  setRow(records, 3, person('NK-401', { 'employment.unit': outsideUnit.code }))
  setRow(records, 4, { id: outsider, 'identity.phone': '0900000000' })
  setRow(records, 5, { id: 999999, 'identity.phone': '0900000000' })
  const before = (await record(outsider)).identity
  const dry = await upload(unitHr, await toBuffer(wb), { mode: 'upsert' })
  expect(dry.body.counts).toEqual(expect.objectContaining({ refused: 3 }))
  const byRow = (n: number) => dry.body.problems.filter((p: { row: number }) => p.row === n).map((p: { vi: string }) => p.vi).join(' | ')
  expect(byRow(3)).toMatch(/ngoài phạm vi/)
  // A record outside the scope and one that does not exist get the same answer.
  expect(byRow(4).replace(String(outsider), 'N')).toBe(byRow(5).replace('999999', 'N'))
  expect((await record(outsider)).identity).toEqual(before)
  // Ministry HR may.
  const asMinistry = await upload(ministryHr, await toBuffer(wb), { mode: 'upsert' })
  expect(asMinistry.body.counts).toEqual(expect.objectContaining({ new: 1, updated: 1, refused: 1 }))
})

test('a record changed after the dry run: the commit writes nothing, redoes the preview and answers 409', async () => {
  // NK-002 took the staff number of the row decided "same person" above.
  const id = await staffIdOf('NK-302')
  const wb = await template()
  setRow(sheetOf(wb, RECORDS_SHEET), 3, { id, 'identity.otherNames': 'Từ tệp' })
  const dry = await upload(unitHr, await toBuffer(wb), { mode: 'update' })
  expect([dry.body.counts.updated, dry.body.problems]).toEqual([1, []])
  await payload.update({ collection: 'staff', id, data: { phone: '0922222222' }, overrideAccess: true })
  const commit = await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)
  expect(commit.status).toBe(409)
  expect(((await record(id)).identity as Record<string, unknown>).otherNames).not.toBe('Từ tệp')
  // The preview was redone on the current record: the commit now goes through.
  expect((await jsonPost(unitHr, `/api/import-batches/${dry.body.id}/commit`)).status).toBe(200)
  expect(((await record(id)).identity as Record<string, unknown>).otherNames).toBe('Từ tệp')
})

test('npm run import beside the app: a dry run prints the counts and writes nothing; without --dry-run it commits', async () => {
  const wb = await template(ministryHr)
  setRow(sheetOf(wb, RECORDS_SHEET), 3, person('NK-501', { 'identity.fullName': 'Trần Thị Dòng Lệnh' }))
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-import-')), 'ho-so.xlsx')
  fs.writeFileSync(file, await toBuffer(wb))
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/cli/import.ts', file, '--as', 'tccb@hoso.local', ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      timeout: 180_000,
    })
  const dry = await run('--dry-run', '--mode', 'create')
  expect(dry.stdout).toContain('new 1 / updated 0 / unchanged 0 / refused 0 / possible duplicates 0')
  expect(await staffIdOf('NK-501')).toBeNaN()
  const done = await run('--mode', 'create')
  expect(done.stdout).toContain('(committed)')
  expect(await staffIdOf('NK-501')).toBeGreaterThan(0)
  fs.rmSync(path.dirname(file), { recursive: true, force: true })
}, 240_000)

test('kill -9 in the middle of a commit leaves nothing half-imported', async () => {
  const wb = await template(ministryHr)
  const records = sheetOf(wb, RECORDS_SHEET)
  const training = sheetOf(wb, 'Đào tạo, bồi dưỡng')
  const kind = (await sql.query(`SELECT code FROM codes WHERE list = 'training-kind' ORDER BY sort_order LIMIT 1`)).rows[0].code
  for (let i = 0; i < 150; i++) {
    const code = `KL-${String(i).padStart(3, '0')}`
    setRow(records, 3 + i, person(code, { 'identity.fullName': `Đỗ Văn Ngắt ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}${'abcdefghij'[Math.floor(i / 26)]}`, 'identity.gender': 'Nam' }))
    setRow(training, 3 + i, { 'staff.staffCode': code, kind, fromMonth: '09/2010', institution: 'Trường Đại học Luật Hà Nội' })
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-import-kill-')), 'ngat-giua-chung.xlsx')
  fs.writeFileSync(file, await toBuffer(wb))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/import.ts', file, '--as', 'tccb@hoso.local', '--mode', 'create'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c) => (output += c))
  child.stderr!.on('data', (c) => (output += c))
  const exited = new Promise((r) => child.on('close', r))
  const dbName = new URL(databaseUrl).pathname.slice(1)
  // Inside the commit: a transaction of the command that has written rows and stays open.
  let inCommit = false
  for (let i = 0; i < 2400 && !inCommit && child.exitCode === null; i++) {
    const { rows } = await sql.query(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND backend_xid IS NOT NULL AND xact_start < now() - interval '300 milliseconds' AND pid <> pg_backend_pid()`,
      [dbName],
    )
    inCommit = Number(rows[0].n) > 0 && Number((await sql.query(`SELECT count(*) AS n FROM import_batches WHERE file_name = 'ngat-giua-chung.xlsx'`)).rows[0].n) > 0
    if (!inCommit) await new Promise((r) => setTimeout(r, 50))
  }
  if (!inCommit) {
    await exited
    throw new Error(`the command never reached its commit (exit ${child.exitCode}): ${output}`)
  }
  child.kill('SIGKILL')
  await exited
  // PostgreSQL rolls the open transaction back when the connection dies.
  for (let i = 0; i < 100; i++) {
    const { rows } = await sql.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`, [dbName])
    if (Number(rows[0].n) === 0) break
    await new Promise((r) => setTimeout(r, 100))
  }
  expect(Number((await sql.query(`SELECT count(*) AS n FROM staff WHERE staff_code LIKE 'KL-%'`)).rows[0].n)).toBe(0)
  expect(Number((await sql.query(`SELECT count(*) AS n FROM training_records WHERE institution = 'Trường Đại học Luật Hà Nội'`)).rows[0].n)).toBe(0)
  const batch = (await sql.query(`SELECT id, status FROM import_batches WHERE file_name = 'ngat-giua-chung.xlsx' ORDER BY id DESC LIMIT 1`)).rows[0]
  expect(batch.status).toBe('previewed')
  await drainAuditOutbox(sql)
  expect(Number((await sql.query(`SELECT count(*) AS n FROM audit_events WHERE detail->>'importBatch' = $1 AND operation = 'create'`, [String(batch.id)])).rows[0].n)).toBe(0)
  fs.rmSync(path.dirname(file), { recursive: true, force: true })
}, 240_000)

describe('malformed files are refused with a clear message and change nothing', () => {
  const refusedWith = async (file: Buffer, pattern: RegExp) => {
    const before = await counts()
    const r = await upload(unitHr, file)
    expect([r.status, r.body?.errors?.[0]?.message]).toEqual([400, expect.stringMatching(pattern)])
    expect(await counts()).toEqual(before)
  }
  const filled = async (edit: (wb: ExcelJS.Workbook) => void) => {
    const wb = await template()
    setRow(sheetOf(wb, RECORDS_SHEET), 3, person('NK-901'))
    edit(wb)
    return toBuffer(wb)
  }

  test('not an xlsx', () => refusedWith(Buffer.from('họ tên,ngày sinh\nA,01/01/1990\n'), /không phải là tệp Excel/))
  test('password-protected (an encrypted OLE package)', () => refusedWith(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), /mật khẩu/))
  test('a zip bomb', async () => {
    const zip = new JSZip()
    zip.file('xl/workbook.xml', '<workbook/>')
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(50 * 1024 * 1024))
    await refusedWith(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), /bom nén|zip bomb/)
  })
  test('formulas', async () => refusedWith(await filled((wb) => (sheetOf(wb, RECORDS_SHEET).getCell('Z3').value = { formula: '1+1', result: 2 } as never)), /công thức/))
  test('merged cells', async () => refusedWith(await filled((wb) => sheetOf(wb, RECORDS_SHEET).mergeCells('C3:D3')), /ô gộp/))
  test('hidden sheets', async () => refusedWith(await filled((wb) => (sheetOf(wb, 'Khen thưởng').state = 'hidden')), /bị ẩn/))
  test('a wrong template version', async () => refusedWith(await filled((wb) => (sheetOf(wb, 'Hướng dẫn').getCell('B1').value = 'hoso.import/0')), /phiên bản/))
  test('an unknown column key', async () => refusedWith(await filled((wb) => (sheetOf(wb, RECORDS_SHEET).getRow(2).getCell(200).value = 'identity.nickname')), /không có trong mẫu/))
  test('a bad mode', async () => {
    const r = await upload(unitHr, await filled(() => {}), { mode: 'replace' })
    expect(r.status).toBe(400)
  })
})
