/**
 * Loading people's records as "hoso.record/1" documents (src/domain/record) — for the Excel import/export, the
 * national sync outbox, "all my data" and the transfer package.
 *
 * - On behalf of a person (`{ req }`): every read goes through the Local API with `overrideAccess: false`, so the
 *   record scope, the field rules for sensitive items and each history's access apply exactly as over REST;
 *   what the reader may not see is left out and named in `omitted`; each find is a read event in the audit trail.
 * - For the system (`{ system: true, payload }`, e.g. the outbox writing inside a change's transaction): all of it,
 *   no read event (the caller records its own event: an export, a sync entry).
 *
 * Many records load in batches of a fixed number of queries each — the staff rows, one query per history, the
 * photos — never one query per person: 10 000 records are 20 batches of 500.
 */
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import {
  fromCanonicalRecord,
  HISTORIES,
  toCanonicalRecord,
  validateCanonicalRecord,
  type CanonicalRecord,
  type CodeRef,
  type PayloadRecordData,
  type RecordLookups,
  type RecordResolver,
} from '../domain/record'
import type { FieldIssue } from '../domain/errors'

export type RecordReader = { req: PayloadRequest } | { system: true; payload: Payload; req?: PayloadRequest }

export const DEFAULT_BATCH_SIZE = 500

const payloadOf = (r: RecordReader) => ('system' in r ? r.payload : r.req.payload)
const accessOf = (r: RecordReader) =>
  'system' in r ? { overrideAccess: true, ...(r.req ? { req: r.req } : {}) } : { overrideAccess: false, user: r.req.user, req: r.req }

/** Codes, units and ranks both ways (reference data, a few thousand rows), read once per load. */
export async function recordReferences(payload: Payload, req?: PayloadRequest): Promise<{ lookups: RecordLookups; resolver: RecordResolver }> {
  const all = async (collection: 'codes' | 'units' | 'ranks') =>
    (await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true, ...(req ? { req } : {}) })).docs as Array<{ id: number; code: string; list?: string }>
  const [codes, units, ranks] = await Promise.all([all('codes'), all('units'), all('ranks')])
  const codeById = new Map<number, CodeRef>(codes.map((c) => [c.id, { list: c.list!, code: c.code }]))
  const codeByKey = new Map(codes.map((c) => [`${c.list}\u0000${c.code}`, c.id]))
  const unitById = new Map(units.map((u) => [u.id, u.code]))
  const unitByCode = new Map(units.map((u) => [u.code, u.id]))
  const rankById = new Map(ranks.map((r) => [r.id, r.code]))
  const rankByCode = new Map(ranks.map((r) => [r.code, r.id]))
  return {
    lookups: { code: (id) => codeById.get(id) ?? null, unit: (id) => unitById.get(id) ?? null, rank: (id) => rankById.get(id) ?? null },
    resolver: {
      code: (list, code) => codeByKey.get(`${list}\u0000${code}`) ?? null,
      unit: (code) => unitByCode.get(code) ?? null,
      rank: (code) => rankByCode.get(code) ?? null,
    },
  }
}

type Doc = Record<string, unknown> & { id: number }
const idOf = (v: unknown): number | null => {
  const id = v && typeof v === 'object' ? (v as { id?: unknown }).id : v
  return typeof id === 'number' ? id : null
}

/**
 * The documents of the given records, in the order of `ids`, batch by batch. A record that does not exist or
 * that the reader may not read is skipped (the caller compares ids when it must know).
 */
export async function* loadCanonicalRecords(
  reader: RecordReader,
  ids: readonly number[],
  options: { batchSize?: number } = {},
): AsyncGenerator<CanonicalRecord> {
  const payload = payloadOf(reader)
  const access = accessOf(reader)
  const { lookups } = await recordReferences(payload, 'system' in reader ? reader.req : reader.req)
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
  for (let start = 0; start < ids.length; start += size) {
    const batch = [...new Set(ids.slice(start, start + size))]
    const staff = (await payload.find({ collection: 'staff', where: { id: { in: batch } }, depth: 0, joins: false, pagination: false, ...access }))
      .docs as unknown as Doc[]
    if (!staff.length) continue
    const found = staff.map((s) => s.id)
    const byStaff: Where = { staff: { in: found } }
    const [histories, photos] = await Promise.all([
      Promise.all(
        HISTORIES.map(
          async (h) =>
            // A history the reader may not see at all (kỷ luật for a unit head) comes back empty, not as an error.
            (await payload.find({ collection: h.slug as CollectionSlug, where: byStaff, depth: 0, pagination: false, disableErrors: true, ...access }))
              .docs as unknown as Doc[],
        ),
      ),
      (async () => {
        const photoIds = staff.map((s) => idOf(s.photo)).filter((id): id is number => id != null)
        if (!photoIds.length) return [] as Doc[]
        return (await payload.find({ collection: 'photos', where: { id: { in: photoIds } }, depth: 0, pagination: false, disableErrors: true, ...access }))
          .docs as unknown as Doc[]
      })(),
    ])
    const rowsOf = HISTORIES.map((_, i) => {
      const m = new Map<number, Doc[]>()
      for (const row of histories[i]!) {
        const sid = idOf(row.staff)
        if (sid != null) (m.get(sid) ?? m.set(sid, []).get(sid)!).push(row)
      }
      return m
    })
    const photoById = new Map(photos.map((p) => [p.id, p]))
    const staffById = new Map(staff.map((s) => [s.id, s]))
    for (const id of batch) {
      const s = staffById.get(id)
      if (!s) continue
      const photoId = idOf(s.photo)
      yield toCanonicalRecord(
        {
          staff: s,
          histories: Object.fromEntries(HISTORIES.map((h, i) => [h.key, rowsOf[i]!.get(id) ?? []])),
          photo: photoId == null ? null : (photoById.get(photoId) ?? null),
        },
        lookups,
      )
    }
  }
}

/** One record's document, or null when it does not exist or the reader may not read it. */
export async function loadCanonicalRecord(reader: RecordReader, id: number): Promise<CanonicalRecord | null> {
  for await (const record of loadCanonicalRecords(reader, [id])) return record
  return null
}

/**
 * A document from outside → Payload data (src/domain/record fromCanonicalRecord), after the schema checks.
 * Issues name the JSON path; references to codes, units or ranks that do not exist are issues too.
 */
export async function canonicalToData(
  payload: Payload,
  doc: unknown,
  req?: PayloadRequest,
): Promise<{ data: PayloadRecordData | null; issues: FieldIssue[] }> {
  const issues = validateCanonicalRecord(doc)
  if (issues.length) return { data: null, issues }
  const { resolver } = await recordReferences(payload, req)
  const data = fromCanonicalRecord(doc as CanonicalRecord, resolver)
  const unresolved = data.unresolved.map(
    (u): FieldIssue => ({
      field: u.path,
      vi: `${u.path}: mã ${JSON.stringify(u.value)} không có trong danh mục.`,
      en: `${u.path}: ${JSON.stringify(u.value)} is not an existing code.`,
    }),
  )
  return { data: unresolved.length ? null : data, issues: unresolved }
}
