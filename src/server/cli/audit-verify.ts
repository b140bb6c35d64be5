/**
 * `npm run audit:verify`: recompute the audit trail's hash chain (DATABASE_URL or the embedded database)
 * and report the first broken link, or "OK, N events", and how many read events wait in the outbox.
 * Exit code 0 when intact, 1 when broken.
 */
import { pendingAuditOutbox } from '../../audit/outbox'
import { verifyAuditChain } from '../../audit/verify'
import { boot } from '../boot'
import { poolOf } from '../../db/pool'
import { runCli } from './run'

runCli(async () => {
  const booted = await boot()
  try {
    const pool = poolOf(booted.payload)
    const result = await verifyAuditChain(pool)
    // Read events still waiting in the outbox are not in the chain yet (the running server chains them).
    const pending = await pendingAuditOutbox(pool)
    if (pending) console.log(`${pending} read events in the outbox, not yet chained / sự kiện xem đang chờ trong hàng đợi`)
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
