/**
 * `npm run bench -- outbox [--staff N] [--iterations N]`: what the national sync outbox costs and how fast it drains.
 * - An HR edit of one field of a record (payload.update, in its transaction, with every hook) — the outbox entry is
 *   part of it — beside the outbox write alone for the same record (recordOfficialChange: lock, canonical record,
 *   seal, insert; in a transaction rolled back), runs interleaved: the outbox's share of a save.
 * - Delivery: every entry those edits wrote, sent by one pass of the sender through the http-json adapter to a local
 *   HTTP server that acknowledges at once: entries per second.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { createLocalReq, type Payload } from 'payload'
import type { Pool } from 'pg'

import { inTransaction } from '../src/db/transaction'
import { httpJsonAdapter } from '../src/nationalSync/adapters/httpJson'
import { recordOfficialChange } from '../src/nationalSync/outbox'
import { sendPending } from '../src/nationalSync/sender'
import { hosoJsonV1 } from '../src/nationalSync/wireFormat'
import { stats } from './run'

class Rollback extends Error {}

export async function benchOutbox(payload: Payload, pool: Pool, { iterations }: { iterations: number }) {
  const ids = (await pool.query<{ id: number }>('SELECT id FROM staff ORDER BY id LIMIT $1', [iterations])).rows.map((r) => r.id)
  const edit: number[] = []
  const outboxOnly: number[] = []
  const before = Number((await pool.query('SELECT count(*) FROM national_sync_outbox')).rows[0].count)
  for (const [i, id] of ids.entries()) {
    for (const variant of i % 2 ? ['outbox', 'edit'] : ['edit', 'outbox']) {
      const t0 = process.hrtime.bigint()
      if (variant === 'edit') {
        await payload.update({ collection: 'staff', id, data: { hometown: `Nơi ${i}` }, overrideAccess: true, depth: 0 })
        edit.push(Number(process.hrtime.bigint() - t0) / 1e6)
      } else {
        const req = await createLocalReq({}, payload)
        await inTransaction(req, async () => {
          await recordOfficialChange(req, { staffId: id, groups: ['identity'] })
          throw new Rollback()
        }).catch((e) => {
          if (!(e instanceof Rollback)) throw e
        })
        outboxOnly.push(Number(process.hrtime.bigint() - t0) / 1e6)
      }
    }
  }
  const written = Number((await pool.query('SELECT count(*) FROM national_sync_outbox')).rows[0].count) - before

  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{"reference":"ok"}')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const adapter = httpJsonAdapter({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, format: hosoJsonV1, agencyCode: null })
  const t0 = process.hrtime.bigint()
  const sent = await sendPending(pool, adapter, { policy: { baseMs: 1000, maxMs: 1000, maxAttempts: 3 } })
  const sendMs = Number(process.hrtime.bigint() - t0) / 1e6
  await adapter.close?.()
  server.close()
  const e = stats(edit)
  const o = stats(outboxOnly)
  return {
    edit: e,
    outboxWrite: o,
    outboxShareOfEdit: Math.round((o.medianMs / e.medianMs) * 100) / 100,
    entriesWritten: written,
    delivery: { sent: sent.sent, rounds: sent.rounds, ms: Math.round(sendMs), entriesPerSecond: Math.round((sent.sent / sendMs) * 1000) },
  }
}
