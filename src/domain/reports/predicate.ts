/**
 * A column's predicate over the person snapshot at D, as data (JSON): the shipped definitions and those ministry
 * HR saves in `report-definitions` use the same shape. compile.ts turns one into a parameterised SQL condition,
 * evaluate.ts into a TypeScript test of a snapshot (the brute-force check).
 */
import { SNAPSHOT_FIELDS, type SensitiveGroup, type SnapshotField } from './snapshot'

export type Predicate =
  | { always: true }
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate }
  | { field: SnapshotField; eq: string | number | boolean }
  | { field: SnapshotField; in: Array<string | number> }
  /** Inclusive bounds on a number (age): min ≤ value ≤ max; either may be left out. */
  | { field: SnapshotField; min?: number; max?: number }

/** The snapshot fields a predicate reads. */
export function fieldsOf(p: Predicate): SnapshotField[] {
  if ('all' in p) return p.all.flatMap(fieldsOf)
  if ('any' in p) return p.any.flatMap(fieldsOf)
  if ('not' in p) return fieldsOf(p.not)
  if ('field' in p) return [p.field]
  return []
}

/** The sensitive groups a predicate reads (a column testing party membership is a 'party' column). */
export function sensitiveGroupsOf(p: Predicate): SensitiveGroup[] {
  const out = new Set<SensitiveGroup>()
  for (const f of fieldsOf(p)) {
    const s = (SNAPSHOT_FIELDS[f] as { sensitive?: SensitiveGroup }).sensitive
    if (s) out.add(s)
  }
  return [...out]
}

export const and = (...all: Predicate[]): Predicate => ({ all })
export const eq = (field: SnapshotField, value: string | number | boolean): Predicate => ({ field, eq: value })
export const oneOf = (field: SnapshotField, values: Array<string | number>): Predicate => ({ field, in: values })
export const range = (field: SnapshotField, min?: number, max?: number): Predicate => ({ field, ...(min != null ? { min } : {}), ...(max != null ? { max } : {}) })
export const ALWAYS: Predicate = { always: true }
