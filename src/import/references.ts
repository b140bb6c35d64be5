/**
 * The reference data an import or export names cells with — code lists, units, ranks (with their salary scales),
 * select labels — and the items' labels as the form shows them, read once per run from the database and from the
 * collections' configuration (the one place labels are written).
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import type { Label, LabelOf, ReferenceLists } from '../domain/import'
import { transactionDb, type Drizzle } from '../db/pool'

export interface ImportReferences extends ReferenceLists {
  labelOf: LabelOf
  /** Unit code → id and tree path. */
  unitByCode(code: string): { id: number; path: string | null } | null
  /** Rank id → salary scale (for the form's rank/step checks). */
  rankScale(id: number): { code: string; coefficients: number[] } | null
}

type FieldLike = { name?: string; type?: string; label?: unknown; options?: unknown; flattenedFields?: FieldLike[]; fields?: FieldLike[] }

const asLabel = (label: unknown, fallback: string): Label => {
  if (label && typeof label === 'object') {
    const l = label as Record<string, string>
    return { vi: l.vi ?? l.en ?? fallback, en: l.en ?? l.vi ?? fallback }
  }
  return typeof label === 'string' ? { vi: label, en: label } : { vi: fallback, en: fallback }
}

function fieldAt(fields: readonly FieldLike[] | undefined, path: string): FieldLike | null {
  const [head, ...rest] = path.split('.')
  const field = (fields ?? []).find((f) => f.name === head)
  if (!field) return null
  return rest.length ? fieldAt(field.flattenedFields ?? field.fields, rest.join('.')) : field
}

export async function importReferences(payload: Payload, req?: PayloadRequest): Promise<ImportReferences> {
  const db = req ? await transactionDb(payload, req) : (payload.db as unknown as { drizzle: Drizzle }).drizzle
  const [codes, units, ranks] = await Promise.all([
    db.execute(sql`SELECT list, code, name FROM codes ORDER BY list, sort_order, code`),
    db.execute(sql`SELECT id, code, name, path FROM units ORDER BY path, code`),
    db.execute(sql`SELECT id, code, name, coefficients FROM ranks ORDER BY code`),
  ])
  const byList = new Map<string, Array<{ code: string; name: string }>>()
  for (const c of codes.rows as Array<{ list: string; code: string; name: string }>) (byList.get(c.list) ?? byList.set(c.list, []).get(c.list)!).push({ code: c.code, name: c.name })
  const unitRows = units.rows as Array<{ id: number; code: string; name: string; path: string | null }>
  const rankRows = ranks.rows as Array<{ id: number; code: string; name: string; coefficients: unknown }>
  const unitMap = new Map(unitRows.map((u) => [u.code, u]))
  const scales = new Map(rankRows.map((r) => [r.id, Array.isArray(r.coefficients) ? { code: r.code, coefficients: r.coefficients as number[] } : null]))

  const fieldsOf = (slug: string) => (payload.collections as Record<string, { config: { flattenedFields: FieldLike[] } } | undefined>)[slug]?.config.flattenedFields
  const selectCache = new Map<string, Array<{ value: string; label: string }>>()
  const selectLabels = (key: string) => {
    if (!selectCache.has(key)) {
      let options: unknown = null
      for (const slug of ['staff', 'family-members', 'disciplines']) {
        const f = fieldAt(fieldsOf(slug), key)
        if (f?.type === 'select') {
          options = f.options
          break
        }
      }
      selectCache.set(
        key,
        Array.isArray(options) ? options.map((o: { value?: string; label?: unknown } | string) => (typeof o === 'string' ? { value: o, label: o } : { value: o.value!, label: asLabel(o.label, o.value!).vi })) : [],
      )
    }
    return selectCache.get(key)!
  }
  return {
    codes: (list) => byList.get(list) ?? [],
    units: () => unitRows,
    ranks: () => rankRows,
    selectLabels,
    labelOf: (collection, path) => {
      const f = fieldAt(fieldsOf(collection), path)
      return f ? asLabel(f.label, path) : null
    },
    unitByCode: (code) => {
      const u = unitMap.get(code)
      return u ? { id: u.id, path: u.path } : null
    },
    rankScale: (id) => scales.get(id) ?? null,
  }
}
