/**
 * `npm run bench -- load [--staff N] [--rate R] [--seconds S] [--fault none|kill|pg-restart] [--instances 2]`
 *
 * A mixed workload at a fixed rate against two app instances on one PostgreSQL behind HAProxy (Debian's
 * package, installed by scripts/system-deps.sh): name search, unit list page, open record, Mẫu 2C print, and
 * the self-service cycle — a person reads their record, saves a change (phone applies at once, another name
 * waits), submits it, and their HR officer approves it. Each kind runs as its own autocannon at its share of
 * the rate, so each has its own latency figures. Reported: achieved rate, p50/p90/p97.5/p99 per kind (p95 lies between p90 and p97.5), errors by
 * status, and — the point of the fault runs — acknowledged writes lost (a save answered 200 whose phone is not
 * in the record afterwards) and errors other than 503-with-Retry-After.
 *
 * Faults, bounded and loopback only, a third of the way in: `kill` sends SIGKILL to one instance (HAProxy's
 * health check takes it out, its replacement starts and is taken back in); `pg-restart` restarts PostgreSQL
 * (only with the embedded database the bench starts: `pg_ctl restart` of a shared server is not ours to do).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import type { Pool } from 'pg'
import type { Payload } from 'payload'

import { loginToken } from '../test/helpers/auth'
import { startProxy } from '../test/helpers/proxy'
import { startTestServer, type TestServer } from '../test/helpers/server'

export interface LoadOptions {
  payload: Payload
  pool: Pool
  databaseUrl: string
  rate: number
  seconds: number
  fault: 'none' | 'kill' | 'pg-restart'
  instances: number
  /** Restarts the database (embedded only); null when the bench may not. */
  restartDatabase: (() => Promise<void>) | null
}

const PASSWORD = 'vuon-dao-mua-xuan-2026'

interface KindResult {
  kind: string
  targetRate: number
  achievedRate: number
  requests: number
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number; max: number }
  statuses: Record<string, number>
}

function summarise(kind: string, targetRate: number, r: autocannon.Result, statuses: Record<string, number>): KindResult {
  const l = r.latency as unknown as Record<string, number>
  return {
    kind,
    targetRate,
    achievedRate: Math.round((r.requests.total / r.duration) * 10) / 10,
    requests: r.requests.total,
    // autocannon's histogram reports p90 and p97.5, not p95: p95 lies between them (p97.5 is an upper bound).
    latencyMs: { p50: l.p50!, p90: l.p90!, p97_5: l.p97_5!, p99: l.p99!, max: l.max! },
    statuses,
  }
}

export async function loadBench(o: LoadOptions): Promise<Record<string, unknown>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-load-'))
  const serverEnv = { DATABASE_URL: o.databaseUrl, LOG_LEVEL: 'warn' }
  const servers: TestServer[] = []
  for (let i = 0; i < o.instances; i++) servers.push(await startTestServer(serverEnv))
  const proxy = await startProxy(servers.map((s) => s.url), work)
  const base = proxy.url

  // Accounts: ministry HR reads; one HR officer per department approves the self-service changes of its people.
  const { rows: depts } = await o.pool.query<{ id: number }>(`SELECT id FROM units WHERE depth = 1 ORDER BY id LIMIT 4`)
  const ensure = async (email: string, roles: string[], unit?: number, staff?: number) => {
    const found = await o.payload.find({ collection: 'accounts', where: { email: { equals: email } }, limit: 1, depth: 0 })
    if (found.docs.length) await o.payload.update({ collection: 'accounts', id: found.docs[0]!.id, data: { password: PASSWORD } })
    else await o.payload.create({ collection: 'accounts', data: { email, password: PASSWORD, roles: roles as never, unit, staff } })
    return loginToken(base, email, PASSWORD)
  }
  const ministry = await ensure('bench-ministry@hoso.local', ['ministry-hr'])
  const people: Array<{ token: string; hr: string; staffId: number }> = []
  for (const d of depts) {
    const hr = await ensure(`bench-load-hr-${d.id}@hoso.local`, ['unit-hr'], d.id)
    const { rows } = await o.pool.query<{ id: number; account: number | null }>(
      `SELECT s.id, a.id AS account FROM staff s LEFT JOIN accounts a ON a.staff_id = s.id
        WHERE s.unit_path LIKE $1 AND (a.id IS NULL OR a.email LIKE 'bench-load-self-%') ORDER BY s.id LIMIT 10`,
      [`%.${d.id}.%`],
    )
    for (const r of rows) people.push({ token: await ensure(`bench-load-self-${r.id}@hoso.local`, ['staff'], undefined, r.id), hr, staffId: r.id })
  }
  // Nothing left open from an earlier run: each person starts from a clean state.
  await o.pool.query(`UPDATE change_requests SET status = 'withdrawn' WHERE status IN ('draft', 'submitted') AND staff_id = ANY($1::int[])`, [people.map((p) => p.staffId)]).catch(() => {})

  const { rows: ids } = await o.pool.query<{ id: number; unit_id: number }>(`SELECT id, unit_id FROM staff TABLESAMPLE SYSTEM (1) REPEATABLE (11) LIMIT 500`)
  const { rows: units } = await o.pool.query<{ id: number }>(`SELECT id FROM units WHERE depth BETWEEN 1 AND 3 ORDER BY id`)
  const { rows: names } = await o.pool.query<{ full_name: string }>(`SELECT full_name FROM staff TABLESAMPLE SYSTEM (1) REPEATABLE (13) LIMIT 200`)
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!
  const auth = { Authorization: `JWT ${ministry}` }

  // The mix (share of the rate): reads 80 %, the self-service cycle 20 % (four requests per cycle).
  const readKinds: Array<{ kind: string; share: number; path: () => string }> = [
    { kind: 'search', share: 0.25, path: () => `/api/staff/search?q=${encodeURIComponent(pick(names).full_name)}&limit=25` },
    { kind: 'unitList', share: 0.25, path: () => `/api/staff/list?unit=${pick(units).id}&limit=25` },
    { kind: 'openRecord', share: 0.25, path: () => `/api/staff/${pick(ids).id}?depth=1` },
    { kind: 'print2C', share: 0.05, path: () => `/api/staff/${pick(ids).id}/2c.pdf` },
  ]
  const acked = new Map<number, string>() // staffId → the phone a save answered 200 for
  const statuses: Record<string, Record<string, number>> = {}
  const count = (kind: string, status: number, retryAfter: boolean) => {
    const key = status === 503 && retryAfter ? '503+Retry-After' : String(status)
    const s = (statuses[kind] ??= {})
    s[key] = (s[key] ?? 0) + 1
  }
  let serial = 0
  type Cycle = { person: (typeof people)[number]; stamp: string | null; revision: number | null; phone: string; request: { id: number; revision: number } | null }
  const send = (req: autocannon.Request, method: string, path: string, token: string, body?: unknown): autocannon.Request => ({
    ...req,
    method: method as autocannon.Request['method'],
    path,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    headers: { Authorization: `JWT ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
  })
  const selfRate = o.rate * 0.2
  const connections = (rate: number) => Math.max(2, Math.min(64, Math.ceil(rate / 2)))

  const runs: Array<Promise<KindResult>> = readKinds.map(({ kind, share, path: next }) => {
    const rate = Math.max(1, Math.round(o.rate * share))
    return new Promise<KindResult>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: connections(rate),
          overallRate: rate,
          duration: o.seconds,
          headers: auth,
          requests: [{ setupRequest: (req) => ({ ...req, path: next() }), onResponse: (status, _body, _ctx, headers) => count(kind, status, !!headers?.['retry-after']) }],
        },
        (err, r) => (err ? reject(err) : resolve(summarise(kind, rate, r, statuses[kind] ?? {}))),
      )
      void instance
    })
  })
  // Self-service: each connection is one person going round the cycle.
  const selfConnections = Math.min(people.length, connections(selfRate))
  runs.push(
    new Promise<KindResult>((resolve, reject) => {
      autocannon(
        {
          url: base,
          connections: selfConnections,
          overallRate: Math.max(1, Math.round(selfRate)),
          duration: o.seconds,
          requests: [
            {
              setupRequest: (req, ctx) => {
                const c = ctx as Cycle
                c.person ??= people[(serial++) % people.length]!
                return send(req, 'GET', '/api/change-requests/mine', c.person.token)
              },
              onResponse: (status, body, ctx, headers) => {
                count('selfService', status, !!headers?.['retry-after'])
                const c = ctx as Cycle
                const mine = status === 200 ? (JSON.parse(body) as { stamp: string; request: { id: number; revision: number; status: string } | null }) : null
                c.stamp = mine?.stamp ?? null
                c.revision = mine?.request && ['draft', 'returned'].includes(mine.request.status) ? mine.request.revision : null
              },
            },
            {
              setupRequest: (req, ctx) => {
                const c = ctx as Cycle
                c.phone = `09${String(Date.now() % 1e8).padStart(8, '0')}`
                return send(req, 'PUT', '/api/change-requests/mine', c.person.token, { fields: { phone: c.phone, otherNames: `Tên khác ${c.phone}` }, stamp: c.stamp, revision: c.revision })
              },
              onResponse: (status, body, ctx, headers) => {
                count('selfService', status, !!headers?.['retry-after'])
                const c = ctx as Cycle
                if (status === 200) acked.set(c.person.staffId, c.phone)
                c.request = status === 200 ? (JSON.parse(body) as { request: Cycle['request'] }).request : null
              },
            },
            {
              setupRequest: (req, ctx) => send(req, 'POST', '/api/change-requests/mine/submit', (ctx as Cycle).person.token, { revision: (ctx as Cycle).request?.revision ?? -1 }),
              onResponse: (status, body, ctx, headers) => {
                count('selfService', status, !!headers?.['retry-after'])
                ;(ctx as Cycle).request = status === 200 ? (JSON.parse(body) as { request: Cycle['request'] }).request : null
              },
            },
            {
              setupRequest: (req, ctx) => {
                const c = ctx as Cycle
                return send(req, 'POST', `/api/change-requests/${c.request?.id ?? 0}/approve`, c.person.hr, { revision: c.request?.revision ?? -1 })
              },
              onResponse: (status, _body, _ctx, headers) => count('approve', status, !!headers?.['retry-after']),
            },
          ],
        },
        (err, r) => (err ? reject(err) : resolve(summarise('selfServiceCycle', Math.round(selfRate), r, { ...(statuses.selfService ?? {}), ...Object.fromEntries(Object.entries(statuses.approve ?? {}).map(([k, v]) => [`approve ${k}`, v])) }))),
      )
    }),
  )

  // The fault, a third of the way in; recovery = time until every instance is ready again.
  let fault: Record<string, unknown> = { kind: o.fault }
  const faultAt = setTimeout(async () => {
    const t0 = Date.now()
    if (o.fault === 'kill') {
      const victim = servers[0]!
      victim.child.kill('SIGKILL')
      servers[0] = await startTestServer({ ...serverEnv, PORT: new URL(victim.url).port })
    } else if (o.fault === 'pg-restart' && o.restartDatabase) await o.restartDatabase()
    if (o.fault !== 'none') {
      for (const s of servers) while ((await fetch(`${s.url}/readyz`).catch(() => null))?.status !== 200) await new Promise((r) => setTimeout(r, 100))
      fault = { kind: o.fault, recoveredMs: Date.now() - t0 }
    }
  }, (o.seconds * 1000) / 3)

  const memory: number[] = []
  const sampler = setInterval(() => {
    for (const s of servers) {
      try {
        memory.push(Number(fs.readFileSync(`/proc/${s.child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024)
      } catch {
        /* a killed instance */
      }
    }
  }, 5000)
  let results: KindResult[]
  try {
    results = await Promise.all(runs)
  } finally {
    clearTimeout(faultAt)
    clearInterval(sampler)
  }
  // Acknowledged writes: every save answered 200 must be in the record (the last one per person).
  const { rows: phones } = await o.pool.query<{ id: number; phone: string | null }>(`SELECT id, phone FROM staff WHERE id = ANY($1::int[])`, [[...acked.keys()]])
  const lost = phones.filter((r) => acked.get(Number(r.id)) !== r.phone).length
  const total = results.reduce((s, r) => s + r.requests, 0)
  const errorsOther = Object.values(statuses).flatMap((s) => Object.entries(s)).filter(([k]) => !/^2\d\d$/.test(k) && k !== '503+Retry-After' && k !== '409').reduce((s, [, v]) => s + v, 0)
  for (const s of servers) await s.stop()
  proxy.stop()
  return {
    instances: o.instances,
    proxy: 'haproxy',
    targetRate: o.rate,
    achievedRate: Math.round((total / o.seconds) * 10) / 10,
    seconds: o.seconds,
    kinds: results,
    acknowledgedSaves: acked.size,
    acknowledgedWritesLost: lost,
    errorsOtherThan503RetryAfter: errorsOther,
    fault,
    rssMb: memory.length ? { first: Math.round(memory[0]!), last: Math.round(memory.at(-1)!), max: Math.round(Math.max(...memory)) } : null,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    note: '409 (a save on a stale revision, as two tabs would get) is the workflow refusing, not an error of the server',
  }
}
