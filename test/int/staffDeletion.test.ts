/**
 * Deleting a personnel record over REST (ministry HR only): a record created by mistake goes with
 * everything that belongs only to it, in one transaction; a record with an account or signed exports is
 * refused with the reason and nothing changes; the audit trail keeps its events.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type pg from 'pg'
import type { CollectionSlug, Payload } from 'payload'

import { HISTORY_COLLECTIONS } from '../../collections/Histories'
import { loginToken } from '../helpers/auth'
import { solidPng } from '../helpers/pdf'
import { stopTestPayload } from '../helpers/payload'
import { startSeeded } from '../helpers/seeded'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'hoso-demo-2026'
/** Every table whose rows belong to one staff record (staff_id), checked for orphans after a delete. */
const OWNED_TABLES = [
  'training_records', 'work_history', 'salary_history', 'allowance_history', 'awards', 'evaluations',
  'disciplines', 'family_members', 'photos', 'change_requests', 'reminder_sends',
]
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-delete-media-'))

let payload: Payload
let server: TestServer
let sql: pg.Pool
let ministryToken: string
let unitHrToken: string
let unitId: number
let hrAccountId: number
let code: (list: string) => Promise<number>

const del = (token: string, id: number, language = 'vi') =>
  fetch(`${server.url}/api/staff/${id}`, { method: 'DELETE', headers: { Authorization: `JWT ${token}`, 'Accept-Language': language } })

/** Rows per owned table and the record itself, for one staff id. */
async function footprint(staffId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of ['staff', ...OWNED_TABLES]) {
    const column = t === 'staff' ? 'id' : 'staff_id'
    out[t] = Number((await sql.query(`SELECT count(*) AS n FROM ${t} WHERE ${column} = $1`, [staffId])).rows[0].n)
  }
  return out
}

async function totals(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of ['staff', ...OWNED_TABLES, 'audit_events']) out[t] = Number((await sql.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n)
  return out
}

/** A record in the demo HR officer's department with a row in each history, a photo file, a change request and a reminder row. */
async function recordWithEverything(staffCode: string): Promise<{ id: number; photoFile: string }> {
  const staff = await payload.create({
    collection: 'staff',
    data: { staffCode, fullName: 'Trần Văn Nhầm', gender: 'male', birthDate: '1990-04-02T00:00:00.000Z', employmentType: 'civil-servant', unit: unitId },
  })
  const id = staff.id
  const rows: Record<string, Record<string, unknown>> = {
    'training-records': { kind: await code('training-kind'), fromMonth: '2008-09-01T00:00:00.000Z', institution: 'Học viện Hành chính Quốc gia' },
    'work-history': { fromMonth: '2012-01-01T00:00:00.000Z', organisation: 'Bộ Nội vụ' },
    'salary-history': { effectiveDate: '2012-01-01T00:00:00.000Z', rankCode: '01.003', step: 1, coefficient: 2.34 },
    'allowance-history': { fromMonth: '2015-01-01T00:00:00.000Z', kind: 'Phụ cấp công vụ' },
    awards: { year: 2020, form: await code('award-form') },
    evaluations: { year: 2023, rating: await code('evaluation-rating') },
    disciplines: { fromDate: '2019-05-01T00:00:00.000Z', form: await code('discipline-form'), sphere: 'administrative' },
    'family-members': { side: 'self', relation: await code('relation'), fullName: 'Trần Văn Cha' },
  }
  expect(Object.keys(rows).sort()).toEqual(HISTORY_COLLECTIONS.map((c) => c.slug).sort())
  for (const [slug, data] of Object.entries(rows)) await payload.create({ collection: slug as CollectionSlug, data: { staff: id, ...data } as never })
  const png = solidPng(60, 90, [120, 40, 40])
  const photo = await payload.create({ collection: 'photos', data: { staff: id }, file: { data: png, mimetype: 'image/png', name: `${staffCode}.png`, size: png.length } })
  await payload.update({ collection: 'staff', id, data: { photo: photo.id } })
  await payload.create({
    collection: 'change-requests',
    data: { staff: id, staffName: 'Trần Văn Nhầm', author: hrAccountId, status: 'submitted', revision: 1, proposal: { hometown: 'Hà Nội' }, base: {} },
  })
  await payload.create({
    collection: 'reminder-sends',
    data: { recipient: hrAccountId, staff: id, email: 'nhansu@hoso.local', template: 'manual', periodKey: staffCode, status: 'sent', attempts: 1 },
  })
  return { id, photoFile: path.join(mediaDir, photo.filename as string) }
}

beforeAll(async () => {
  process.env.MEDIA_DIR = mediaDir
  const started = await startSeeded(20)
  ;({ payload, sql } = started)
  code = async (list) => (await payload.find({ collection: 'codes', where: { list: { equals: list } }, limit: 1, depth: 0 })).docs[0]!.id
  const hr = (await payload.find({ collection: 'accounts', where: { email: { equals: 'nhansu@hoso.local' } }, depth: 0 })).docs[0]!
  hrAccountId = hr.id
  unitId = hr.unit as number
  server = await startTestServer({ DATABASE_URL: started.databaseUrl, MEDIA_DIR: mediaDir })
  ministryToken = await loginToken(server.url, 'tccb@hoso.local', PASSWORD)
  unitHrToken = await loginToken(server.url, 'nhansu@hoso.local', PASSWORD)
})

afterAll(async () => {
  await server?.stop()
  await sql?.end()
  await stopTestPayload(payload)
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

test('ministry HR deletes a record made by mistake together with its histories, photo, change request and reminder rows', async () => {
  const { id, photoFile } = await recordWithEverything('XOA-0001')
  const owned = await footprint(id)
  for (const t of OWNED_TABLES) expect([t, owned[t]]).toEqual([t, 1])
  expect(fs.existsSync(photoFile)).toBe(true)
  const before = await totals()
  const eventsOfRecord = Number((await sql.query(`SELECT count(*) AS n FROM audit_events WHERE subjects LIKE $1`, [`%.${id}.%`])).rows[0].n)
  expect(eventsOfRecord).toBeGreaterThan(0)

  const res = await del(ministryToken, id)
  expect(res.status).toBe(200)

  // No orphan rows anywhere, nothing else touched, the photo file is gone.
  expect(Object.values(await footprint(id)).every((n) => n === 0)).toBe(true)
  const after = await totals()
  for (const t of ['staff', ...OWNED_TABLES]) expect([t, after[t]]).toEqual([t, before[t]! - (t === 'staff' ? 1 : owned[t]!)])
  expect(fs.existsSync(photoFile)).toBe(false)
  expect((await fetch(`${server.url}/api/staff/${id}`, { headers: { Authorization: `JWT ${ministryToken}` } })).status).toBe(404)

  // The audit trail keeps every earlier event of the record and adds the deletion.
  const events = (await sql.query(`SELECT operation, target_collection FROM audit_events WHERE subjects LIKE $1 ORDER BY seq`, [`%.${id}.%`])).rows
  expect(events.length).toBeGreaterThan(eventsOfRecord)
  expect(events.at(-1)).toEqual({ operation: 'delete', target_collection: 'staff' })
})

test('a record whose person has an account is refused with the reason in Vietnamese or English, and nothing changes', async () => {
  const canbo = (await payload.find({ collection: 'accounts', where: { email: { equals: 'canbo@hoso.local' } }, depth: 0 })).docs[0]!
  const id = canbo.staff as number
  const before = await footprint(id)
  const beforeAll = await totals()

  const vi = await del(ministryToken, id)
  expect(vi.status).toBe(400)
  expect(JSON.stringify(await vi.json())).toContain('người này có tài khoản đăng nhập. Hãy khóa (vô hiệu hóa) tài khoản')
  const en = await del(ministryToken, id, 'en')
  expect(en.status).toBe(400)
  expect(JSON.stringify(await en.json())).toContain('Disable the account instead')

  expect(await footprint(id)).toEqual(before)
  const { audit_events: _a, ...rest } = await totals()
  const { audit_events: _b, ...restBefore } = beforeAll
  expect(rest).toEqual(restBefore)
  // The database refuses it too, whatever path the delete takes.
  await expect(sql.query('DELETE FROM staff WHERE id = $1', [id])).rejects.toThrow(/accounts_staff_id_staff_id_fk/)
})

test('a record with a signed export is refused (signed documents stay verifiable), its rows and photo kept', async () => {
  const { id, photoFile } = await recordWithEverything('XOA-0002')
  await payload.create({ collection: 'signed-exports', data: { code: 'XOA-KS-1', staff: id, form: '2c', batch: 'xoa', status: 'queued' } })
  const before = await footprint(id)

  const res = await del(ministryToken, id)
  expect(res.status).toBe(400)
  expect(JSON.stringify(await res.json())).toContain('đã có 1 văn bản ký số từ hồ sơ này')
  expect(await footprint(id)).toEqual(before)
  expect(fs.existsSync(photoFile)).toBe(true)
  await expect(sql.query('DELETE FROM staff WHERE id = $1', [id])).rejects.toThrow(/signed_exports_staff_id_staff_id_fk/)
})

test('a unit HR officer cannot delete a record of their own department', async () => {
  const { id, photoFile } = await recordWithEverything('XOA-0003')
  const before = await footprint(id)
  const res = await del(unitHrToken, id)
  expect(res.status).toBe(403)
  expect(await footprint(id)).toEqual(before)
  expect(fs.existsSync(photoFile)).toBe(true)
})
