/**
 * What an imported row does to a record: the record as stored (or an empty one for a new person) with the row's
 * cells applied — an empty cell or an absent column leaves the item, the clear marker empties it; history rows
 * address their row by id (blank = new, the delete marker removes it, a row not in the file stays).
 */
import { searchKey } from '../names'
import { canonicalJson, type CanonicalRecord, type Json, type RowJson } from '../record/canonical'
import { HISTORIES, RECORD_SCHEMA_ID, STAFF_GROUPS } from '../record/schema'

/** One item set by a cell: its value, or null when the cell held the clear marker. */
export type Items = Record<string, Json>

export interface HistoryEdit {
  /** Sheet row, for problems. */
  row: number
  rowId: number | null
  remove: boolean
  items: Items
}

export interface EditProblem {
  row: number
  column: string | null
  vi: string
  en: string
}

/** A new person's record before the file's values: every group present and empty, no rows. */
export function emptyRecord(): CanonicalRecord {
  const record: CanonicalRecord = { schema: RECORD_SCHEMA_ID, id: null }
  for (const group of STAFF_GROUPS) record[group.key] = Object.fromEntries(group.fields.map((f) => [f.key, null]))
  record.histories = Object.fromEntries(HISTORIES.map((h) => [h.key, []]))
  record.photo = null
  record.omitted = []
  return record
}

/**
 * `base` with the edits applied (a copy; `base` is not changed). `groups` holds, per group, the items set by the
 * row's cells; `histories` the rows of each history sheet for this person.
 */
export function applyEdits(
  base: CanonicalRecord,
  groups: Readonly<Record<string, Items>>,
  histories: Readonly<Record<string, readonly HistoryEdit[]>>,
): { record: CanonicalRecord; problems: EditProblem[] } {
  const record = JSON.parse(JSON.stringify(base)) as CanonicalRecord
  const problems: EditProblem[] = []
  for (const [groupKey, items] of Object.entries(groups)) {
    const group = (record[groupKey] ?? (record[groupKey] = {})) as Record<string, Json>
    Object.assign(group, items)
  }
  const rowsByKey = (record.histories ?? (record.histories = {})) as Record<string, RowJson[]>
  for (const spec of HISTORIES) {
    const edits = histories[spec.key]
    if (!edits?.length) continue
    const rows = (rowsByKey[spec.key] ??= [])
    for (const edit of edits) {
      if (edit.rowId == null) {
        if (edit.remove) continue
        const row: RowJson = { id: null }
        for (const f of spec.fields) row[f.key] = edit.items[f.key] ?? null
        rows.push(row)
        continue
      }
      const at = rows.findIndex((r) => r.id === edit.rowId)
      if (at < 0) {
        problems.push({ row: edit.row, column: 'id', vi: `Mã dòng ${edit.rowId} không thuộc hồ sơ này`, en: `Row id ${edit.rowId} does not belong to this record` })
        continue
      }
      if (edit.remove) rows.splice(at, 1)
      else Object.assign(rows[at]!, edit.items)
    }
  }
  return { record, problems }
}

/** Whether applying the file changed nothing (same canonical form). */
export const sameRecord = (a: CanonicalRecord, b: CanonicalRecord) => canonicalJson(a) === canonicalJson(b)

/** Name + date of birth as compared for possible duplicates: no accents, case or spacing. */
export function personKey(fullName: Json | undefined, birthDate: Json | undefined): string | null {
  if (typeof fullName !== 'string' || typeof birthDate !== 'string' || !fullName.trim()) return null
  const name = searchKey(fullName)
  return `${name}|${birthDate}`
}
