/**
 * What goes into an audit event (domain.md §6.3): field changes with old → new values, except that
 * sensitive items and identifiers (NĐ 356/2025 Điều 4.1; CCCD, BHXH …: "never log") are replaced by a
 * keyed digest — an auditor can still see that a value changed, and whether two events hold the same
 * value, without the log revealing it (a plain hash of a 12-digit CCCD could be brute-forced).
 * Pure: the key and the sensitivity rule are passed in.
 */
import { createHmac } from 'node:crypto'

import { recordScope, type Actor } from './access'
import { diffRecord } from './recordDiff'
import { isWithinSubtree } from './unitTree'

export interface AuditChange {
  field: string
  before: unknown
  after: unknown
  /** Values replaced by `hmac:<16 hex>` digests (null stays null). */
  masked?: true
}

export interface ChangeOptions {
  /** True when the field (top-level name of a dot path) holds sensitive data. */
  isSensitive: (field: string) => boolean
  /** Key for the value digests (derived from the server secret). */
  digestKey: string
  /** Field paths never reported (join fields, derived fields). */
  ignore?: string[]
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

/** Populated relationships become their id; dates their ISO text: the log holds values, not documents. */
export function compactValue(v: unknown): unknown {
  if (v === undefined) return null
  if (v instanceof Date) return v.toISOString()
  if (Array.isArray(v)) return v.map(compactValue)
  if (isObject(v)) {
    if ('id' in v && Object.keys(v).length > 2) return v.id
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compactValue(x)]))
  }
  return v
}

export function valueDigest(value: unknown, key: string): string | null {
  if (value == null || value === '') return null
  return `hmac:${createHmac('sha256', key).update(JSON.stringify(compactValue(value))).digest('hex').slice(0, 16)}`
}

/** The changes between two versions of a record (either may be empty: create, delete), masked. */
export function auditChanges(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined, o: ChangeOptions): AuditChange[] {
  return diffRecord(before ?? {}, after ?? {}, { ignore: o.ignore }).map((c) => {
    const top = c.field.split('.')[0]!
    if (o.isSensitive(top)) return { field: c.field, before: valueDigest(c.before, o.digestKey), after: valueDigest(c.after, o.digestKey), masked: true }
    return { field: c.field, before: compactValue(c.before), after: compactValue(c.after) }
  })
}

/** ".3.17.42." — ids fenced by dots, so "concerns record 17" is `LIKE '%.17.%'` (as unit paths). */
export function dottedIds(ids: Iterable<number | string>): string | null {
  const unique = [...new Set([...ids].map(String))].filter((s) => s !== '')
  return unique.length ? `.${unique.join('.')}.` : null
}

/** Every unit on the paths of the people concerned: "concerns someone in unit 7's subtree" is `LIKE '%.7.%'`. */
export function unitTokens(paths: Iterable<string | null | undefined>): string | null {
  const ids = new Set<string>()
  for (const p of paths) for (const id of (p ?? '').split('.')) if (id) ids.add(id)
  return dottedIds(ids)
}

/** Whether the actor reaches a record by its own duty (roles and unit), without any grant. */
export function reachedByDuty(actor: Actor, action: 'read' | 'update'): (r: { id: number; unitPath?: string | null }) => boolean {
  const byDuty = recordScope({ ...actor, grants: [] }, action)
  return (r) =>
    byDuty.kind === 'all' ||
    (byDuty.kind === 'some' && (byDuty.staffIds.includes(r.id) || byDuty.subtreeUnitIds.some((u) => r.unitPath != null && isWithinSubtree(r.unitPath, u))))
}

/**
 * The purposes of the grants through which `actor` reaches records it could not reach by its own duty
 * (QĐ 832: access "theo mục đích"): the purpose a read or change is logged with. Empty when every record
 * is within the actor's own duty.
 */
export function grantPurposes(actor: Actor | null | undefined, records: ReadonlyArray<{ id: number; unitPath?: string | null }>, action: 'read' | 'update'): string[] {
  if (!actor?.grants?.length) return []
  const byDuty = reachedByDuty(actor, action)
  const purposes = new Set<string>()
  for (const r of records) {
    if (byDuty(r)) continue
    for (const g of actor.grants) {
      if (action === 'update' && g.action !== 'update') continue
      if (g.staffIds.includes(r.id) || g.unitIds.some((u) => r.unitPath != null && isWithinSubtree(r.unitPath, u))) purposes.add(g.purpose)
    }
  }
  return [...purposes]
}
