/**
 * The app beside its database: commands run next to a running app connect to its embedded PostgreSQL instead
 * of stopping it; the app survives its database restarting (503 + Retry-After while it is away, serving
 * again once it is back, with nothing to restart by hand); an embedded server that dies is started again.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { freePort, readPostmasterPid, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embeddedPostgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { until } from '../helpers/wait'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-dbrecovery-'))
// The OS user `postgres` (PostgreSQL's, when tests run as root) must reach the data directories.
fs.chmodSync(work, 0o755)
const servers: TestServer[] = []
const databases: EmbeddedDatabase[] = []

afterAll(async () => {
  if (process.env.HOSO_TEST_DEBUG) for (const [i, s] of servers.entries()) fs.writeFileSync(`/tmp/ops/server-${i}.log`, s.output())
  for (const s of servers) await s.stop()
  for (const d of databases) await d.stop().catch(() => {})
})

const ready = async (url: string) => (await fetch(`${url}/readyz`)).status === 200

/** The first account of an empty database (Payload's first-register), signed in. */
async function firstAccount(url: string): Promise<string> {
  const res = await fetch(`${url}/api/accounts/first-register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'quantri@test.local', password: 'mat-khau-thu-nghiem-2026', roles: ['sysadmin'] }),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

const createUnit = (url: string, token: string, code: string) =>
  fetch(`${url}/api/units`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ code, name: `Đơn vị ${code}`, type: 'ministry' }),
  })

/**
 * Runs a package.json command's entry point as `npm run` does (without npm), next to the app. Asynchronously:
 * a blocked test process would keep using keep-alive sockets the server closed meanwhile.
 */
function command(entry: string, args: string[], env: Record<string, string | undefined>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const merged: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', HOSO_DEPLOYMENT: 'production', LOG_LEVEL: 'warn', PAYLOAD_SECRET: 'integration-test-secret', ...env }
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k]
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, env: merged as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })))
}

describe('embedded PostgreSQL owned by the running app', () => {
  const dataDir = path.join(work, 'embedded')
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer({ DATABASE_URL: undefined, HOSO_DATA_DIR: dataDir })
    servers.push(server)
    token = await firstAccount(server.url)
  })

  test('a command run beside the app connects to its PostgreSQL and leaves it running', async () => {
    const before = readPostmasterPid(path.join(dataDir, 'pg'))
    expect(before).not.toBeNull()
    const verify = await command('src/server/cli/audit-verify.ts', [], { DATABASE_URL: undefined, HOSO_DATA_DIR: dataDir })
    expect(verify.stderr).not.toMatch(/error/i)
    expect(verify.status).toBe(0)
    expect(verify.stdout).toMatch(/^OK, \d+ events/m)
    // Same server, still serving the app: same postmaster, ready, and a write goes through.
    expect(readPostmasterPid(path.join(dataDir, 'pg'))).toEqual(before)
    expect(await ready(server.url)).toBe(true)
    expect((await createUnit(server.url, token, 'CLI-1')).status).toBe(201)
  })

  test('restore into the database the app is using is refused by name, and changes nothing', async () => {
    const restore = await command('src/backup/cli/restore.ts', [path.join(work, 'no-such-archive.hoso'), '--force'], {
      DATABASE_URL: undefined,
      HOSO_DATA_DIR: dataDir,
      BACKUP_KEY: crypto.randomBytes(32).toString('hex'),
    })
    expect(restore.status).toBe(1)
    expect(restore.stderr).toMatch(/"hoso" đang được ứng dụng hoso sử dụng .* \/ database "hoso" is in use by a running hoso app/)
    const units = await fetch(`${server.url}/api/units?where[code][equals]=CLI-1`, { headers: { Authorization: `JWT ${token}` } })
    expect(((await units.json()) as { totalDocs: number }).totalDocs).toBe(1)
  })

  test('a PostgreSQL that dies is started again by the app, which serves again by itself', async () => {
    const before = readPostmasterPid(path.join(dataDir, 'pg'))!
    process.kill(before.pid, 'SIGKILL')
    const after = await until(() => {
      const now = readPostmasterPid(path.join(dataDir, 'pg'))
      return now && now.pid !== before.pid ? now : null
    }, 'a new postmaster')
    expect(after.port).toBe(before.port)
    await until(() => ready(server.url), '/readyz 200 after the restart')
    expect((await createUnit(server.url, token, 'CRASH-1')).status).toBe(201)
    expect(server.output()).toMatch(/embedded PostgreSQL exited/)
  })
})

describe('an external PostgreSQL that restarts', () => {
  let db: EmbeddedDatabase
  let port: number
  let server: TestServer
  let token: string
  const dataDir = path.join(work, 'external')

  beforeAll(async () => {
    port = await freePort()
    db = await startEmbeddedPostgres({ dataDir, port })
    databases.push(db)
    server = await startTestServer({ DATABASE_URL: db.url })
    servers.push(server)
    token = await firstAccount(server.url)
  })

  test('while it is down: /readyz 503, requests 503 with Retry-After in the caller\'s language; once it is back the app serves again', async () => {
    expect((await createUnit(server.url, token, 'EXT-1')).status).toBe(201)
    await db.stop()

    await until(async () => (await fetch(`${server.url}/readyz`)).status === 503, '/readyz 503')
    const read = await fetch(`${server.url}/api/units`, { headers: { Authorization: `JWT ${token}` } })
    expect(read.status).toBe(503)
    expect(read.headers.get('retry-after')).toBe('5')
    expect(((await read.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(
      'Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau ít giây',
    )
    const write = await fetch(`${server.url}/api/units`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}`, 'Accept-Language': 'en' },
      body: JSON.stringify({ code: 'EXT-DOWN', name: 'Đơn vị', type: 'ministry' }),
    })
    expect(write.status).toBe(503)
    expect(((await write.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/^The database is temporarily unavailable/)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)

    db = await startEmbeddedPostgres({ dataDir, port })
    databases.push(db)
    await until(() => ready(server.url), '/readyz 200 once PostgreSQL is back')
    expect((await createUnit(server.url, token, 'EXT-2')).status).toBe(201)
    const units = await fetch(`${server.url}/api/units?sort=code`, { headers: { Authorization: `JWT ${token}` } })
    // The write refused while the database was down did not happen; the others did.
    expect(((await units.json()) as { docs: Array<{ code: string }> }).docs.map((u) => u.code)).toEqual(['EXT-1', 'EXT-2'])
  })
})
