/**
 * Field-by-field difference between the official staff record and a proposed version (a change request),
 * for the HR review screen. Pure: values are compared as Payload hands them over.
 *
 * Comparison rules:
 * - null, undefined, '' and [] are all "empty" and equal to each other;
 * - a relationship (an id or a populated document `{ id, … }`) compares by id;
 * - dates (Date objects or ISO strings) compare by instant: '2024-07-01' equals '2024-07-01T00:00:00.000Z';
 * - a number equals the same number written as a string ('5' and 5; '05' stays different);
 * - nested groups (plain objects without `id`) are compared field by field and reported as dot paths;
 * - other arrays compare as a whole: scalars and relationships as unordered sets, rows in order.
 */

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface RowChange {
  collection: string
  kind: 'added' | 'removed' | 'changed'
  id?: number | string
  before?: Record<string, unknown>
  after?: Record<string, unknown>
  fields?: FieldChange[]
}

/** Bookkeeping fields never shown as changes, at any depth. */
export const ALWAYS_IGNORED: readonly string[] = ['id', 'createdAt', 'updatedAt', 'searchName', 'sortName', 'unitPath']

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

const isRelation = (v: unknown): v is { id: unknown } => isPlainObject(v) && 'id' in v

const isEmpty = (v: unknown): boolean => v == null || v === '' || (Array.isArray(v) && v.length === 0)

/** Milliseconds since the epoch for a Date or an ISO date string, else null. */
function instant(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime()
  if (typeof v === 'string' && ISO_DATE.test(v.trim())) {
    const t = Date.parse(v.trim())
    return Number.isNaN(t) ? null : t
  }
  return null
}

/** A canonical string for a leaf value, such that equal-meaning values have equal keys. */
function canonical(v: unknown): string {
  if (isEmpty(v)) return 'empty'
  if (isRelation(v)) return isEmpty(v.id) ? 'empty' : canonical(v.id)
  const t = instant(v)
  if (t != null) return `date:${t}`
  // 5 equals '5', but strings are never reinterpreted: '0912' stays different from '912'.
  if (typeof v === 'number' || typeof v === 'string') return `str:${v}`
  if (typeof v === 'boolean') return `bool:${v}`
  if (Array.isArray(v)) {
    const items = v.map(canonical)
    const unordered = v.every((x) => !isPlainObject(x) || isRelation(x))
    return `arr:${JSON.stringify(unordered ? items.sort() : items)}`
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => !ALWAYS_IGNORED.includes(k) && !isEmpty(v[k])).sort()
    return `obj:${JSON.stringify(keys.map((k) => [k, canonical(v[k])]))}`
  }
  return `other:${String(v)}`
}

/** A group is a plain object that is not a populated relationship. */
const isGroup = (v: unknown): v is Record<string, unknown> => isPlainObject(v) && !isRelation(v)

function walk(official: Record<string, unknown>, proposed: Record<string, unknown>, prefix: string, ignored: (path: string, key: string) => boolean, out: FieldChange[]): void {
  const keys = new Set([...Object.keys(official), ...Object.keys(proposed)])
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key
    if (ignored(path, key)) continue
    const before = official[key]
    const after = proposed[key]
    // A group on either side, and the other side a group or empty: compare field by field.
    if ((isGroup(before) || isGroup(after)) && (isGroup(before) || isEmpty(before)) && (isGroup(after) || isEmpty(after))) {
      walk(isGroup(before) ? before : {}, isGroup(after) ? after : {}, path, ignored, out)
      continue
    }
    if (canonical(before) !== canonical(after)) out.push({ field: path, before: before ?? null, after: after ?? null })
  }
}

/**
 * The fields whose value differs between `official` and `proposed`, sorted by field path.
 * `options.ignore` holds field paths to skip (a group path skips the whole group).
 * A missing value is reported as null.
 */
export function diffRecord(official: Record<string, unknown>, proposed: Record<string, unknown>, options?: { ignore?: string[] }): FieldChange[] {
  const extra = options?.ignore ?? []
  const ignored = (path: string, key: string) =>
    ALWAYS_IGNORED.includes(key) || extra.some((p) => path === p || path.startsWith(`${p}.`))
  const out: FieldChange[] = []
  walk(official ?? {}, proposed ?? {}, '', ignored, out)
  return out.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
}

type Row = Record<string, unknown> & { id?: number | string }

const hasId = (r: Row): boolean => r.id != null && r.id !== ''

/**
 * Row-level changes of a child collection (e.g. family members) between the official rows and the proposed
 * ones, matched by `id`: official rows first in their order (changed or removed), then added rows in
 * proposed order. Proposed rows without an id, or with an id the official rows do not have, are added.
 */
export function diffRows(collection: string, official: Row[], proposed: Row[]): RowChange[] {
  const proposedById = new Map<string, Row>()
  const added: RowChange[] = []
  for (const row of proposed ?? []) {
    const key = hasId(row) ? String(row.id) : null
    if (key != null && !proposedById.has(key) && (official ?? []).some((o) => hasId(o) && String(o.id) === key)) {
      proposedById.set(key, row)
    } else {
      added.push({ collection, kind: 'added', ...(key != null ? { id: row.id } : {}), after: row })
    }
  }
  const out: RowChange[] = []
  const seen = new Set<string>()
  for (const row of official ?? []) {
    const key = hasId(row) ? String(row.id) : null
    const match = key != null && !seen.has(key) ? proposedById.get(key) : undefined
    if (key != null) seen.add(key)
    if (!match) {
      out.push({ collection, kind: 'removed', ...(hasId(row) ? { id: row.id } : {}), before: row })
      continue
    }
    const fields = diffRecord(row, match, { ignore: ['staff'] })
    if (fields.length) out.push({ collection, kind: 'changed', id: row.id, before: row, after: match, fields })
  }
  return [...out, ...added]
}

/** True when a change request changes nothing: no field and no row differs. */
export function isEmptyDiff(fields: FieldChange[], rows: RowChange[]): boolean {
  return fields.length === 0 && rows.length === 0
}
