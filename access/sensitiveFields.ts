import type { Field, FieldAccess } from 'payload'

import { maySeeSensitive } from '../src/domain/sensitivity'
import { actorOf } from './actor'

/** Field-level read rule for sensitive items of a staff record (the record's own id decides "own"). */
export const readSensitiveOfStaff: FieldAccess = ({ req, doc }) =>
  maySeeSensitive(actorOf(req), doc?.id != null ? Number(doc.id) : null)

/** The same rule inside a history row: "own" means the row's staff record is the actor's. */
export const readSensitiveOfRow: FieldAccess = ({ req, doc }) => {
  const staff = doc?.staff
  const staffId = staff == null ? null : typeof staff === 'object' ? Number(staff.id) : Number(staff)
  return maySeeSensitive(actorOf(req), staffId)
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
