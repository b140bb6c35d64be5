/**
 * `npm run audit:verify`: recompute the audit trail's hash chain (DATABASE_URL or the embedded database)
 * and report the first broken link, or "OK, N events". Exit code 0 when intact, 1 when broken.
 */
import { verifyAuditChain } from '../../audit/verify'
import { boot } from '../boot'
import { poolOf } from '../pool'
import { runCli } from './run'

runCli(async () => {
  const booted = await boot()
  try {
    const result = await verifyAuditChain(poolOf(booted.payload))
    if (result.ok) {
      const from = result.trimmed ? ` (from seq ${result.firstSeq}; older events removed by retention)` : ''
      console.log(`OK, ${result.count} events${from}`)
      if (result.headHash) console.log(`head: seq ${result.lastSeq} ${result.headHash}`)
      return 0
    }
    const b = result.broken
    const why = { 'hash-mismatch': 'nội dung không khớp mã băm / content does not match its hash', 'prev-hash-mismatch': 'không nối với bản ghi trước / does not link to the previous event', 'seq-gap': 'thiếu hoặc chèn bản ghi / an event is missing or was inserted' }[b.reason]
    console.log(`BROKEN at position ${b.position} (id ${b.id}, seq ${b.seq ?? '—'}): ${why}; ${result.count} events before it verify`)
    return 1
  } finally {
    await booted.shutdown()
  }
})
