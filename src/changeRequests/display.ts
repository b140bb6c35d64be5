import type { PayloadRequest } from 'payload'

import { formatDate, formatMonthYear } from '../domain/dates'
import type { RowChange } from '../domain/recordDiff'
import { historyCatalogue, infoOfPath, staffCatalogue, type FieldInfo } from './catalogue'

type Lang = 'vi' | 'en'

const idOf = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)

/** Code ids mentioned by values of `code` fields, to look their names up in one query. */
function codeIds(value: unknown, info: FieldInfo | undefined, out: Set<number>) {
  if (info?.type === 'code' && value != null && value !== '') out.add(Number(idOf(value)))
  if (info?.type === 'group' && value && typeof value === 'object') {
    for (const f of info.fields ?? []) codeIds((value as Record<string, unknown>)[f.name], f, out)
  }
}

export async function codeNames(req: PayloadRequest, ids: Set<number>): Promise<Map<number, string>> {
  const valid = [...ids].filter((n) => Number.isInteger(n))
  if (!valid.length) return new Map()
  const found = await req.payload.find({ collection: 'codes', where: { id: { in: valid } }, depth: 0, pagination: false, overrideAccess: true, req })
  return new Map(found.docs.map((d) => [Number(d.id), String((d as { name?: string }).name ?? d.id)]))
}

/** A value as a person reads it: dd/mm/yyyy dates, option labels, code names, "Có"/"Không". */
export function displayValue(value: unknown, info: FieldInfo | undefined, names: Map<number, string>, lang: Lang): string {
  if (value == null || value === '') return ''
  switch (info?.type) {
    case 'date':
      return formatDate(value as string)
    case 'month':
      return formatMonthYear(value as string)
    case 'select':
      return info.options?.find((o) => o.value === value)?.label[lang] ?? String(value)
    case 'code':
      return names.get(Number(idOf(value))) ?? String(idOf(value))
    case 'photo':
      return lang === 'vi' ? `Ảnh #${idOf(value)}` : `Photo #${idOf(value)}`
    case 'group': {
      const o = value as Record<string, unknown>
      return (info.fields ?? [])
        .map((f) => [f, displayValue(o[f.name], f, names, lang)] as const)
        .filter(([, v]) => v)
        .map(([f, v]) => `${f.label[lang]}: ${v}`)
        .join('; ')
    }
  }
  if (typeof value === 'boolean') return value ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No'
  return String(value)
}

/** One row of a declared history as a line of text, in form order. */
export function displayRow(row: Record<string, unknown> | undefined, fields: FieldInfo[], names: Map<number, string>, lang: Lang): string {
  if (!row) return ''
  return fields
    .map((f) => displayValue(row[f.name], f, names, lang))
    .filter(Boolean)
    .join(' · ')
}

/** Adds display text to field and row changes (labels and values in the caller's language). */
export async function displayChanges(
  req: PayloadRequest,
  fields: Array<{ field: string; before: unknown; after: unknown; label: { vi: string; en: string } }>,
  rows: RowChange[],
) {
  const lang: Lang = req.i18n?.language === 'en' ? 'en' : 'vi'
  const staff = staffCatalogue(req.payload)
  const ids = new Set<number>()
  for (const c of fields) {
    const info = infoOfPath(c.field, staff)
    codeIds(c.before, info, ids)
    codeIds(c.after, info, ids)
  }
  for (const r of rows) {
    const { fields: rowFields } = historyCatalogue(req.payload, r.collection)
    for (const f of rowFields) {
      codeIds(r.before?.[f.name], f, ids)
      codeIds(r.after?.[f.name], f, ids)
    }
  }
  const names = await codeNames(req, ids)
  return {
    fields: fields.map((c) => {
      const info = infoOfPath(c.field, staff)
      return { field: c.field, label: c.label[lang], before: displayValue(c.before, info, names, lang), after: displayValue(c.after, info, names, lang) }
    }),
    rows: rows.map((r) => {
      const catalogue = historyCatalogue(req.payload, r.collection)
      return {
        collection: r.collection,
        collectionLabel: catalogue.label[lang],
        kind: r.kind,
        id: r.id ?? null,
        before: displayRow(r.before, catalogue.fields, names, lang),
        after: displayRow(r.after, catalogue.fields, names, lang),
        fields: (r.fields ?? []).map((c) => {
          const info = infoOfPath(c.field, catalogue.fields)
          return {
            field: c.field,
            label: info?.label[lang] ?? c.field,
            before: displayValue(c.before, info, names, lang),
            after: displayValue(c.after, info, names, lang),
          }
        }),
      }
    }),
  }
}
