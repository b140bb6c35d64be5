import type { Payload } from 'payload'

import { DECLARED_HISTORIES, STAFF_FIELD_TIERS, type Tier } from '../domain/tiers'
import { collectionSchema, type Label, type SchemaField } from '../schema/fields'

/** What a form and a diff need to know about one field: its label, kind and choices. */
export interface FieldInfo {
  name: string
  label: Label
  type: 'text' | 'textarea' | 'email' | 'date' | 'month' | 'number' | 'select' | 'code' | 'relation' | 'photo' | 'group'
  tier?: Tier
  required?: boolean
  /** Options of a select field. */
  options?: Array<{ value: string; label: Label }>
  /** Code list of a `codes` relationship. */
  codeList?: string
  /** Sub-fields of a group. */
  fields?: FieldInfo[]
  /** The admin tab it belongs to. */
  section?: Label
}

/** The kinds a form and a diff know; other fields (joins, checkboxes the workflow never proposes) are left out. */
function infoOf(f: SchemaField): FieldInfo | null {
  const base = { name: f.name, label: f.label, required: f.required, section: f.section }
  switch (f.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'number':
      return { ...base, type: f.type }
    case 'date':
      return { ...base, type: f.monthOnly ? 'month' : 'date' }
    case 'select':
      return { ...base, type: 'select', options: f.options ?? [] }
    case 'relationship':
      return f.relationTo === 'codes' ? { ...base, type: 'code', codeList: f.codeList } : { ...base, type: 'relation' }
    case 'upload':
      return { ...base, type: 'photo' }
    case 'group':
      return { ...base, type: 'group', fields: infos(f.fields ?? []) }
    default:
      return null
  }
}

const infos = (fields: SchemaField[]): FieldInfo[] => fields.map(infoOf).filter((f): f is FieldInfo => f !== null)

const staffCache = new WeakMap<Payload, FieldInfo[]>()

/** Every data field of the staff record with its tier (src/domain/tiers.ts). */
export function staffCatalogue(payload: Payload): FieldInfo[] {
  let fields = staffCache.get(payload)
  if (!fields) staffCache.set(payload, (fields = infos(collectionSchema(payload, 'staff').fields).map((f) => ({ ...f, tier: STAFF_FIELD_TIERS[f.name] }))))
  return fields
}

/** Fields of the rows of a declared history (without the link to the record). */
export function historyCatalogue(payload: Payload, slug: string): { label: Label; fields: FieldInfo[] } {
  if (!Object.values(DECLARED_HISTORIES).includes(slug)) throw new Error(`not a declared history: ${slug}`)
  const { label, fields } = collectionSchema(payload, slug)
  return { label, fields: infos(fields).filter((f) => f.name !== 'staff') }
}

/** The declared histories with the staff join field name that shows them. */
export const declaredHistories = (payload: Payload): Array<{ field: string; slug: string; label: Label; fields: FieldInfo[] }> =>
  Object.entries(DECLARED_HISTORIES).map(([field, slug]) => ({ field, slug, ...historyCatalogue(payload, slug) }))

/** Label of a field path such as `economy.landOwned`. */
export function labelOf(path: string, catalogue: FieldInfo[]): Label {
  const [head, ...rest] = path.split('.')
  const info = catalogue.find((f) => f.name === head)
  if (!info) return { vi: path, en: path }
  if (rest.length && info.fields) {
    const sub = labelOf(rest.join('.'), info.fields)
    return { vi: `${info.label.vi} — ${sub.vi}`, en: `${info.label.en} — ${sub.en}` }
  }
  return info.label
}

export function infoOfPath(path: string, catalogue: FieldInfo[]): FieldInfo | undefined {
  const [head, ...rest] = path.split('.')
  const info = catalogue.find((f) => f.name === head)
  if (info && rest.length && info.fields) return infoOfPath(rest.join('.'), info.fields)
  return info
}
