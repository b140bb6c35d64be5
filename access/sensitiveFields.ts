import type { Field, FieldAccess } from 'payload'

import { relationId } from '../src/domain/relationId'
import { maySeeSensitive } from '../src/domain/sensitivity'
import { actorOf } from './actor'
import { poolOf } from '../src/server/pool'

/** Field-level read rule for sensitive items of a staff record (its id and unit path decide). */
export const readSensitiveOfStaff: FieldAccess = ({ req, doc }) =>
  maySeeSensitive(actorOf(req), doc ? { id: relationId(doc.id), unitPath: doc.unitPath as string | undefined } : null)

/** The same rule inside a history row, judged on the row's staff record (unit paths cached per request). */
export const readSensitiveOfRow: FieldAccess = async ({ req, doc }) => {
  const actor = actorOf(req)
  const staffId = relationId(doc?.staff)
  if (!actor || staffId == null) return maySeeSensitive(actor, null)
  const cache = ((req.context as { hosoUnitPaths?: Map<number, string | null> }).hosoUnitPaths ??= new Map())
  if (!cache.has(staffId)) {
    const pool = poolOf(req.payload)
    const { rows } = await pool.query<{ unit_path: string }>('SELECT unit_path FROM staff WHERE id = $1', [staffId])
    cache.set(staffId, rows[0]?.unit_path ?? null)
  }
  return maySeeSensitive(actor, { id: staffId, unitPath: cache.get(staffId) })
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
