/**
 * Two app instances on one PostgreSQL behind HAProxy, as docs/operations.md deploys them: a session opened
 * through the proxy works on either instance; a rolling restart (drain one with SIGTERM, start it again, then the
 * other) under a steady stream of reads and writes loses no request and no acknowledged write.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { poolOf } from '../../src/db/pool'
import { loginToken } from '../helpers/auth'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startProxy, type Proxy } from '../helpers/proxy'
import { startTestServer, type TestServer } from '../helpers/server'
import { until } from '../helpers/wait'

const PASSWORD = 'mat-khau-thu-nghiem-2026'
let payload: Payload
let databaseUrl: string
const servers: TestServer[] = []
let proxy: Proxy

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  databaseUrl = started.databaseUrl
  await payload.create({ collection: 'accounts', data: { email: 'tccb@test.local', password: PASSWORD, roles: ['ministry-hr'] } })
  servers.push(await startTestServer({ DATABASE_URL: databaseUrl, SHUTDOWN_TIMEOUT_MS: '10000' }))
  servers.push(await startTestServer({ DATABASE_URL: databaseUrl, SHUTDOWN_TIMEOUT_MS: '10000' }))
  proxy = await startProxy(servers.map((s) => s.url), fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-proxy-')))
}, 300_000)

afterAll(async () => {
  proxy?.stop()
  for (const s of servers) await s.stop()
  await stopTestPayload(payload)
})

test('a session opened through the proxy is valid on both instances', async () => {
  const token = await loginToken(proxy.url, 'tccb@test.local', PASSWORD)
  for (const s of servers) {
    const me = await fetch(`${s.url}/api/accounts/me`, { headers: { Authorization: `JWT ${token}` } })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('tccb@test.local')
  }
})

test('a rolling restart under load loses no request and no acknowledged write', async () => {
  const token = await loginToken(proxy.url, 'tccb@test.local', PASSWORD)
  const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const statuses = new Map<string, number>()
  const created: string[] = []
  let running = true
  let n = 0
  const worker = async (w: number) => {
    while (running) {
      const code = `RR-${w}-${n++}`
      const write = n % 3 === 0
      const res = write
        ? await fetch(`${proxy.url}/api/units`, { method: 'POST', headers, body: JSON.stringify({ code, name: `Đơn vị ${code}`, type: 'ministry' }) })
        : await fetch(`${proxy.url}/api/units?limit=5&depth=0`, { headers })
      await res.arrayBuffer()
      const key = `${write ? 'POST' : 'GET'} ${res.status}`
      statuses.set(key, (statuses.get(key) ?? 0) + 1)
      if (write && res.status === 201) created.push(code)
    }
  }
  const workers = Array.from({ length: 6 }, (_, w) => worker(w))

  for (let i = 0; i < servers.length; i++) {
    const old = servers[i]!
    const port = new URL(old.url).port
    expect(await old.stop('SIGTERM')).toBe(0)
    const fresh = await startTestServer({ DATABASE_URL: databaseUrl, SHUTDOWN_TIMEOUT_MS: '10000', PORT: port })
    servers[i] = fresh
    // HAProxy takes the new instance back in once its /readyz passes twice; then it serves the stream too.
    await until(() => /"path":"\/api\/units"/.test(fresh.output()), `instance ${i + 1} back in the proxy`, 60_000)
  }
  running = false
  await Promise.all(workers)

  const counts = Object.fromEntries(statuses)
  expect(Object.keys(counts).sort()).toEqual(['GET 200', 'POST 201'])
  expect(created.length).toBeGreaterThan(20)
  const { rows } = await poolOf(payload).query<{ code: string }>(`SELECT code FROM units WHERE code = ANY($1::text[])`, [created])
  expect(rows.length).toBe(created.length)
}, 600_000)
