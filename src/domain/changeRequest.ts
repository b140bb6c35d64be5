/**
 * The content of a change request: what a person proposes against the official record, kept apart from it
 * until HR approves (reference/domain.md §8 rule 1: a change-request collection, not bare drafts).
 *
 * - A snapshot is the self-declared part of the official record: T2 fields and the declared histories'
 *   rows, as stored (relations as ids, dates as ISO strings).
 * - Its stamp (SHA-256 of a canonical serialisation) tells whether the official record changed since a
 *   person or a reviewer last saw it: every save and every approval compares stamps, so nobody
 *   overwrites a change they have not seen ("đã có thay đổi mới").
 * - A proposal holds only what differs from the snapshot it was made against.
 */
import { createHash } from 'node:crypto'

import { diffRecord, diffRows, type FieldChange, type RowChange } from './recordDiff'
import { DECLARED_HISTORIES, STAFF_FIELD_TIERS } from './tiers'

export type Row = Record<string, unknown> & { id?: number | string }

export interface Snapshot {
  fields: Record<string, unknown>
  /** Rows of each declared history, keyed by collection slug. */
  rows: Record<string, Row[]>
}

export interface Proposal {
  fields: Record<string, unknown>
  /** The whole proposed list of rows, for each history the person changed. */
  rows: Record<string, Row[]>
}

/** T2 scalar fields (what waits for approval). */
export const DECLARED_FIELDS: readonly string[] = Object.entries(STAFF_FIELD_TIERS)
  .filter(([name, tier]) => tier === 'T2' && !(name in DECLARED_HISTORIES))
  .map(([name]) => name)

export const DECLARED_HISTORY_SLUGS: readonly string[] = Object.values(DECLARED_HISTORIES)

const ROW_BOOKKEEPING = new Set(['createdAt', 'updatedAt', 'staff', 'searchName', 'sortName', 'unitPath'])

const idOf = (v: unknown): unknown => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)

/** A row as a proposal carries it: no bookkeeping, relations as ids. */
export function cleanRow(row: Row): Row {
  const out: Row = {}
  for (const [k, v] of Object.entries(row)) {
    if (ROW_BOOKKEEPING.has(k)) continue
    out[k] = Array.isArray(v) ? v.map(idOf) : idOf(v)
  }
  return out
}

/** The self-declared part of an official record (`record` at depth 0, `rows` by collection slug). */
export function snapshotOf(record: Record<string, unknown>, rows: Record<string, Row[]>): Snapshot {
  const fields: Record<string, unknown> = {}
  for (const name of DECLARED_FIELDS) fields[name] = idOf(record[name]) ?? null
  const out: Record<string, Row[]> = {}
  for (const slug of DECLARED_HISTORY_SLUGS) {
    out[slug] = [...(rows[slug] ?? [])].map(cleanRow).sort((a, b) => Number(a.id) - Number(b.id))
  }
  return { fields, rows: out }
}

/** JSON with keys sorted at every depth and empty values dropped, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString()
    if (Array.isArray(v)) return v.map(norm)
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      return Object.fromEntries(
        Object.keys(o)
          .filter((k) => o[k] !== undefined && o[k] !== null && o[k] !== '')
          .sort()
          .map((k) => [k, norm(o[k])]),
      )
    }
    return v
  }
  return JSON.stringify(norm(value))
}

export const stampOf = (snapshot: Snapshot): string => createHash('sha256').update(canonicalJson(snapshot)).digest('hex')

export interface ProposalDiff {
  fields: FieldChange[]
  rows: RowChange[]
}

/** What a proposal changes against a snapshot of the official record. */
export function diffProposal(official: Snapshot, proposal: Proposal): ProposalDiff {
  const touched = Object.keys(proposal.fields ?? {}).filter((f) => DECLARED_FIELDS.includes(f))
  const before = Object.fromEntries(touched.map((f) => [f, official.fields[f] ?? null]))
  const after = Object.fromEntries(touched.map((f) => [f, idOf(proposal.fields[f]) ?? null]))
  const rows: RowChange[] = []
  for (const slug of DECLARED_HISTORY_SLUGS) {
    if (!proposal.rows?.[slug]) continue
    rows.push(...diffRows(slug, official.rows[slug] ?? [], proposal.rows[slug]!.map(cleanRow)))
  }
  return { fields: diffRecord(before, after), rows }
}

/**
 * A proposal reduced to its differences from the snapshot: fields whose value differs, and the row lists
 * of the histories where at least one row differs. Values the person may not declare are not taken.
 */
export function reduceProposal(official: Snapshot, edited: { fields?: Record<string, unknown>; rows?: Record<string, Row[]> }): Proposal {
  const fields: Record<string, unknown> = {}
  const editedFields = Object.fromEntries(Object.entries(edited.fields ?? {}).filter(([f]) => DECLARED_FIELDS.includes(f)))
  const before = Object.fromEntries(Object.keys(editedFields).map((f) => [f, official.fields[f] ?? null]))
  for (const change of diffRecord(before, Object.fromEntries(Object.entries(editedFields).map(([k, v]) => [k, idOf(v) ?? null])))) {
    const top = change.field.split('.')[0]!
    fields[top] = editedFields[top] ?? null
  }
  const rows: Record<string, Row[]> = {}
  for (const slug of DECLARED_HISTORY_SLUGS) {
    const list = edited.rows?.[slug]
    if (!list) continue
    const cleaned = list.map(cleanRow)
    if (diffRows(slug, official.rows[slug] ?? [], cleaned).length) rows[slug] = cleaned
  }
  return { fields, rows }
}

export const isEmptyProposal = (p: Proposal): boolean => Object.keys(p.fields).length === 0 && Object.keys(p.rows).length === 0
