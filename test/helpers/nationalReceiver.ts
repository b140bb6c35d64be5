/**
 * A reference receiver for the national sync: a real HTTP server that checks each message (token, idempotency key,
 * format, the record's SHA-256 against its canonical bytes, the order per person), stores it once per idempotency
 * key, acknowledges it — and, when told, fails (503) or answers slowly, or refuses a message as invalid.
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { canonicalJson } from '../../src/domain/record'

export interface StoredMessage {
  messageId: string
  sequence: number
  kind: string
  personKey: string | null
  previousPersonKey: string | null
  groups: string[]
  record: Record<string, unknown> | null
  recordSha256: string | null
  completedAt: string
  ack: string
}

export interface NationalReceiver {
  url: string
  token: string
  /** Stored messages in arrival order, one per idempotency key. */
  stored: StoredMessage[]
  /** Requests that repeated a stored key (answered with the same acknowledgement, stored nothing). */
  replays: number
  /** Every request received, accepted or not. */
  requests: number
  /** Messages that broke a rule the receiver checks (wrong hash, out of order): a test expects none. */
  violations: string[]
  /** Answer 503 to the next `n` requests. */
  failNext: number
  /** Answer 503 to this fraction of requests (0..1), from a fixed pseudo-random sequence. */
  failRate: number
  /** Wait this long before answering. */
  delayMs: number
  /** Refuse (422) messages whose person key is in this set. */
  refuseKeys: Set<string>
  close(): Promise<void>
}

export async function startNationalReceiver(token = 'receiver-token-2026'): Promise<NationalReceiver> {
  const byKey = new Map<string, StoredMessage>()
  const lastSequence = new Map<string, number>()
  let seed = 42
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const r: NationalReceiver = {
    url: '',
    token,
    stored: [],
    replays: 0,
    requests: 0,
    violations: [],
    failNext: 0,
    failRate: 0,
    delayMs: 0,
    refuseKeys: new Set(),
    close: async () => {},
  }
  const answer = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      r.requests++
      const finish = () => {
        if (req.method !== 'POST' || req.url !== '/sync') return answer(res, 404, { error: 'not found' })
        if (req.headers.authorization !== `Bearer ${token}`) return answer(res, 401, { error: 'unauthorised' })
        if (r.failNext > 0) {
          r.failNext--
          return answer(res, 503, { error: 'unavailable' })
        }
        if (r.failRate > 0 && random() < r.failRate) return answer(res, 503, { error: 'unavailable' })
        const key = String(req.headers['idempotency-key'] ?? '')
        let m: StoredMessage & { format?: string }
        try {
          m = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        } catch {
          return answer(res, 400, { error: 'not JSON' })
        }
        if (m.format !== 'hoso-json/1' || !key || m.messageId !== key) return answer(res, 400, { error: 'format or idempotency key' })
        const known = byKey.get(key)
        if (known) {
          r.replays++
          return answer(res, 200, { reference: known.ack, replay: true })
        }
        if (m.personKey && r.refuseKeys.has(m.personKey)) return answer(res, 422, { error: 'person key refused' })
        if (m.kind === 'upsert') {
          const sha = createHash('sha256').update(canonicalJson(m.record), 'utf8').digest('hex')
          if (sha !== m.recordSha256) r.violations.push(`${key}: SHA-256 does not match the record`)
        }
        const person = m.personKey ?? `none:${String((m.record as { id?: unknown } | null)?.id)}`
        const last = lastSequence.get(person)
        if (last != null && m.sequence <= last) r.violations.push(`${key}: sequence ${m.sequence} after ${last} for one person`)
        lastSequence.set(person, m.sequence)
        const stored = { ...m, ack: `ACK-${r.stored.length + 1}` }
        byKey.set(key, stored)
        r.stored.push(stored)
        answer(res, 200, { reference: stored.ack })
      }
      if (r.delayMs > 0) setTimeout(finish, r.delayMs)
      else finish()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sync`
  r.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return r
}
