import type { Pool } from 'pg'

import { CHAIN_FIELDS, GENESIS_HASH, initialChainState, verifyChainBatch, type ChainBreak, type ChainRow } from '../domain/auditChain'

export type VerifyResult =
  | { ok: true; count: number; firstSeq: string | null; lastSeq: string | null; headHash: string | null; trimmed: boolean }
  | { ok: false; count: number; broken: ChainBreak }

/** Text forms of the columns, exactly as the database's hoso_audit_canonical() renders them. */
const SELECT = `SELECT id, hash, ${CHAIN_FIELDS.map((f) =>
  f === 'occurred_at'
    ? `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at`
    : ['seq', 'actor_id', 'operation', 'changes', 'detail'].includes(f)
      ? `${f}::text AS ${f}`
      : f,
).join(', ')} FROM audit_events`

/**
 * Recomputes the whole chain in Node, in seq order, in batches (bounded memory). Every row's hash must match
 * its canonical text, link to the previous row's hash, and follow it without a gap in seq.
 */
export async function verifyAuditChain(pool: Pick<Pool, 'query'>, batchSize = 5000): Promise<VerifyResult> {
  const state = initialChainState()
  let after: string | null = null
  for (;;) {
    const { rows }: { rows: ChainRow[] } = await pool.query<ChainRow>(
      `${SELECT} WHERE ($1::numeric IS NULL OR seq > $1::numeric) ORDER BY audit_events.seq LIMIT $2`,
      [after, batchSize],
    )
    if (!rows.length) break
    const broken = verifyChainBatch(state, rows)
    if (broken) return { ok: false, count: state.count, broken }
    after = rows[rows.length - 1]!.seq
    if (rows.length < batchSize) break
  }
  // Rows without a seq were inserted with the chain trigger disabled: they are outside the chain.
  const { rows: unchained } = await pool.query<{ id: number }>('SELECT id FROM audit_events WHERE seq IS NULL ORDER BY id LIMIT 1')
  if (unchained.length) return { ok: false, count: state.count, broken: { position: state.count + 1, id: unchained[0]!.id, seq: null, reason: 'seq-gap' } }
  return {
    ok: true,
    count: state.count,
    firstSeq: state.firstSeq?.toString() ?? null,
    lastSeq: state.lastSeq?.toString() ?? null,
    headHash: state.lastHash,
    trimmed: state.anchor != null && state.anchor !== GENESIS_HASH,
  }
}
