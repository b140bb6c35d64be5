/**
 * "hoso.record/1" documents loaded from a real database: every seeded person complete and valid, the round trip
 * database → JSON → Payload data → database → JSON unchanged (same SHA-256), the reader's rights (sensitive
 * groups omitted and named; nobody else's record), read events, and a fixed number of queries per batch.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { createLocalReq, type Payload } from 'payload'

import type { PayloadRequest } from 'payload'

import { canonicalJson, canonicalSha256, HISTORIES, toCanonicalRecord, validateCanonicalRecord, type CanonicalRecord } from '../../src/domain/record'
import { canonicalToData, loadCanonicalRecord, loadCanonicalRecords, recordReferences } from '../../src/records/canonicalRecords'
import { solidPng } from '../helpers/pdf'
import { startSeededPayload, stopTestPayload } from '../helpers/payload'

let payload: Payload
let sql: pg.Pool
let ids: number[]
const system = () => ({ system: true as const, payload })

async function loadAll(reader: Parameters<typeof loadCanonicalRecords>[0], list: number[], batchSize?: number) {
  const out: CanonicalRecord[] = []
  for await (const r of loadCanonicalRecords(reader, list, { batchSize })) out.push(r)
  return out
}

/**
 * The same documents built from Payload's own reads (find through the Local API with the reader's access: field
 * rules, decryption hooks, history access) — the reference the SQL loader must equal.
 */
async function viaPayload(req: PayloadRequest | null, list: number[]): Promise<CanonicalRecord[]> {
  const access = req ? { overrideAccess: false, user: req.user, req } : { overrideAccess: true }
  const { lookups } = await recordReferences(payload)
  const staff = (await payload.find({ collection: 'staff', where: { id: { in: list } }, depth: 0, joins: false, pagination: false, sort: 'id', ...access })).docs
  const out: CanonicalRecord[] = []
  for (const s of staff) {
    const histories: Record<string, Array<Record<string, unknown>>> = {}
    for (const h of HISTORIES) {
      histories[h.key] = (await payload.find({ collection: h.slug as 'awards', where: { staff: { equals: s.id } }, depth: 0, pagination: false, disableErrors: true, ...access }))
        .docs as unknown as Array<Record<string, unknown>>
    }
    const photoId = typeof s.photo === 'number' ? s.photo : null
    const photo = photoId == null ? null : ((await payload.findByID({ collection: 'photos', id: photoId, depth: 0, disableErrors: true, ...access })) as unknown as Record<string, unknown>)
    out.push(toCanonicalRecord({ staff: s as unknown as Record<string, unknown>, histories, photo }, lookups))
  }
  return out
}

const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-records-media-'))

beforeAll(async () => {
  ;({ payload, sql } = await startSeededPayload({ staff: 20, mediaDir }))
  ids = (await sql.query(`SELECT id FROM staff ORDER BY id`)).rows.map((r) => r.id)
})

afterAll(async () => {
  await sql?.end()
  await stopTestPayload(payload)
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

test('every seeded person loads complete and valid: all rows of every history, identifiers in clear', async () => {
  expect(ids.length).toBeGreaterThanOrEqual(20)
  const records = await loadAll(system(), ids)
  expect(records.map((r) => r.id)).toEqual(ids)
  // Column for column what Payload itself reads (types, decryption, groups, relations).
  expect((await viaPayload(null, ids)).map((r) => canonicalJson(r))).toEqual(records.map((r) => canonicalJson(r)))
  for (const r of records) {
    expect([r.id, validateCanonicalRecord(r)]).toEqual([r.id, []])
    expect(r.omitted).toEqual([])
  }
  for (const h of HISTORIES) {
    const table = h.slug.replace(/-/g, '_')
    const inDb = Number((await sql.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)
    const inJson = records.reduce((n, r) => n + ((r.histories as Record<string, unknown[]>)[h.key]?.length ?? 0), 0)
    expect([h.key, inJson]).toEqual([h.key, inDb])
  }
  // The CCCD is sealed in the database and in clear in the document.
  const withId = records.find((r) => (r.identifiers as { nationalId: string | null }).nationalId)!
  const stored = (await sql.query(`SELECT national_id FROM staff WHERE id = $1`, [withId.id])).rows[0].national_id as string
  expect(stored.startsWith('enc:v1:')).toBe(true)
  const opened = await payload.findByID({ collection: 'staff', id: withId.id!, depth: 0, overrideAccess: true })
  expect((withId.identifiers as { nationalId: string }).nationalId).toBe(opened.nationalId)
  expect((withId.identifiers as { nationalId: string }).nationalId).toMatch(/^\d{12}$/)
})

test('round trip: database → JSON → Payload data → database → the same JSON, the same SHA-256', async () => {
  for (const id of ids.slice(0, 3)) {
    const before = (await loadCanonicalRecord(system(), id))!
    const { data, issues } = await canonicalToData(payload, JSON.parse(canonicalJson(before)))
    expect(issues).toEqual([])
    await payload.update({ collection: 'staff', id, data: data!.staff, overrideAccess: true })
    let rows = 0
    for (const [slug, list] of Object.entries(data!.histories)) {
      for (const row of list) {
        await payload.update({ collection: slug as 'awards', id: row.id!, data: row.data, overrideAccess: true })
        rows++
      }
    }
    expect(rows).toBeGreaterThan(0)
    const after = (await loadCanonicalRecord(system(), id))!
    expect(canonicalJson(after)).toBe(canonicalJson(before))
    expect(canonicalSha256(after)).toBe(canonicalSha256(before))
  }
})

test('a change shows in the document and its hash; the photo is described by its metadata', async () => {
  const id = ids[3]!
  const before = (await loadCanonicalRecord(system(), id))!
  await payload.update({ collection: 'staff', id, data: { phone: '0912 345 678' }, overrideAccess: true })
  const after = (await loadCanonicalRecord(system(), id))!
  expect((after.identity as { phone: string }).phone).toBe('0912 345 678')
  expect(canonicalSha256(after)).not.toBe(canonicalSha256(before))

  const png = solidPng(60, 90, [120, 40, 40])
  const photo = await payload.create({ collection: 'photos', data: { staff: id, alt: 'Ảnh 4×6' }, file: { data: png, mimetype: 'image/png', name: 'anh-46.png', size: png.length } })
  await payload.update({ collection: 'staff', id, data: { photo: photo.id }, overrideAccess: true })
  const withPhoto = (await loadCanonicalRecord(system(), id))!
  expect(withPhoto.photo).toEqual({ filename: photo.filename, mimeType: 'image/png', filesize: png.length, width: 60, height: 90, alt: 'Ảnh 4×6' })
  expect(canonicalJson((await viaPayload(null, [id]))[0])).toBe(canonicalJson(withPhoto))
})

test("the reader's rights: a unit head gets no sensitive group and is told so; a person gets their own record only; reads are audited", async () => {
  const hr = (await payload.find({ collection: 'accounts', where: { email: { equals: 'nhansu@hoso.local' } }, depth: 0 })).docs[0]!
  const inUnit = (await sql.query(`SELECT s.id FROM staff s JOIN units u ON u.id = $1 WHERE s.unit_path LIKE u.path || '%' ORDER BY s.id`, [hr.unit])).rows.map((r) => r.id as number)
  expect(inUnit.length).toBeGreaterThan(0)
  const head = await createLocalReq({ user: { id: hr.id, collection: 'accounts', roles: ['unit-head'], unit: hr.unit, staff: null } as never }, payload)
  const outboxBefore = Number((await sql.query(`SELECT count(*) AS n FROM audit_outbox`)).rows[0].n)

  const seen = await loadAll({ req: head }, ids)
  expect(seen.map((r) => r.id)).toEqual(inUnit)
  // One read event for the batch, listing the records it returned: not one per person.
  const events = (await sql.query(`SELECT subjects FROM audit_outbox ORDER BY id OFFSET $1`, [outboxBefore])).rows
  expect(events).toHaveLength(1)
  expect((events[0].subjects as string).split('.').filter(Boolean).map(Number).sort((a, b) => a - b)).toEqual(inUnit)
  // Exactly what the collections' own field and row rules give this reader.
  expect((await viaPayload(head, ids)).map((r) => canonicalJson(r))).toEqual(seen.map((r) => canonicalJson(r)))
  for (const r of seen) {
    expect(validateCanonicalRecord(r)).toEqual([])
    expect(r.omitted).toEqual(expect.arrayContaining(['identifiers', 'origin', 'healthAndPolicy', 'economy', 'histories.disciplines', 'histories.familyMembers[].details']))
    expect(r).not.toHaveProperty('identifiers')
    expect(r.histories).not.toHaveProperty('disciplines')
    expect(r.identity).toBeTruthy()
  }

  const canbo = (await payload.find({ collection: 'accounts', where: { email: { equals: 'canbo@hoso.local' } }, depth: 0 })).docs[0]!
  const own = await createLocalReq({ user: { ...canbo, collection: 'accounts' } as never }, payload)
  const mine = await loadAll({ req: own }, ids)
  expect(mine.map((r) => r.id)).toEqual([canbo.staff])
  expect(mine[0]!.omitted).toEqual([])
  expect(mine[0]).toHaveProperty('identifiers')
  expect((await viaPayload(own, ids)).map((r) => canonicalJson(r))).toEqual(mine.map((r) => canonicalJson(r)))
})

test('many records: a fixed number of queries per batch, however many people are in it (no query per person)', async () => {
  const pool = (payload.db as unknown as { pool: { query: (...a: unknown[]) => unknown } }).pool
  const original = pool.query.bind(pool)
  let count = 0
  pool.query = (...args: unknown[]) => {
    count++
    return original(...args)
  }
  try {
    const queries = async (list: number[], batchSize?: number) => {
      count = 0
      const records = await loadAll(system(), list, batchSize)
      expect(records).toHaveLength(list.length)
      return count
    }
    const few = await queries(ids.slice(2, 4)) // holds the record with a photo, as the whole list does
    const all = await queries(ids)
    expect(few).toBeGreaterThan(0)
    expect(all).toBe(few)
    // Batches of 5: four batches of the same queries, the reference lists read once.
    const batched = await queries(ids.slice(0, 20), 5)
    expect(batched).toBeLessThan(few * 4)
    expect(batched).toBeGreaterThan(few)
  } finally {
    pool.query = original
  }
})
