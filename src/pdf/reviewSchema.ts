/**
 * The review print's list of items, read from the sanitized collection configuration at run time: the
 * staff collection's tabs become groups (same titles, same order, same labels as the admin), and the
 * "Quá trình" join fields become one table per history with the history collection's fields as columns.
 */
import type { Field, Payload } from 'payload'

import { HISTORY_NAMES, type HistoryName, type ReviewField, type ReviewSchema } from '../domain/forms'

type AnyField = Field & {
  name?: string
  type: string
  label?: unknown
  fields?: Field[]
  tabs?: Array<{ label?: unknown; fields: Field[] }>
  options?: Array<string | { value: string; label: unknown }>
  admin?: { hidden?: boolean; date?: { pickerAppearance?: string } }
  collection?: string
}

const vi = (label: unknown, fallback: string): string => {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'vi' in label) return String((label as { vi: unknown }).vi)
  return fallback
}

const SKIPPED = new Set(['staff', 'sortOrder'])

/** Leaf fields, flattening rows and collapsibles; groups become dot paths with the group label as prefix. */
function leaves(fields: Field[], prefix = '', labelPrefix = ''): ReviewField[] {
  const out: ReviewField[] = []
  for (const raw of fields) {
    const f = raw as AnyField
    if (f.admin?.hidden) continue
    if (f.type === 'row' || f.type === 'collapsible') {
      out.push(...leaves(f.fields ?? [], prefix, labelPrefix))
      continue
    }
    if (!f.name || f.type === 'join' || f.type === 'ui' || SKIPPED.has(f.name)) continue
    const label = `${labelPrefix}${vi(f.label, f.name)}`
    const path = `${prefix}${f.name}`
    if (f.type === 'group') {
      out.push(...leaves(f.fields ?? [], `${path}.`, `${label}: `))
      continue
    }
    const type: ReviewField['type'] =
      f.type === 'date' ? (f.admin?.date?.pickerAppearance === 'monthOnly' ? 'month' : 'date') : (f.type as ReviewField['type'])
    const options = f.options?.length
      ? Object.fromEntries(f.options.map((o) => (typeof o === 'string' ? [o, o] : [o.value, vi(o.label, o.value)])))
      : undefined
    out.push({ path, label, type, ...(options ? { options } : {}) })
  }
  return out
}

const cache = new WeakMap<Payload, ReviewSchema>()

export function reviewSchema(payload: Payload): ReviewSchema {
  const cached = cache.get(payload)
  if (cached) return cached
  const staffFields = payload.collections.staff.config.fields as AnyField[]
  const tabs = staffFields.find((f) => f.type === 'tabs')?.tabs ?? []
  const groups: ReviewSchema['groups'] = []
  const histories: ReviewSchema['histories'] = []
  for (const tab of tabs) {
    const joins = tab.fields.filter((f) => (f as AnyField).type === 'join') as AnyField[]
    for (const j of joins) {
      if (!HISTORY_NAMES.includes(j.name as HistoryName)) continue
      const collection = payload.collections[j.collection as 'awards']
      histories.push({ name: j.name as HistoryName, title: vi(j.label, j.name!), fields: leaves(collection.config.fields) })
    }
    const fields = leaves(tab.fields)
    if (fields.length) groups.push({ title: vi(tab.label, ''), fields })
  }
  const schema = { groups, histories }
  cache.set(payload, schema)
  return schema
}
