/**
 * The review print's list of items, read from the sanitized collection configuration at run time: the
 * staff collection's tabs become groups (same titles, same order, same labels as the admin), and the
 * "Quá trình" join fields become one table per history with the history collection's fields as columns.
 */
import type { Payload } from 'payload'

import { HISTORY_NAMES, type HistoryName, type ReviewField, type ReviewSchema } from '../domain/forms'
import { collectionSchema, type SchemaField } from '../schema/fields'

const SKIPPED = new Set(['staff', 'sortOrder'])

/** Leaf fields; groups become dot paths with the group label as prefix. */
function leaves(fields: SchemaField[], prefix = '', labelPrefix = ''): ReviewField[] {
  const out: ReviewField[] = []
  for (const f of fields) {
    if (f.hidden || f.type === 'join' || f.type === 'ui' || SKIPPED.has(f.name)) continue
    const label = `${labelPrefix}${f.label.vi}`
    const path = `${prefix}${f.name}`
    if (f.type === 'group') {
      out.push(...leaves(f.fields ?? [], `${path}.`, `${label}: `))
      continue
    }
    const type = (f.monthOnly ? 'month' : f.type) as ReviewField['type']
    const options = f.options?.length ? Object.fromEntries(f.options.map((o) => [o.value, o.label.vi])) : undefined
    out.push({ path, label, type, ...(options ? { options } : {}) })
  }
  return out
}

const cache = new WeakMap<Payload, ReviewSchema>()

export function reviewSchema(payload: Payload): ReviewSchema {
  const cached = cache.get(payload)
  if (cached) return cached
  const groups: ReviewSchema['groups'] = []
  const histories: ReviewSchema['histories'] = []
  // One group per admin tab, in tab order; the tab's history joins come before its own items.
  const tabs: Array<{ title: string; fields: SchemaField[] }> = []
  for (const f of collectionSchema(payload, 'staff').fields) {
    if (!f.section) continue
    const last = tabs[tabs.length - 1]
    if (last && last.title === f.section.vi) last.fields.push(f)
    else tabs.push({ title: f.section.vi, fields: [f] })
  }
  for (const tab of tabs) {
    for (const j of tab.fields) {
      if (j.type !== 'join' || !HISTORY_NAMES.includes(j.name as HistoryName) || !j.relationTo) continue
      histories.push({ name: j.name as HistoryName, title: j.label.vi, fields: leaves(collectionSchema(payload, j.relationTo).fields) })
    }
    const fields = leaves(tab.fields)
    if (fields.length) groups.push({ title: tab.title, fields })
  }
  const schema = { groups, histories }
  cache.set(payload, schema)
  return schema
}
