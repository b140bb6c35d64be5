/**
 * The one walker over a collection's fields, read from the configuration Payload holds at run time
 * (`payload.collections[slug].config.fields`): the self-service form, the change-request diff and the
 * review print all describe the record from it, so a field added to a collection shows up in each with
 * the admin's label, order and tab — and no service imports a collection config (collections/ sits above
 * src/ and imports it).
 */
import type { Field, Payload } from 'payload'

export type Label = { vi: string; en: string }

/** One data field: layout (tabs, rows, collapsibles) flattened away, groups kept with their sub-fields. */
export interface SchemaField {
  name: string
  label: Label
  /** Payload's field type ('text', 'date', 'select', 'relationship', 'group', 'join', …). */
  type: string
  required: boolean
  /** Hidden in the admin (system fields such as the unit path). */
  hidden: boolean
  /** A date picked as month and year only. */
  monthOnly: boolean
  /** Options of a select field (a plain string option becomes its own label). */
  options?: Array<{ value: string; label: Label }>
  /** Collection a relationship, upload or join field points to. */
  relationTo?: string
  /** Code list of a relationship to `codes` (its `filterOptions`). */
  codeList?: string
  /** Sub-fields of a group. */
  fields?: SchemaField[]
  /** The admin tab the field sits in. */
  section?: Label
}

/** Fields Payload's sanitizer adds to every collection (payload/dist/collections/config/sanitize.js): not the record's. */
const PAYLOAD_TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'deletedAt'])

type RawField = Record<string, unknown> & { name?: string; type: string; fields?: Field[] }

export const labelOf = (l: unknown, fallback: string): Label =>
  l && typeof l === 'object'
    ? { vi: String((l as Label).vi ?? fallback), en: String((l as Label).en ?? fallback) }
    : typeof l === 'string'
      ? { vi: l, en: l }
      : { vi: fallback, en: fallback }

function fieldOf(f: RawField, section: Label | undefined): SchemaField {
  const name = f.name!
  const admin = f.admin as { hidden?: boolean; date?: { pickerAppearance?: string } } | undefined
  const relationTo = typeof f.relationTo === 'string' ? f.relationTo : typeof f.collection === 'string' ? f.collection : undefined
  const options = Array.isArray(f.options)
    ? (f.options as Array<string | { value: string; label: unknown }>).map((o) =>
        typeof o === 'string' ? { value: o, label: { vi: o, en: o } } : { value: o.value, label: labelOf(o.label, o.value) },
      )
    : undefined
  const codeList = relationTo === 'codes' ? (f.filterOptions as { list?: { equals?: string } } | undefined)?.list?.equals : undefined
  return {
    name,
    label: labelOf(f.label, name),
    type: f.type,
    required: Boolean(f.required),
    hidden: Boolean(admin?.hidden),
    monthOnly: f.type === 'date' && admin?.date?.pickerAppearance === 'monthOnly',
    ...(options ? { options } : {}),
    ...(relationTo ? { relationTo } : {}),
    ...(codeList ? { codeList } : {}),
    ...(f.type === 'group' ? { fields: walkFields((f.fields ?? []) as Field[], section) } : {}),
    ...(section ? { section } : {}),
  }
}

/** The data fields of a field list in form order, through tabs, rows and collapsibles. */
export function walkFields(fields: Field[], section?: Label): SchemaField[] {
  const out: SchemaField[] = []
  for (const f of fields as RawField[]) {
    if (f.type === 'tabs') {
      for (const tab of f.tabs as Array<{ label?: unknown; fields: Field[] }>) out.push(...walkFields(tab.fields, labelOf(tab.label, '')))
    } else if (f.type === 'row' || f.type === 'collapsible') {
      out.push(...walkFields(f.fields ?? [], section))
    } else if (typeof f.name === 'string' && !(section === undefined && PAYLOAD_TIMESTAMPS.has(f.name))) {
      out.push(fieldOf(f, section))
    }
  }
  return out
}

const cache = new WeakMap<Payload, Map<string, { label: Label; fields: SchemaField[] }>>()

/** A collection's data fields and plural label as the running Payload configured them (walked once per instance). */
export function collectionSchema(payload: Payload, slug: string): { label: Label; fields: SchemaField[] } {
  let bySlug = cache.get(payload)
  if (!bySlug) cache.set(payload, (bySlug = new Map()))
  let schema = bySlug.get(slug)
  if (!schema) {
    const collection = payload.collections[slug as keyof typeof payload.collections]
    if (!collection) throw new Error(`no collection ${slug}`)
    schema = { label: labelOf(collection.config.labels?.plural, slug), fields: walkFields(collection.config.fields) }
    bySlug.set(slug, schema)
  }
  return schema
}
