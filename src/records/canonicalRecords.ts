/**
 * Loading people's records as "hoso.record/1" documents (src/domain/record) — for the Excel import/export, the
 * national sync outbox, "all my data" and the transfer package.
 *
 * - On behalf of a person (`{ req }`): the records are those a `find` on `staff` with the reader's access returns
 *   (record scope and grants, exactly as over REST; that find is the audited read event), and sensitive items are
 *   left out — and named in `omitted` — by the rule the field and row access rules use (`maySeeSensitive`).
 * - For the system (`{ system: true, payload, req? }`, e.g. the outbox writing inside a change's transaction —
 *   pass its `req`): all of it, no read event (the caller records its own event: an export, a sync entry).
 *
 * Many records load in batches of a fixed number of queries each — the staff rows, one query per history, the
 * photos (and, for a person, the scoped find) — never one query per person: 10 000 records are 20 batches of 500.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { actorOf } from '../accounts/actor'
import { dataKeyring } from '../crypto/dataKey'
import { isSealedField } from '../domain/sealedValue'
import { maySeeSensitive } from '../domain/sensitivity'
import { transactionDb, type Drizzle } from '../db/pool'

import {
  fromCanonicalRecord,
  HISTORIES,
  PHOTO_FIELDS,
  STAFF_GROUPS,
  type FieldSpec,
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

/** Codes, units and ranks both ways (reference data, a few hundred rows, not personal data), read once per load. */
export async function recordReferences(payload: Payload, req?: PayloadRequest): Promise<{ lookups: RecordLookups; resolver: RecordResolver }> {
  const db = req ? await transactionDb(payload, req) : (payload.db as unknown as { drizzle: Drizzle }).drizzle
  const all = async (table: 'codes' | 'units' | 'ranks') =>
    (await db.execute(sql`SELECT id, code${sql.raw(table === 'codes' ? ', list' : '')} FROM ${sql.raw(table)}`)).rows as Array<{ id: number; code: string; list?: string }>
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

type Row = Record<string, unknown> & { id: number }

/** Payload's column of a field in PostgreSQL: snake_case, a group's fields prefixed, a relationship with `_id`. */
export function columnOf(spec: FieldSpec): string {
  const snake = (spec.path ?? spec.key).replace(/\./g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
  return ['code', 'unit', 'rank'].includes(spec.type.kind) ? `${snake}_id` : snake
}

const STAFF_SPECS = STAFF_GROUPS.flatMap((g) => g.fields)
const STAFF_COLUMNS = ['id', 'unit_path', 'photo_id', ...STAFF_SPECS.map(columnOf)]
const PHOTO_COLUMNS = ['id', ...PHOTO_FIELDS.map(columnOf)]
const SENSITIVE_KEYS = new Set(STAFF_GROUPS.filter((g) => g.sensitive).flatMap((g) => g.fields.map((f) => (f.path ?? f.key).split('.')[0]!)))

/** A row of columns → the field names Payload would give it (groups nested), sealed identifiers opened. */
function asDocument(row: Record<string, unknown>, specs: readonly FieldSpec[]): Row {
  const doc: Record<string, unknown> = { id: row.id }
  for (const spec of specs) {
    let value = row[columnOf(spec)]
    if (isSealedField(spec.key) && value != null) value = dataKeyring().open(value as string, spec.key)
    if ((spec.type.kind === 'date' || spec.type.kind === 'month') && value != null) value = timestampIso(value)
    const parts = (spec.path ?? spec.key).split('.')
    let target = doc
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>
    target[parts.at(-1)!] = value
  }
  return doc as Row
}

/** PostgreSQL's timestamptz text ('2025-08-18 00:00:00+00', how Payload's driver returns it) or a Date → ISO 8601. */
function timestampIso(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString()
  const text = String(value).replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')
  const d = new Date(text)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

const idList = (ids: readonly number[]) => sql`string_to_array(${ids.join(',')}, ',')::int[]`

/**
 * The documents of the given records, in the order of `ids`, batch by batch. A record that does not exist or
 * that the reader may not read is skipped (the caller compares ids when it must know).
 *
 * The rows are read with plain SQL (a document has ~100 items and ~15 history rows: through Payload's find
 * machinery 10 000 documents took 12.7× the time of the same rows in SQL — bench/records.ts). What a reader may
 * see is still decided by the access rules themselves: the records by a `find` on `staff` with the reader's
 * access (which is also the audited read), the sensitive items by the same domain rule the field and row rules
 * use (`maySeeSensitive`).
 */
export async function* loadCanonicalRecords(
  reader: RecordReader,
  ids: readonly number[],
  options: { batchSize?: number } = {},
): AsyncGenerator<CanonicalRecord> {
  const payload = payloadOf(reader)
  const req = 'system' in reader ? reader.req : reader.req
  const { lookups } = await recordReferences(payload, req)
  const db = req ? await transactionDb(payload, req) : (payload.db as unknown as { drizzle: Drizzle }).drizzle
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
  const actor = 'system' in reader ? null : actorOf(reader.req)
  for (let start = 0; start < ids.length; start += size) {
    let batch = [...new Set(ids.slice(start, start + size))]
    if (!('system' in reader)) {
      // The reader's record scope, applied by the collection's own access rule; this find is the read event.
      const readable = await payload.find({
        collection: 'staff',
        where: { id: { in: batch } },
        select: { unitPath: true },
        depth: 0,
        joins: false,
        pagination: false,
        ...accessOf(reader),
      })
      const allowed = new Set(readable.docs.map((d) => d.id))
      batch = batch.filter((id) => allowed.has(id))
    }
    if (!batch.length) continue
    const staffRows = (await db.execute(sql`SELECT ${sql.raw(STAFF_COLUMNS.map((c) => `"${c}"`).join(', '))} FROM staff WHERE id = ANY(${idList(batch)})`)).rows
    const staffById = new Map(staffRows.map((r) => [r.id as number, r]))
    const found = [...staffById.keys()]
    if (!found.length) continue
    const photoIds = staffRows.map((r) => r.photo_id).filter((id): id is number => typeof id === 'number')
    const [histories, photos] = await Promise.all([
      Promise.all(
        HISTORIES.map(
          async (h) =>
            (
              await db.execute(
                sql`SELECT ${sql.raw(['id', 'staff_id', ...h.fields.map(columnOf)].map((c) => `"${c}"`).join(', '))}
                      FROM ${sql.raw(`"${h.slug.replace(/-/g, '_')}"`)} WHERE staff_id = ANY(${idList(found)})`,
              )
            ).rows,
        ),
      ),
      photoIds.length
        ? db.execute(sql`SELECT ${sql.raw(PHOTO_COLUMNS.map((c) => `"${c}"`).join(', '))} FROM photos WHERE id = ANY(${idList(photoIds)})`).then((r) => r.rows)
        : Promise.resolve([] as Array<Record<string, unknown>>),
    ])
    const rowsOf = HISTORIES.map((h, i) => {
      const m = new Map<number, Row[]>()
      for (const row of histories[i]!) {
        const sid = row.staff_id as number
        ;(m.get(sid) ?? m.set(sid, []).get(sid)!).push(asDocument(row, h.fields))
      }
      return m
    })
    const photoById = new Map(photos.map((p) => [p.id as number, asDocument(p, PHOTO_FIELDS)]))
    for (const id of batch) {
      const row = staffById.get(id)
      if (!row) continue
      const staff = asDocument(row, STAFF_SPECS)
      const sensitiveVisible = 'system' in reader || maySeeSensitive(actor, { id, unitPath: (row.unit_path as string | null) ?? null })
      if (!sensitiveVisible) for (const key of SENSITIVE_KEYS) delete staff[key]
      const photoId = row.photo_id as number | null
      yield toCanonicalRecord(
        {
          staff,
          histories: Object.fromEntries(
            HISTORIES.map((h, i) => {
              const list = rowsOf[i]!.get(id) ?? []
              if (sensitiveVisible || h.sensitive === 'rows') return [h.key, sensitiveVisible ? list : []]
              const hidden = h.sensitive
              return [h.key, list.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !hidden.includes(k))))]
            }),
          ),
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
