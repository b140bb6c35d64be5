import fs from 'node:fs'
import path from 'node:path'
import { finished } from 'node:stream/promises'

import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

import type { BackupKey } from './key'
import { filePart, tablePart, type BackupManifest } from './manifest'
import { planMigrations, runMigrations } from './migrationRunner'
import { copyInSql, copyTableOut, prepareSession, quoteIdent } from './tables'
import { readArchive, verifyArchive } from './verify'
import { listFiles } from './backup'

export interface TableCheck {
  table: string
  rows: number
  expectedRows: number
  sha256: string
  expectedSha256: string
  ok: boolean
}

export interface RestoreReport {
  manifest: BackupManifest
  tables: TableCheck[]
  files: number
  newerMigrations: string[]
  ms: number
}

export class RestoreRefused extends Error {
  constructor(vi: string, en: string) {
    super(`${vi} / ${en}`)
    this.name = 'RestoreRefused'
  }
}

async function userRelations(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
  )
  return rows[0]!.n
}

/**
 * Restores an archive into an empty database and MEDIA_DIR:
 * 1. verify the whole archive first (a corrupted or wrongly keyed archive changes nothing);
 * 2. rebuild the schema by running the project's migrations up to the archive's migration version;
 * 3. load every table with COPY FROM in one transaction with `session_replication_role = replica`, so
 *    the unit-path triggers and foreign-key checks do not fire on rows that are already consistent
 *    (they were read from one snapshot; the triggers would otherwise recompute paths from parents that
 *    may not be loaded yet). This needs a superuser, or PG ≥ 15 `GRANT SET ON PARAMETER session_replication_role`;
 * 4. set the sequences, recompute each table's row count and content checksum in the same transaction
 *    and roll everything back if one differs from the manifest;
 * 5. run the migrations newer than the archive.
 */
/**
 * The sessions of running hoso processes (the app's pool names itself `hoso`) on the target database: a
 * restore under a running app would pull the data from under it, so it is refused, naming the database.
 */
export async function refuseWhileInUse(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ db: string; n: number; addresses: string | null }>(
    `SELECT current_database() AS db, count(a.pid)::int AS n, string_agg(DISTINCT coalesce(host(a.client_addr), 'local'), ', ') AS addresses
       FROM pg_stat_activity a
      WHERE a.datname = current_database() AND a.application_name = 'hoso' AND a.pid <> pg_backend_pid()`,
  )
  const { db, n, addresses } = rows[0]!
  if (n > 0) {
    throw new RestoreRefused(
      `Cơ sở dữ liệu "${db}" đang được ứng dụng hoso sử dụng (${n} kết nối từ ${addresses}); dừng ứng dụng (và các lệnh đang chạy) trước khi khôi phục`,
      `database "${db}" is in use by a running hoso app (${n} connections from ${addresses}); stop it (and any running command) before restoring`,
    )
  }
}

export async function restoreArchive(opts: {
  archive: string
  key: BackupKey
  targetUrl: string
  mediaDir: string
  force?: boolean
  log?: (msg: string) => void
}): Promise<RestoreReport> {
  const t0 = Date.now()
  const log = opts.log ?? (() => {})
  const probe = new pg.Client({ connectionString: opts.targetUrl })
  await probe.connect()
  try {
    await refuseWhileInUse(probe)
  } finally {
    await probe.end()
  }
  const manifest = await verifyArchive(opts.archive, opts.key)
  log(`archive verified: ${manifest.tables.length} tables, ${manifest.files.length} files, made ${manifest.createdAt}`)
  const plan = planMigrations(manifest.migrations)

  const client = new pg.Client({ connectionString: opts.targetUrl })
  await client.connect()
  try {
    if (listFiles(opts.mediaDir).length > 0 && !opts.force) {
      throw new RestoreRefused(
        `Thư mục tệp tải lên ${opts.mediaDir} không trống (dùng --force để ghi đè)`,
        `the media directory ${opts.mediaDir} is not empty (--force overwrites files of the same name)`,
      )
    }

    if ((await userRelations(client)) > 0) {
      if (!opts.force) {
        throw new RestoreRefused(
          'Cơ sở dữ liệu đích không trống; chỉ khôi phục vào cơ sở dữ liệu trống (hoặc dùng --force để xóa toàn bộ dữ liệu hiện có)',
          'the target database is not empty; restore only into an empty database (or --force to drop everything in it)',
        )
      }
      log('--force: dropping the public schema of the target database')
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
    }
    await runMigrations(client, plan.upToArchive, 1)
    log(`schema rebuilt with ${plan.upToArchive.length} migrations`)

    const tables = new Map(manifest.tables.map((t) => [t.name, t]))
    const files = new Map(manifest.files.map((f) => [filePart(f.path), f]))
    await client.query('BEGIN')
    try {
      await client.query('SET LOCAL session_replication_role = replica').catch((err: Error) => {
        throw new RestoreRefused(
          'Tài khoản cơ sở dữ liệu không đủ quyền khôi phục (cần quyền superuser hoặc quyền SET session_replication_role)',
          `the database role may not set session_replication_role (superuser or GRANT SET ON PARAMETER needed): ${err.message}`,
        )
      })
      await prepareSession(client)
      // Rows the migrations themselves wrote (the working calendar's known decisions): the archive holds the
      // authoritative copy of every table it lists, so those go before it is loaded.
      for (const t of manifest.tables) await client.query(`DELETE FROM public.${quoteIdent(t.table)}`)
      let sink: ReturnType<typeof streamSink> | null = null
      try {
        for await (const ev of readArchive(opts.archive, opts.key)) {
          if (ev.type === 'begin') {
            const t = tables.get(ev.name)
            const f = files.get(ev.name)
            if (t) {
              const stream = client.query(copyFrom(copyInSql({ name: t.table, columns: t.columns })))
              sink = streamSink(stream)
            } else if (f) {
              const target = path.resolve(opts.mediaDir, f.path)
              if (!target.startsWith(path.resolve(opts.mediaDir) + path.sep)) throw new Error(`unsafe file path in archive: ${f.path}`)
              fs.mkdirSync(path.dirname(target), { recursive: true })
              sink = streamSink(fs.createWriteStream(target))
            } else sink = null
          } else if (ev.type === 'data') {
            if (sink) await sink.write(ev.chunk)
          } else if (ev.type === 'end') {
            if (sink) await sink.end()
            sink = null
          }
        }
      } catch (err) {
        // An open COPY holds the connection: fail it (CopyFail) so that the ROLLBACK below can run.
        sink?.abort(err as Error)
        throw err
      }
      for (const s of manifest.sequences) {
        await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [`public.${quoteIdent(s.name)}`, s.value, s.isCalled])
      }
      const checks: TableCheck[] = []
      for (const t of manifest.tables) {
        const got = await copyTableOut(client, { name: t.table, columns: t.columns, orderBy: t.orderBy }, () => {})
        checks.push({
          table: t.table,
          rows: got.rows,
          expectedRows: t.rows,
          sha256: got.sha256,
          expectedSha256: t.sha256,
          ok: got.rows === t.rows && got.sha256 === t.sha256,
        })
      }
      const bad = checks.filter((c) => !c.ok)
      if (bad.length) {
        throw new Error(`restored content differs from the snapshot in ${bad.map((b) => `${b.table} (${b.rows}/${b.expectedRows} rows)`).join(', ')}`)
      }
      await client.query('COMMIT')
      log(`loaded ${checks.length} tables; row counts and checksums match the snapshot`)

      await runMigrations(client, plan.newer, 2)
      if (plan.newer.length) log(`applied ${plan.newer.length} newer migrations`)
      return { manifest, tables: checks, files: manifest.files.length, newerMigrations: plan.newer.map((m) => m.name), ms: Date.now() - t0 }
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    }
  } finally {
    await client.end().catch(() => {})
  }
}

function streamSink(stream: NodeJS.WritableStream & { once: Function; destroy(err?: Error): void }) {
  const done = finished(stream as never)
  done.catch(() => {}) // observed in end()
  return {
    async write(chunk: Buffer) {
      if (!stream.write(chunk)) await new Promise<void>((resolve, reject) => {
        stream.once('drain', resolve)
        done.catch(reject)
      })
    },
    async end() {
      stream.end()
      await done
    },
    abort(err: Error) {
      stream.destroy(err)
    },
  }
}
