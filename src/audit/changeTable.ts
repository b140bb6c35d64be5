/**
 * An audit event's changes as a person reads them: one row per field with its label from the collection the
 * event concerns (the admin's label, through the one schema walker), and the before and after values in words —
 * dates as dd/mm/yyyy, options by their label, yes/no, linked codes, units and ranks by name, masked values said
 * to be masked. The auditor's event view renders these rows (collections/AuditEvents/components/AuditChanges).
 */
import type { Payload } from 'payload'

import type { AuditChange } from '../domain/auditEvent'
import { formatDateInVietnam, formatMonthYear } from '../domain/dates'
import { collectionSchema, type Label, type SchemaField } from '../schema/fields'

export interface ChangeRow {
  field: string
  label: Label
  before: Label
  after: Label
  masked: boolean
}

const EMPTY: Label = { vi: '—', en: '—' }
const MASKED: Label = { vi: 'đã che (thông tin nhạy cảm)', en: 'masked (sensitive)' }
/** Relationships shown by name: reference lists an auditor may read. */
const NAMED = new Set(['codes', 'units', 'ranks'])

const same = (s: string): Label => ({ vi: s, en: s })

/** The schema field at a dot path (`economy.landOwned`, `familyMembers.0.name`), through groups. */
export function fieldAt(fields: SchemaField[], path: string): { field: SchemaField | null; label: Label } {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p))
  let list: SchemaField[] | undefined = fields
  let field: SchemaField | null = null
  const labels: Label[] = []
  for (const part of parts) {
    field = list?.find((f) => f.name === part) ?? null
    if (!field) return { field: null, label: labels.length ? join([...labels, same(part)]) : same(path) }
    labels.push(field.label)
    list = field.fields
  }
  return { field, label: join(labels) }
}

const join = (labels: Label[]): Label => ({ vi: labels.map((l) => l.vi).join(' — '), en: labels.map((l) => l.en).join(' — ') })

/** One value in words for the field it belongs to; `names` holds the names of linked rows by `collection:id`. */
export function valueText(field: SchemaField | null, value: unknown, names: ReadonlyMap<string, string>): Label {
  if (value === null || value === undefined || value === '') return EMPTY
  if (Array.isArray(value)) {
    if (!value.length) return EMPTY
    const parts = value.map((v) => valueText(field, v, names))
    return { vi: parts.map((p) => p.vi).join(', '), en: parts.map((p) => p.en).join(', ') }
  }
  if (field?.type === 'date' && typeof value === 'string') {
    const text = field.monthOnly ? formatMonthYear(value) : formatDateInVietnam(value)
    return same(text || value)
  }
  if (typeof value === 'boolean') return value ? { vi: 'Có', en: 'Yes' } : { vi: 'Không', en: 'No' }
  if (field?.options) {
    const option = field.options.find((o) => o.value === value)
    if (option) return option.label
  }
  if (field?.relationTo && (typeof value === 'number' || typeof value === 'string')) {
    const name = names.get(`${field.relationTo}:${value}`)
    return same(name ?? `#${value}`)
  }
  if (typeof value === 'object') return same(JSON.stringify(value))
  return same(String(value))
}

/** The rows of a change list with the labels of `collection` (when Payload knows it). */
export function changeRows(fields: SchemaField[], changes: AuditChange[], names: ReadonlyMap<string, string>): ChangeRow[] {
  return changes.map((c) => {
    const { field, label } = fieldAt(fields, c.field)
    return {
      field: c.field,
      label,
      before: c.masked ? (c.before == null ? EMPTY : MASKED) : valueText(field, c.before, names),
      after: c.masked ? (c.after == null ? EMPTY : MASKED) : valueText(field, c.after, names),
      masked: Boolean(c.masked),
    }
  })
}

/** Reads the changes of an event on `collection` and the names of the codes, units and ranks they link to. */
export async function auditChangeRows(payload: Payload, collection: string | null | undefined, changes: unknown): Promise<ChangeRow[]> {
  const list = Array.isArray(changes) ? (changes as AuditChange[]).filter((c) => c && typeof c.field === 'string') : []
  if (!list.length) return []
  let fields: SchemaField[] = []
  try {
    if (collection) fields = collectionSchema(payload, collection).fields
  } catch {
    fields = [] // a collection that no longer exists: raw field names
  }
  const wanted = new Map<string, Set<number>>()
  for (const c of list) {
    if (c.masked) continue
    const { field } = fieldAt(fields, c.field)
    if (!field?.relationTo || !NAMED.has(field.relationTo)) continue
    for (const v of [c.before, c.after].flat()) {
      if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) {
        const ids = wanted.get(field.relationTo) ?? new Set<number>()
        ids.add(Number(v))
        wanted.set(field.relationTo, ids)
      }
    }
  }
  const names = new Map<string, string>()
  for (const [slug, ids] of wanted) {
    const { docs } = await payload.find({ collection: slug as 'codes', where: { id: { in: [...ids] } }, depth: 0, limit: ids.size, pagination: false, overrideAccess: true })
    for (const d of docs as Array<{ id: number; name?: string; code?: string }>) names.set(`${slug}:${d.id}`, d.name ?? d.code ?? `#${d.id}`)
  }
  return changeRows(fields, list, names)
}
