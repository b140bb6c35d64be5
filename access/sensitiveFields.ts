import type { Field, FieldAccess } from 'payload'

import { relationId } from '../src/domain/relationId'
import { maySeeSensitive } from '../src/domain/sensitivity'
import { actorOf } from '../src/accounts/actor'
import { poolOf } from '../src/db/pool'

/**
 * Field-level read rule for sensitive items of a staff record (its id and unit path decide). When Payload
 * evaluates it for the admin's edit view it may pass only `data` or the record `id`: the unit path is then
 * read from the database, so HR in scope sees the items there too (and nobody else does).
 */
export const readSensitiveOfStaff: FieldAccess = async ({ req, doc, data, id }) => {
  const source = (doc ?? data) as { id?: unknown; unitPath?: string | null } | undefined
  const staffId = relationId(source?.id ?? id)
  if (staffId == null) return maySeeSensitive(actorOf(req), null)
  const unitPath = typeof source?.unitPath === 'string' ? source.unitPath : await unitPathOf(req, staffId)
  return maySeeSensitive(actorOf(req), { id: staffId, unitPath: unitPath ?? undefined })
}

async function unitPathOf(req: Parameters<FieldAccess>[0]['req'], staffId: number): Promise<string | null> {
  const cache = ((req.context as { hosoUnitPaths?: Map<number, string | null> }).hosoUnitPaths ??= new Map())
  if (!cache.has(staffId)) {
    const { rows } = await poolOf(req.payload).query<{ unit_path: string }>('SELECT unit_path FROM staff WHERE id = $1', [staffId])
    cache.set(staffId, rows[0]?.unit_path ?? null)
  }
  return cache.get(staffId) ?? null
}

/** The same rule inside a history row, judged on the row's staff record (unit paths cached per request). */
export const readSensitiveOfRow: FieldAccess = async ({ req, doc }) => {
  const actor = actorOf(req)
  const staffId = relationId(doc?.staff)
  if (!actor || staffId == null) return maySeeSensitive(actor, null)
  return maySeeSensitive(actor, { id: staffId, unitPath: (await unitPathOf(req, staffId)) ?? undefined })
}

/** Adds a read rule to every field named in `names`, wherever it sits (rows, tabs, groups). */
export function protectFields(fields: Field[], names: ReadonlySet<string>, read: FieldAccess): Field[] {
  return fields.map((field) => {
    const f = { ...field } as Field & { name?: string; fields?: Field[]; tabs?: Array<{ fields: Field[] }> }
    if (f.name && names.has(f.name)) {
      ;(f as { access?: object }).access = { ...((f as { access?: object }).access ?? {}), read }
    }
    if ('fields' in f && Array.isArray(f.fields) && !(f.name && names.has(f.name))) f.fields = protectFields(f.fields, names, read)
    if ('tabs' in f && Array.isArray(f.tabs)) f.tabs = f.tabs.map((t) => ({ ...t, fields: protectFields(t.fields, names, read) }))
    return f as Field
  })
}
