import { createHash } from 'node:crypto'

import { canonicalEvent, CHAIN_FIELDS, eventHash, GENESIS_HASH, initialChainState, verifyChainBatch, type ChainRow } from '../../src/domain/auditChain'

function row(seq: number, prev: string, extra: Partial<ChainRow> = {}): ChainRow {
  const r = Object.fromEntries(CHAIN_FIELDS.map((f) => [f, null])) as unknown as ChainRow
  Object.assign(r, { id: seq + 100, seq: String(seq), prev_hash: prev, occurred_at: `2026-11-25T10:00:0${seq % 10}.000Z`, operation: 'read', target_collection: 'staff', record_ids: `.${seq}.` }, extra)
  r.hash = eventHash(r)
  return r
}

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = []
  for (let i = 1; i <= n; i++) rows.push(row(i, rows.length ? rows[rows.length - 1]!.hash! : GENESIS_HASH))
  return rows
}

describe('canonical text', () => {
  test('length-prefixed by UTF-8 bytes, NULL as ~, fields in a fixed order', () => {
    const r = row(1, GENESIS_HASH, { actor_name: 'Nguyễn Thị Hường' })
    const text = canonicalEvent(r)
    expect(text.startsWith('hoso-audit-v1|1:164:' + GENESIS_HASH)).toBe(true)
    expect(text).toContain(`${Buffer.byteLength('Nguyễn Thị Hường')}:Nguyễn Thị Hường`)
    expect(text.endsWith('Nguyễn Thị Hường~~~~~~~')).toBe(true)
    expect(eventHash(r)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
  })

  test('moving text between fields changes the hash (no ambiguity)', () => {
    const a = row(1, GENESIS_HASH, { actor_name: 'ab', actor_roles: 'c' })
    const b = row(1, GENESIS_HASH, { actor_name: 'a', actor_roles: 'bc' })
    expect(a.hash).not.toBe(b.hash)
    const c = row(1, GENESIS_HASH, { purpose: '' })
    const d = row(1, GENESIS_HASH, { purpose: null })
    expect(c.hash).not.toBe(d.hash)
  })
})

describe('verifyChainBatch', () => {
  test('an intact chain verifies, in one batch or several', () => {
    const rows = chain(10)
    const one = initialChainState()
    expect(verifyChainBatch(one, rows)).toBeNull()
    expect(one.count).toBe(10)
    const split = initialChainState()
    expect(verifyChainBatch(split, rows.slice(0, 4))).toBeNull()
    expect(verifyChainBatch(split, rows.slice(4))).toBeNull()
    expect(split).toMatchObject({ count: 10, lastSeq: 10n, lastHash: rows[9]!.hash, anchor: GENESIS_HASH, firstSeq: 1n })
  })

  test('an altered field is reported at its position', () => {
    const rows = chain(6)
    rows[3] = { ...rows[3]!, purpose: 'sửa lén' }
    expect(verifyChainBatch(initialChainState(), rows)).toEqual({ position: 4, id: 104, seq: '4', reason: 'hash-mismatch' })
  })

  test('a rehashed row breaks the link to the next one', () => {
    const rows = chain(6)
    rows[2] = { ...rows[2]!, purpose: 'x' }
    rows[2].hash = eventHash(rows[2])
    expect(verifyChainBatch(initialChainState(), rows)).toEqual({ position: 4, id: 104, seq: '4', reason: 'prev-hash-mismatch' })
  })

  test('a removed row is a gap; a chain that should start at genesis must', () => {
    const rows = chain(6)
    rows.splice(2, 1)
    expect(verifyChainBatch(initialChainState(), rows)).toMatchObject({ position: 3, seq: '4', reason: 'seq-gap' })
    const forged = [row(1, 'f'.repeat(64)), ...chain(3).slice(1)]
    expect(verifyChainBatch(initialChainState(), forged)).toMatchObject({ position: 1, reason: 'prev-hash-mismatch' })
  })

  test('a chain trimmed by retention verifies from its first remaining event', () => {
    const rows = chain(8).slice(3)
    const state = initialChainState()
    expect(verifyChainBatch(state, rows)).toBeNull()
    expect(state).toMatchObject({ count: 5, firstSeq: 4n, anchor: chain(3)[2]!.hash })
  })
})
