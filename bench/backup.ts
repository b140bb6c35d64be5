/**
 * `npm run bench -- backup`: the monthly backup on the bench data set — backup (snapshot dump +
 * files + encryption), verify (decrypt + checksums) and restore (migrations + COPY FROM + checks) into
 * a scratch database. Baseline in the same run: a plain `COPY … TO STDOUT` of every table, read and
 * discarded (what any logical dump must at least do), so the ratio says what the archive format costs.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { createBackup } from '../src/backup/backup'
import { keyId } from '../src/backup/key'
import { restoreArchive } from '../src/backup/restore'
import { copyTableOut, listTables, prepareSession } from '../src/backup/tables'
import { verifyArchive } from '../src/backup/verify'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint()
  const r = await fn()
  return [Number(process.hrtime.bigint() - t0) / 1e6, r]
}

export async function benchBackup(opts: { pool: pg.Pool; serverUrl: string; runs: number }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-bench-backup-'))
  const media = path.join(work, 'media')
  fs.mkdirSync(media)
  // Stand-in for uploaded photos: 300 × 40 KB (the bench seed has no photos).
  for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(media, `photo-${i}.jpg`), crypto.randomBytes(40_000))
  const keyBytes = crypto.randomBytes(32)
  const key = { key: keyBytes, id: keyId(keyBytes), source: 'bench' }
  const plain: number[] = []
  const backup: number[] = []
  const verify: number[] = []
  const restore: number[] = []
  let size = 0
  let rows = 0
  let plainBytes = 0
  try {
    for (let i = 0; i < opts.runs; i++) {
      const [tPlain] = await timed(async () => {
        const c = await opts.pool.connect()
        try {
          await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY')
          await prepareSession(c)
          plainBytes = 0
          for (const t of await listTables(c)) plainBytes += (await copyTableOut(c, t, () => {})).bytes
          await c.query('COMMIT')
        } finally {
          c.release()
        }
      })
      plain.push(tPlain)
      const [tBackup, result] = await timed(() => createBackup({ pool: opts.pool, dir: path.join(work, 'out'), mediaDir: media, key }))
      backup.push(tBackup)
      size = result.bytes
      rows = result.manifest.tables.reduce((s, t) => s + t.rows, 0)
      const [tVerify] = await timed(() => verifyArchive(result.archive, key))
      verify.push(tVerify)

      const scratch = `hoso_bench_restore_${Date.now().toString(36)}`
      const admin = new pg.Client({ connectionString: opts.serverUrl })
      await admin.connect()
      await admin.query(`CREATE DATABASE ${scratch}`)
      try {
        const u = new URL(opts.serverUrl)
        u.pathname = `/${scratch}`
        const [tRestore] = await timed(() =>
          restoreArchive({ archive: result.archive, key, targetUrl: u.toString(), mediaDir: path.join(work, `restored-${i}`) }),
        )
        restore.push(tRestore)
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch(() => {})
        await admin.end()
      }
      fs.rmSync(path.join(work, 'out'), { recursive: true, force: true })
      fs.rmSync(path.join(work, `restored-${i}`), { recursive: true, force: true })
      console.log(`run ${i + 1}: plain COPY ${tPlain.toFixed(0)} ms, backup ${tBackup.toFixed(0)} ms, verify ${tVerify.toFixed(0)} ms, restore ${restore.at(-1)!.toFixed(0)} ms`)
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
  const r = (x: number) => Math.round(x)
  return {
    runs: opts.runs,
    rows,
    files: 300,
    archiveBytes: size,
    plainCopyBytes: plainBytes,
    medianMs: {
      plainCopyBaseline: r(median(plain)),
      backup: r(median(backup)),
      verify: r(median(verify)),
      backupPlusVerify: r(median(backup.map((b, i) => b + verify[i]!))),
      restore: r(median(restore)),
    },
    ratioBackupToPlainCopy: Math.round((median(backup) / median(plain)) * 100) / 100,
    targetBackupPlusVerifyMs: 60_000,
    note: 'backup = REPEATABLE READ snapshot COPY of every table + 300 × 40 KB files + AES-256-GCM; verify = decrypt + SHA-256 of every part; restore = migrations + COPY FROM + per-table checks into a scratch database',
  }
}

