/**
 * The audit trail's hash chain (domain.md §6.3 "immutable audit"), the Node side of what the database
 * computes in its BEFORE INSERT trigger (migrations/*audit_chain*): the same canonical text, the same
 * SHA-256, so `npm run audit:verify` can recompute every link independently of the database's functions.
 *
 * Canonical text: the tag `hoso-audit-v1|`, then each field in CHAIN_FIELDS order as
 * `<UTF-8 byte length>:<text>`, NULL as `~`. Length prefixes make the text unambiguous whatever a value holds.
 * Values are the database's text forms (numeric::text, jsonb::text, the UTC time with milliseconds).
 */
import { createHash } from 'node:crypto'

export const CHAIN_TAG = 'hoso-audit-v1|'
export const GENESIS_HASH = '0'.repeat(64)

/** Column order of the canonical text; the SQL function hoso_audit_canonical lists the same columns. */
export const CHAIN_FIELDS = [
  'seq',
  'prev_hash',
  'occurred_at',
  'operation',
  'target_collection',
  'record_ids',
  'subjects',
  'subject_units',
  'actor_id',
  'actor_name',
  'actor_roles',
  'ip',
  'user_agent',
  'request_id',
  'purpose',
  'changes',
  'detail',
] as const

export type ChainRow = Record<(typeof CHAIN_FIELDS)[number], string | null> & { id: string | number; hash: string | null }

export function canonicalEvent(row: Partial<Record<string, unknown>>): string {
  let out = CHAIN_TAG
  for (const f of CHAIN_FIELDS) {
    const v = row[f] as string | null | undefined
    out += v == null ? '~' : `${Buffer.byteLength(v, 'utf8')}:${v}`
  }
  return out
}

export function eventHash(row: Partial<Record<string, unknown>>): string {
  return createHash('sha256').update(canonicalEvent(row), 'utf8').digest('hex')
}

export type ChainBreak = {
  /** 1-based position in the verified sequence of rows. */
  position: number
  id: string | number
  seq: string | null
  reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'seq-gap'
}

export interface ChainState {
  /** Events checked so far. */
  count: number
  lastSeq: bigint | null
  lastHash: string | null
  /** The first event's prev_hash: GENESIS_HASH from the start, else the anchor left by retention. */
  anchor: string | null
  firstSeq: bigint | null
}

export const initialChainState = (): ChainState => ({ count: 0, lastSeq: null, lastHash: null, anchor: null, firstSeq: null })

/**
 * Checks the next rows (in seq order) against the state left by the previous batch; returns the first
 * broken link or null. Feeding rows in batches keeps a verification of millions of events in bounded memory.
 */
export function verifyChainBatch(state: ChainState, rows: readonly ChainRow[]): ChainBreak | null {
  for (const row of rows) {
    const position = state.count + 1
    const seq = row.seq == null ? null : BigInt(row.seq)
    const where = { position, id: row.id, seq: row.seq }
    if (state.lastSeq != null && (seq == null || seq !== state.lastSeq + 1n)) return { ...where, reason: 'seq-gap' }
    if (state.lastHash != null && row.prev_hash !== state.lastHash) return { ...where, reason: 'prev-hash-mismatch' }
    if (state.lastHash == null && seq === 1n && row.prev_hash !== GENESIS_HASH) return { ...where, reason: 'prev-hash-mismatch' }
    if (eventHash(row) !== row.hash) return { ...where, reason: 'hash-mismatch' }
    if (state.count === 0) {
      state.anchor = row.prev_hash
      state.firstSeq = seq
    }
    state.count = position
    state.lastSeq = seq
    state.lastHash = row.hash
  }
  return null
}
