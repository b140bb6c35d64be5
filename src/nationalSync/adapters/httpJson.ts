import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'

import type { WireFormat } from '../wireFormat'
import type { DeliveryOutcome, NationalSyncAdapter } from './types'

export interface HttpJsonOptions {
  url: string
  format: WireFormat
  agencyCode: string | null
  /** `Authorization: Bearer …`. */
  token?: string | null
  /** HTTP basic credentials (when the platform asks for them instead of a token). */
  username?: string | null
  password?: string | null
  /** Client certificate and key (PEM files) for mutual TLS, and the CA that signed the server's certificate. */
  clientCertFile?: string | null
  clientKeyFile?: string | null
  caFile?: string | null
  timeoutMs?: number
}

/** Answers worth another try: the receiver is down, busy, overloaded or did not recognise us yet. */
const RETRYABLE = new Set([401, 403, 408, 409, 425, 429])

/**
 * One POST per message, the idempotency key in `Idempotency-Key` (a replay after a crash gets the same answer and
 * stores nothing twice). 2xx = acknowledged (the body's `reference` or `ackId` is kept); 5xx, a timeout, a refused
 * connection and the codes above are retried; any other 4xx means the message itself is refused.
 */
export function httpJsonAdapter(o: HttpJsonOptions): NationalSyncAdapter {
  const url = new URL(o.url)
  const tls = url.protocol === 'https:'
  const read = (f: string | null | undefined) => (f ? fs.readFileSync(f) : undefined)
  const agent = tls
    ? new https.Agent({ keepAlive: true, cert: read(o.clientCertFile), key: read(o.clientKeyFile), ca: read(o.caFile) })
    : new http.Agent({ keepAlive: true })
  const auth = o.token
    ? `Bearer ${o.token}`
    : o.username
      ? `Basic ${Buffer.from(`${o.username}:${o.password ?? ''}`).toString('base64')}`
      : null

  const post = (body: Buffer, key: string) =>
    new Promise<DeliveryOutcome>((resolve) => {
      const req = (tls ? https : http).request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': o.format.contentType,
            'Content-Length': String(body.length),
            'Idempotency-Key': key,
            ...(auth ? { Authorization: auth } : {}),
          },
          timeout: o.timeoutMs ?? 30_000,
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('error', (err) => resolve({ ok: false, retry: true, error: err.message }))
          res.on('end', () => {
            const status = res.statusCode ?? 0
            const text = Buffer.concat(chunks).toString('utf8').slice(0, 2000)
            if (status >= 200 && status < 300) {
              let reference: string | null = null
              try {
                const json = JSON.parse(text) as { reference?: unknown; ackId?: unknown }
                reference = String(json.reference ?? json.ackId ?? '') || null
              } catch {
                reference = null
              }
              resolve({ ok: true, reference })
            } else {
              resolve({ ok: false, retry: status >= 500 || RETRYABLE.has(status), error: `HTTP ${status}: ${text.slice(0, 300)}` })
            }
          })
        },
      )
      req.on('timeout', () => req.destroy(new Error(`no answer within ${o.timeoutMs ?? 30_000} ms`)))
      req.on('error', (err) => resolve({ ok: false, retry: true, error: err.message }))
      req.end(body)
    })

  return {
    name: 'http-json',
    async deliver(messages) {
      // Messages of one round belong to different records: sent a few at a time, answers kept in order.
      const out: DeliveryOutcome[] = new Array(messages.length)
      let next = 0
      const worker = async () => {
        while (next < messages.length) {
          const i = next++
          out[i] = await post(o.format.encode(messages[i]!, o.agencyCode), messages[i]!.idempotencyKey)
        }
      }
      await Promise.all(Array.from({ length: Math.min(4, messages.length) }, worker))
      return out
    },
    async close() {
      agent.destroy()
    },
  }
}
