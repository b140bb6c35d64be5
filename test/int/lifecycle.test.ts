/**
 * The server on its own embedded PostgreSQL, as `npm start` runs it on a machine with no database:
 * first start (initdb, migrations, demo data), graceful SIGTERM during a slow request, and a restart
 * after `kill -9` (orphaned postgres and stale postmaster.pid).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startTestServer, type TestServer } from '../helpers/server'
import { until } from '../helpers/wait'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-lifecycle-'))
const env = {
  DATABASE_URL: undefined,
  HOSO_DATA_DIR: dataDir,
  HOSO_SEED: 'true',
  HOSO_ALLOW_DEMO: 'true',
  SEED_STAFF: '20',
  HOSO_TEST_ROUTES: '1',
  SHUTDOWN_TIMEOUT_MS: '10000',
}
let server: TestServer | undefined

function postmasterPid(): number | null {
  // The embedded cluster may live in a fallback dir under the OS temp dir (see embeddedPostgres.ts).
  const m = /"dataDir":"([^"]+)"/.exec(server?.output() ?? '')
  const file = path.join(m ? m[1]! : path.join(dataDir, 'pg'), 'postmaster.pid')
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : null
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

afterAll(async () => {
  await server?.stop('SIGTERM')
  // mkdtemp makes a 0700 directory the `postgres` user cannot enter, so the cluster lives in the
  // fallback directory under the OS temp dir (as on a clone under /root): remove that one too.
  const cluster = /"dataDir":"([^"]+)"/.exec(server?.output() ?? '')?.[1]
  if (cluster && cluster.startsWith(os.tmpdir())) {
    fs.rmSync(cluster, { recursive: true, force: true })
    fs.rmSync(`${cluster}.password`, { force: true })
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('first start on an empty machine: embedded PostgreSQL, migrations, demo data and logins', async () => {
  server = await startTestServer(env)
  const ready = await fetch(`${server.url}/readyz`)
  expect(ready.status).toBe(200)
  expect(server.output()).toContain('canbo@hoso.local')
  const login = await fetch(`${server.url}/api/accounts/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'nhansu@hoso.local', password: 'hoso-demo-2026' }),
  })
  expect(login.status).toBe(200)
  const { token } = (await login.json()) as { token: string }
  const units = (await (await fetch(`${server.url}/api/units?limit=1000`, { headers: { Authorization: `JWT ${token}` } })).json()) as {
    totalDocs: number
  }
  expect(units.totalDocs).toBeGreaterThan(60)
})

test('SIGTERM during a slow request: the request completes, then the process exits 0 and PostgreSQL stops', async () => {
  const pgPid = postmasterPid()
  expect(pgPid).not.toBeNull()
  const slow = fetch(`${server!.url}/__test/slow?ms=2500`).then(async (r) => ({ status: r.status, body: await r.json() }))
  await new Promise((r) => setTimeout(r, 500))
  const exit = server!.stop('SIGTERM')
  // Draining: new connections are refused while the slow one finishes.
  await until(() => fetch(`${server!.url}/healthz`).then(() => false, () => true), 'the listener to close')
  await expect(fetch(`${server!.url}/healthz`)).rejects.toThrow('fetch failed')
  expect(await slow).toEqual({ status: 200, body: { slept: 2500 } })
  expect(await exit).toBe(0)
  expect(postmasterPid()).toBeNull()
  expect(alive(pgPid!)).toBe(false)
})

test('after kill -9 the next start recovers the orphaned PostgreSQL and comes up', async () => {
  server = await startTestServer(env)
  const pgPid = postmasterPid()
  expect(pgPid).not.toBeNull()
  await server.stop('SIGKILL')
  expect(alive(pgPid!)).toBe(true) // the orphan holds the lock file
  server = await startTestServer(env)
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  expect(alive(pgPid!)).toBe(false)
  // Data survived: the demo data is not seeded twice.
  expect(server.output()).not.toContain('empty database: seeding demo data')
})
