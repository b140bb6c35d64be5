import type { Field } from 'payload'

import { FamilyMembers, TrainingRecords } from '../../collections/Histories'
import { Staff } from '../../collections/Staff'
import { DECLARED_HISTORIES, STAFF_FIELD_TIERS, type Tier } from '../domain/tiers'

type Label = { vi: string; en: string }

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

const asLabel = (l: unknown, fallback: string): Label =>
  l && typeof l === 'object' ? { vi: String((l as Label).vi ?? fallback), en: String((l as Label).en ?? fallback) } : { vi: String(l ?? fallback), en: String(l ?? fallback) }

function infoOf(f: Record<string, unknown>, section?: Label): FieldInfo | null {
  const name = f.name as string
  const base = { name, label: asLabel(f.label, name), required: Boolean(f.required), section }
  switch (f.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'number':
      return { ...base, type: f.type }
    case 'date': {
      const appearance = (f.admin as { date?: { pickerAppearance?: string } } | undefined)?.date?.pickerAppearance
      return { ...base, type: appearance === 'monthOnly' ? 'month' : 'date' }
    }
    case 'select':
      return {
        ...base,
        type: 'select',
        options: ((f.options as Array<{ value: string; label: unknown }>) ?? []).map((o) => ({ value: o.value, label: asLabel(o.label, o.value) })),
      }
    case 'relationship':
      if (f.relationTo !== 'codes') return { ...base, type: 'relation' }
      return { ...base, type: 'code', codeList: ((f.filterOptions as { list?: { equals?: string } })?.list?.equals) ?? undefined }
    case 'upload':
      return { ...base, type: 'photo' }
    case 'group':
      return { ...base, type: 'group', fields: flatten((f.fields as Field[]) ?? [], section) }
    default:
      return null
  }
}

/** Data fields in form order, through tabs, rows and collapsibles. */
export function flatten(fields: Field[], section?: Label): FieldInfo[] {
  const out: FieldInfo[] = []
  for (const f of fields as Array<Record<string, unknown>>) {
    if (f.type === 'tabs') {
      for (const tab of f.tabs as Array<{ label: unknown; fields: Field[] }>) out.push(...flatten(tab.fields, asLabel(tab.label, '')))
    } else if (f.type === 'row' || f.type === 'collapsible') {
      out.push(...flatten(f.fields as Field[], section))
    } else if (typeof f.name === 'string') {
      const info = infoOf(f, section)
      if (info) out.push(info)
    }
  }
  return out
}

let staffFields: FieldInfo[] | null = null

/** Every data field of the staff record with its tier (src/domain/tiers.ts). */
export function staffCatalogue(): FieldInfo[] {
  staffFields ??= flatten(Staff.fields).map((f) => ({ ...f, tier: STAFF_FIELD_TIERS[f.name] }))
  return staffFields
}

const HISTORY_CONFIGS = { 'training-records': TrainingRecords, 'family-members': FamilyMembers } as const

/** Fields of the rows of a declared history (without the link to the record). */
export function historyCatalogue(slug: string): { label: Label; fields: FieldInfo[] } {
  const config = HISTORY_CONFIGS[slug as keyof typeof HISTORY_CONFIGS]
  if (!config) throw new Error(`not a declared history: ${slug}`)
  return { label: asLabel(config.labels?.plural, slug), fields: flatten(config.fields).filter((f) => f.name !== 'staff') }
}

/** The declared histories with the staff join field name that shows them. */
export const declaredHistories = (): Array<{ field: string; slug: string; label: Label; fields: FieldInfo[] }> =>
  Object.entries(DECLARED_HISTORIES).map(([field, slug]) => ({ field, slug, ...historyCatalogue(slug) }))

/** Label of a field path such as `economy.landOwned`. */
export function labelOf(path: string, catalogue: FieldInfo[] = staffCatalogue()): Label {
  const [head, ...rest] = path.split('.')
  const info = catalogue.find((f) => f.name === head)
  if (!info) return { vi: path, en: path }
  if (rest.length && info.fields) {
    const sub = labelOf(rest.join('.'), info.fields)
    return { vi: `${info.label.vi} — ${sub.vi}`, en: `${info.label.en} — ${sub.en}` }
  }
  return info.label
}

export function infoOfPath(path: string, catalogue: FieldInfo[] = staffCatalogue()): FieldInfo | undefined {
  const [head, ...rest] = path.split('.')
  const info = catalogue.find((f) => f.name === head)
  if (info && rest.length && info.fields) return infoOfPath(rest.join('.'), info.fields)
  return info
}
