/**
 * Leaf predicates → PostgreSQL conditions for `count(*) FILTER (WHERE …)`. Values never enter the SQL text:
 * each one is a parameter placeholder from `param` (typed by the snapshot item), and column names come from the
 * fixed snapshot list, never from the definition. Every comparison is two-valued (coalesce(…, false)) so that
 * `not` of an unknown item is false, as in evaluate.ts.
 */
import type { Leaf } from './definition'
import type { Predicate } from './predicate'
import { SNAPSHOT_FIELDS, type SnapshotField } from './snapshot'

/** The snapshot's column for an item (src/reports/snapshotSql.ts names its columns so). */
export const snapshotColumn = (f: SnapshotField): string => `p.${f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`

const CAST = { text: 'text', number: 'numeric', boolean: 'boolean' } as const

export function compilePredicate(p: Predicate, param: (value: unknown) => string): string {
  if ('always' in p) return 'true'
  if ('all' in p) return `(${p.all.map((q) => compilePredicate(q, param)).join(' AND ')})`
  if ('any' in p) return `(${p.any.map((q) => compilePredicate(q, param)).join(' OR ')})`
  if ('not' in p) return `(NOT ${compilePredicate(p.not, param)})`
  const col = snapshotColumn(p.field)
  const cast = CAST[SNAPSHOT_FIELDS[p.field].type]
  if ('eq' in p) return `coalesce(${col} = ${param(p.eq)}::${cast}, false)`
  if ('in' in p) return `coalesce(${col} = ANY(${param(p.in)}::${cast}[]), false)`
  const parts: string[] = []
  if (p.min != null) parts.push(`${col} >= ${param(p.min)}::numeric`)
  if (p.max != null) parts.push(`${col} <= ${param(p.max)}::numeric`)
  return `coalesce(${parts.join(' AND ') || 'true'}, false)`
}

/** The select list of one report query: one `count(*) FILTER` per leaf, named c0, c1 … in leaf order. */
export function compileCounts(leaves: readonly Leaf[], param: (value: unknown) => string): string {
  return leaves.map((l, i) => `count(*) FILTER (WHERE ${compilePredicate(l.when, param)}) AS c${i}`).join(',\n  ')
}

/** A parameter list and its placeholder maker, numbering from `start` + 1. */
export function parameters(start = 0): { params: unknown[]; param: (value: unknown) => string } {
  const params: unknown[] = []
  return { params, param: (v) => `$${start + params.push(v)}` }
}
