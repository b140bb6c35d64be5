/**
 * `npm run bench -- limits [--staff N] [--iterations N]` — another user's latency while each resource limit is
 * hit. The victim is ministry HR opening records and list pages one after another; the attackers run in parallel
 * only during "attack" rounds, which alternate with quiet rounds in the same run (so both see the same machine):
 *
 * - verifyFlood: 4 anonymous uploads of a 20 MB crafted PDF at a time, again and again (worker pool + queue);
 * - hugeJson: 100 MB sign-in bodies (declared length: refused before reading);
 * - chunkedFlood: 200 MB chunked sign-in bodies (cut at 1 MB);
 * - unboundedList: `limit=0&pagination=false&depth=2` as an HR officer (refused by the bounds);
 * - nestedGraphql: a query of lists within lists (refused by the cost limit).
 */
import http from 'node:http'

import { craftedPdf } from '../test/helpers/craftedPdf'

export interface LimitsOptions {
  url: string
  victimToken: string
  attackerToken: string
  recordIds: number[]
  unitIds: number[]
  rounds: number
  perRound: number
}

const percentile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10
}

function chunkedPost(url: string, path: string, megabytes: number): Promise<number> {
  return new Promise((resolve) => {
    const u = new URL(path, url)
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', () => resolve(0))
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    let sent = 0
    const pump = () => {
      while (sent < megabytes * 16 && !req.destroyed) {
        sent++
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      req.end()
    }
    pump()
  })
}

function declaredPost(url: string, path: string, bytes: number): Promise<number> {
  return new Promise((resolve) => {
    const u = new URL(path, url)
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes) } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', () => resolve(0))
    req.flushHeaders()
  })
}

export async function limitsBench(o: LimitsOptions): Promise<Record<string, unknown>> {
  const pdf = Buffer.from(craftedPdf())
  const attacks: Record<string, () => Promise<number>> = {
    verifyFlood: async () => (await fetch(`${o.url}/api/signed-exports/verify`, { method: 'POST', headers: { 'Content-Type': 'application/pdf' }, body: pdf })).status,
    hugeJson: () => declaredPost(o.url, '/api/accounts/login', 100 * 1024 * 1024),
    chunkedFlood: () => chunkedPost(o.url, '/api/accounts/login', 200),
    unboundedList: async () => {
      const r = await fetch(`${o.url}/api/staff?limit=0&pagination=false&depth=2`, { headers: { Authorization: `JWT ${o.attackerToken}` } })
      await r.arrayBuffer()
      return r.status
    },
    nestedGraphql: async () => {
      const query = '{ Units(limit: 100) { docs { name parent { name } } } StaffRecords(pagination: false) { docs { fullName unit { name } } } }'
      const r = await fetch(`${o.url}/api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `JWT ${o.attackerToken}` }, body: JSON.stringify({ query }) })
      await r.arrayBuffer()
      return r.status
    },
  }
  const victimPaths = [
    ...o.recordIds.slice(0, 20).map((id) => `/api/staff/${id}?depth=1`),
    ...o.unitIds.slice(0, 10).map((id) => `/api/staff/list?unit=${id}&limit=25`),
  ]
  let v = 0
  const victim = async () => {
    const p = victimPaths[v++ % victimPaths.length]!
    const t0 = process.hrtime.bigint()
    const r = await fetch(`${o.url}${p}`, { headers: { Authorization: `JWT ${o.victimToken}` } })
    await r.arrayBuffer()
    if (r.status !== 200) throw new Error(`victim ${p} → ${r.status}`)
    return Number(process.hrtime.bigint() - t0) / 1e6
  }
  for (let i = 0; i < 10; i++) await victim()

  const out: Record<string, unknown> = {}
  for (const [name, attack] of Object.entries(attacks)) {
    const quiet: number[] = []
    const loud: number[] = []
    const statuses: Record<string, number> = {}
    for (let round = 0; round < o.rounds; round++) {
      for (let i = 0; i < o.perRound; i++) quiet.push(await victim())
      let attacking = true
      const attackers = Array.from({ length: 4 }, async () => {
        while (attacking) {
          const s = String(await attack())
          statuses[s] = (statuses[s] ?? 0) + 1
        }
      })
      for (let i = 0; i < o.perRound; i++) loud.push(await victim())
      attacking = false
      await Promise.all(attackers)
    }
    out[name] = {
      victimQuiet: { medianMs: percentile(quiet, 0.5), p95Ms: percentile(quiet, 0.95), n: quiet.length },
      victimUnderAttack: { medianMs: percentile(loud, 0.5), p95Ms: percentile(loud, 0.95), maxMs: percentile(loud, 1), n: loud.length },
      attackStatuses: statuses,
    }
  }
  return { ...out, note: 'victim = ministry HR opening records (depth 1) and unit list pages, sequentially; 4 attackers in parallel during attack rounds only; rounds alternate quiet/attack' }
}
