/**
 * Record ↔ canonical JSON ("hoso.record/1", schema.ts) and its serialisation: JSON Canonicalization Scheme
 * (RFC 8785: keys sorted by UTF-16 code units, ECMAScript number and string forms, no whitespace), so that the
 * same record always gives the same bytes and the same SHA-256, wherever it is computed.
 */
import { createHash } from 'node:crypto'

import { civilDateInVietnam } from '../calendar/civilDate'
import { toDate } from '../dates'
import { HISTORIES, PHOTO_FIELDS, RECORD_SCHEMA_ID, STAFF_GROUPS, sensitivePaths, type FieldSpec, type HistorySpec } from './schema'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** RFC 8785 canonical form. Throws on what JSON cannot hold (undefined, NaN, Infinity, functions). */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`)
      // ECMAScript Number::toString, which RFC 8785 §3.2.2.3 adopts (and -0 is written 0).
      return JSON.stringify(value)
    case 'string':
      return JSON.stringify(value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
      // Default sort compares UTF-16 code units, as §3.2.3 requires.
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`)
  }
}

/** SHA-256 (hex) of the canonical form. */
export function canonicalSha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')
}

export type CodeRef = { list: string; code: string }
export type RowJson = { id: number | null } & Record<string, Json>

export interface CanonicalRecord {
  schema: typeof RECORD_SCHEMA_ID
  /** The local staff id (import/export address the record by it; meaningless in another installation). */
  id: number | null
  /** Groups of the record (schema.ts STAFF_GROUPS); an omitted group is absent. */
  [group: string]: Json | undefined
}

/** Ids of related documents → their portable codes (built by src/records from the database). */
export interface RecordLookups {
  code(id: number): CodeRef | null
  unit(id: number): string | null
  rank(id: number): string | null
}

/** The rows of one record as Payload returns them (depth 0), and its current photo document. */
export interface RecordSource {
  staff: Record<string, unknown>
  histories: Readonly<Record<string, ReadonlyArray<Record<string, unknown>>>>
  photo?: Record<string, unknown> | null
}

const relationId = (v: unknown): number | null => {
  const id = v && typeof v === 'object' ? (v as { id?: unknown }).id : v
  const n = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : null
}

function getPath(doc: Record<string, unknown>, path: string): { present: boolean; value: unknown } {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object' || !(part in (cur as object))) return { present: false, value: undefined }
    cur = (cur as Record<string, unknown>)[part]
  }
  return { present: true, value: cur }
}

/** A stored value → its JSON form (null for empty). */
function toJsonValue(spec: FieldSpec, value: unknown, lookups: RecordLookups): Json {
  if (value === null || value === undefined || value === '') return null
  switch (spec.type.kind) {
    case 'text':
    case 'email':
    case 'select':
      return String(value)
    case 'number':
    case 'integer':
      return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : null
    case 'date':
    case 'month': {
      const d = toDate(value as string | Date)
      if (!d) return null
      // The day on the Vietnamese calendar: UTC midnight (the storage convention) and a UTC+7 local midnight agree.
      const day = civilDateInVietnam(d)
      return spec.type.kind === 'month' ? day.slice(0, 7) : day
    }
    case 'code': {
      const id = relationId(value)
      return id == null ? null : lookups.code(id)
    }
    case 'unit': {
      const id = relationId(value)
      const c = id == null ? null : lookups.unit(id)
      return c == null ? null : { code: c }
    }
    case 'rank': {
      const id = relationId(value)
      const c = id == null ? null : lookups.rank(id)
      return c == null ? null : { code: c }
    }
  }
}

const compareJson = (a: Json, b: Json): number => {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = typeof a === 'string' ? a : canonicalJson(a)
  const y = typeof b === 'string' ? b : canonicalJson(b)
  return x < y ? -1 : x > y ? 1 : 0
}

function historyRows(spec: HistorySpec, rows: ReadonlyArray<Record<string, unknown>>, lookups: RecordLookups, hideSensitive: boolean): RowJson[] {
  const out = rows.map((row) => {
    const json: RowJson = { id: relationId(row.id) }
    for (const field of spec.fields) {
      if (hideSensitive && spec.sensitive !== 'rows' && spec.sensitive.includes(field.key)) continue
      json[field.key] = toJsonValue(field, row[field.path ?? field.key], lookups)
    }
    return json
  })
  // The form's order, then the row id: the same rows always come in the same order.
  return out.sort((a, b) => {
    for (const k of spec.order) {
      const c = compareJson(a[k] ?? null, b[k] ?? null)
      if (c) return c
    }
    return (a.id ?? 0) - (b.id ?? 0)
  })
}

/**
 * The canonical document of one record as its reader got it. A group whose items the reader may not see
 * (Payload drops those fields: their keys are absent) is left out and named in `omitted`, with the sensitive
 * histories that follow the same rule (NĐ 356/2025 Điều 4.1: kỷ luật rows, family members' details).
 */
export function toCanonicalRecord(source: RecordSource, lookups: RecordLookups): CanonicalRecord {
  const { staff } = source
  const record: CanonicalRecord = { schema: RECORD_SCHEMA_ID, id: relationId(staff.id) }
  const omitted: string[] = []
  for (const group of STAFF_GROUPS) {
    const present = group.fields.some((field) => getPath(staff, field.path ?? field.key).present)
    if (!present) {
      omitted.push(group.key)
      continue
    }
    const json: Record<string, Json> = {}
    for (const field of group.fields) json[field.key] = toJsonValue(field, getPath(staff, field.path ?? field.key).value, lookups)
    record[group.key] = json
  }
  // Sensitive items are all-or-nothing for a reader (src/domain/sensitivity.ts maySeeSensitive).
  const hideSensitive = STAFF_GROUPS.some((g) => g.sensitive && omitted.includes(g.key))
  const histories: Record<string, Json> = {}
  for (const spec of HISTORIES) {
    if (hideSensitive && spec.sensitive === 'rows') continue
    histories[spec.key] = historyRows(spec, source.histories[spec.key] ?? [], lookups, hideSensitive)
  }
  record.histories = histories
  const photo = source.photo
  record.photo = photo
    ? Object.fromEntries(PHOTO_FIELDS.map((field) => [field.key, toJsonValue(field, photo[field.key], lookups)]))
    : null
  record.omitted = hideSensitive ? [...new Set([...omitted, ...sensitivePaths()])].sort() : omitted.sort()
  return record
}

/** Codes → ids, to turn a document back into Payload data. Null when the code does not exist. */
export interface RecordResolver {
  code(list: string, code: string): number | null
  unit(code: string): number | null
  rank(code: string): number | null
}

export interface PayloadRecordData {
  /** Staff fields present in the document, ready for payload.create / payload.update ('economy' as a group). */
  staff: Record<string, unknown>
  /** Per history slug: the rows, each with its id (null = a new row) and its data. */
  histories: Record<string, Array<{ id: number | null; data: Record<string, unknown> }>>
  /** Documents' references that name no existing code, unit or rank. */
  unresolved: Array<{ path: string; value: Json }>
}

function fromJsonValue(spec: FieldSpec, value: Json | undefined, resolver: RecordResolver, path: string, unresolved: PayloadRecordData['unresolved']): unknown {
  if (value === null || value === undefined) return null
  switch (spec.type.kind) {
    case 'date':
      return `${value as string}T00:00:00.000Z`
    case 'month':
      return `${value as string}-01T00:00:00.000Z`
    case 'code': {
      const ref = value as CodeRef
      const id = resolver.code(ref.list, ref.code)
      if (id == null) unresolved.push({ path, value })
      return id
    }
    case 'unit':
    case 'rank': {
      const c = (value as { code: string }).code
      const id = spec.type.kind === 'unit' ? resolver.unit(c) : resolver.rank(c)
      if (id == null) unresolved.push({ path, value })
      return id
    }
    default:
      return value
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.')
  let cur = target
  for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>
  cur[parts.at(-1)!] = value
}

/**
 * A (valid, see validateCanonicalRecord) document → data shaped for Payload: only the groups and histories
 * present in it — an omitted group leaves the stored items unchanged; a null clears an item.
 */
export function fromCanonicalRecord(record: CanonicalRecord, resolver: RecordResolver): PayloadRecordData {
  const out: PayloadRecordData = { staff: {}, histories: {}, unresolved: [] }
  for (const group of STAFF_GROUPS) {
    const json = record[group.key] as Record<string, Json> | undefined
    if (!json) continue
    for (const field of group.fields) {
      if (!(field.key in json)) continue
      setPath(out.staff, field.path ?? field.key, fromJsonValue(field, json[field.key], resolver, `${group.key}.${field.key}`, out.unresolved))
    }
  }
  const histories = (record.histories ?? {}) as Record<string, RowJson[]>
  for (const spec of HISTORIES) {
    const rows = histories[spec.key]
    if (!rows) continue
    out.histories[spec.slug] = rows.map((row, i) => {
      const data: Record<string, unknown> = {}
      for (const field of spec.fields) {
        if (!(field.key in row)) continue
        data[field.path ?? field.key] = fromJsonValue(field, row[field.key], resolver, `histories.${spec.key}[${i}].${field.key}`, out.unresolved)
      }
      return { id: row.id ?? null, data }
    })
  }
  return out
}
