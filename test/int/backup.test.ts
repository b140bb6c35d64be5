/**
 * Backups (QĐ 832: monthly, kept ≥ 3 months, tested restores): a snapshot taken while writes are in
 * flight restores into a fresh database with the same per-table counts and checksums and the same
 * files; corrupted archives, wrong keys and non-empty targets are refused; the job records a `backups`
 * row, retries a failure and e-mails the system administrators; a scheduled slot runs once.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { Payload } from 'payload'

import { onScheduledTick, scheduledSlot } from '../../src/backup/schedule'
import { performDrill, requestBackup, runBackupQueue } from '../../src/backup/service'
import { createBackup, listFiles } from '../../src/backup/backup'
import { keyId, type BackupKey } from '../../src/backup/key'
import { planMigrations, runMigrations } from '../../src/backup/migrationRunner'
import { restoreArchive } from '../../src/backup/restore'
import { migrations } from '../../migrations/index'
import { readSidecar } from '../../src/backup/sidecar'
import { verifyArchive } from '../../src/backup/verify'
import { seedDemoData } from '../../src/seed/seed'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp'

let payload: Payload
let databaseUrl: string
let sql: pg.Pool
let smtp: SmtpSink
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-backup-test-'))
const media = path.join(work, 'media')
const keyHex = crypto.randomBytes(32).toString('hex')
const key: BackupKey = { key: Buffer.from(keyHex, 'hex'), id: keyId(Buffer.from(keyHex, 'hex')), source: 'test' }
const created: string[] = []

async function emptyDatabase(): Promise<string> {
  const admin = process.env.HOSO_TEST_ADMIN_URL!
  const name = `hoso_t_restore_${process.pid}_${Date.now().toString(36)}_${created.length}`
  const c = new pg.Client({ connectionString: admin })
  await c.connect()
  await c.query(`CREATE DATABASE ${name}`)
  await c.end()
  created.push(name)
  const u = new URL(admin)
  u.pathname = `/${name}`
  return u.toString()
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query<T>(text)).rows
  } finally {
    await c.end()
  }
}

beforeAll(async () => {
  smtp = await startSmtpSink()
  Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' })
  process.env.BACKUP_KEY = keyHex
  process.env.BACKUP_DIR = path.join(work, 'backups')
  process.env.MEDIA_DIR = media
  const started = await startTestPayload()
  payload = started.payload
  databaseUrl = started.databaseUrl
  await seedDemoData(payload, { staff: 40 })
  sql = new pg.Pool({ connectionString: databaseUrl, max: 4 })
  fs.mkdirSync(path.join(media, 'nested'), { recursive: true })
  fs.writeFileSync(path.join(media, 'anh-the.jpg'), crypto.randomBytes(50_000))
  fs.writeFileSync(path.join(media, 'nested', 'anh-2.png'), crypto.randomBytes(3_000_000))
})

afterAll(async () => {
  await sql?.end()
  await smtp?.close()
  if (created.length) {
    const c = new pg.Client({ connectionString: process.env.HOSO_TEST_ADMIN_URL })
    await c.connect()
    for (const n of created) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`).catch(() => {})
    await c.end()
  }
  await stopTestPayload(payload)
  fs.rmSync(work, { recursive: true, force: true })
})

describe('backup and restore', () => {
  let archive: string
  let manifestRows: Map<string, { rows: number; sha256: string }>

  test('a backup taken while writes are in flight restores to exactly its snapshot', async () => {
    const root = (await sql.query<{ id: number }>('SELECT id FROM units WHERE parent_id IS NULL LIMIT 1')).rows[0]!.id
    // Each write adds one code and one unit in one transaction: in a consistent snapshot, the two
    // counts are equal even though the dump reads `codes` long before `units`.
    let writes = 0
    let stop = false
    const writer = (async () => {
      const c = await sql.connect()
      try {
        while (!stop) {
          await c.query('BEGIN')
          await c.query(`INSERT INTO codes (list, code, name) VALUES ('religion', $1, 'Ghi thử')`, [`bk${writes}`])
          await c.query(`INSERT INTO units (code, name, type, parent_id) VALUES ($1, 'Đơn vị ghi thử', 'division', $2)`, [`BK${writes}`, root])
          await c.query('COMMIT')
          writes++
        }
      } finally {
        c.release()
      }
    })()
    while (writes < 5) await new Promise((r) => setTimeout(r, 5))
    const result = await createBackup({ pool: sql, dir: process.env.BACKUP_DIR!, mediaDir: media, key })
    const writesAtEnd = writes
    while (writes < writesAtEnd + 5) await new Promise((r) => setTimeout(r, 5))
    stop = true
    await writer
    archive = result.archive
    const m = result.manifest
    manifestRows = new Map(m.tables.map((t) => [t.table, { rows: t.rows, sha256: t.sha256 }]))

    expect(readSidecar(archive)?.verifiedAt).toBeUndefined() // createBackup alone does not claim verification
    const writerCodes = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM codes WHERE code LIKE 'bk%'`)).rows[0]!.n
    const seededCodes = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM codes WHERE code NOT LIKE 'bk%'`)).rows[0]!.n
    expect(writerCodes).toBe(writes) // everything committed is in the live database

    // Restore into a fresh database and compare with the live one and the manifest.
    const target = await emptyDatabase()
    const restoredMedia = path.join(work, 'restored-media')
    const report = await restoreArchive({ archive, key, targetUrl: target, mediaDir: restoredMedia })
    expect(report.tables.length).toBeGreaterThan(0)
    expect(report.tables.every((t) => t.ok)).toBe(true)
    for (const t of m.tables) {
      const [row] = await query<{ n: number }>(target, `SELECT count(*)::int AS n FROM public."${t.table}"`)
      expect({ table: t.table, rows: row!.n }).toEqual({ table: t.table, rows: t.rows })
    }
    const [restored] = await query<{ codes: number; units: number }>(
      target,
      `SELECT (SELECT count(*)::int FROM codes WHERE code LIKE 'bk%') AS codes, (SELECT count(*)::int FROM units WHERE code LIKE 'BK%') AS units`,
    )
    expect(restored!.codes).toBe(restored!.units)
    expect(restored!.codes).toBeGreaterThan(0)
    expect(restored!.codes).toBeLessThan(writes) // writes went on after the snapshot
    // The snapshot holds the seeded codes plus exactly the writes committed before it.
    expect(seededCodes).toBeGreaterThan(0)
    expect(manifestRows.get('codes')!.rows).toBe(seededCodes + restored!.codes)

    // Unit paths were restored as snapshotted (triggers off during the load), and a new unit gets a fresh id.
    const [paths] = await query<{ bad: number }>(target, `SELECT count(*)::int AS bad FROM staff s JOIN units u ON u.id = s.unit_id WHERE s.unit_path <> u.path`)
    expect(paths!.bad).toBe(0)
    const [next] = await query<{ id: number; max: number }>(
      target,
      `WITH m AS (SELECT max(id) AS max FROM units) INSERT INTO units (code, name, type, parent_id) SELECT 'AFTER', 'Sau khôi phục', 'division', min(id) FROM units RETURNING id, (SELECT max FROM m) AS max`,
    )
    expect(next!.id).toBeGreaterThan(next!.max)

    // Files: same names, same bytes.
    expect(listFiles(restoredMedia)).toEqual(listFiles(media))
    for (const f of listFiles(media)) expect(fs.readFileSync(path.join(restoredMedia, f)).equals(fs.readFileSync(path.join(media, f)))).toBe(true)

    // The schema version came along: the restored database knows the same migrations.
    const migs = await query<{ name: string }>(target, 'SELECT name FROM payload_migrations ORDER BY id')
    expect(migs.map((r) => r.name)).toEqual(m.migrations)
  })

  test('the archive is encrypted: no plaintext of the database or the files in it', async () => {
    const bytes = fs.readFileSync(archive)
    expect(bytes.includes(Buffer.from('Đơn vị ghi thử'))).toBe(false)
    expect(bytes.includes(Buffer.from('COPY'))).toBe(false)
    expect(bytes.includes(fs.readFileSync(path.join(media, 'anh-the.jpg')).subarray(0, 64))).toBe(false)
    const m = await verifyArchive(archive, key)
    expect(m.tables.find((t) => t.table === 'staff')!.rows).toBe(40)
    expect(readSidecar(archive)?.verifiedAt).toBeTruthy() // set by verify (the restore above verified first)
  })

  test('a corrupted or truncated archive is detected by verify and refused by restore, changing nothing', async () => {
    const bytes = fs.readFileSync(archive)
    const flipped = Buffer.from(bytes)
    flipped[Math.floor(bytes.length / 2)]! ^= 0x01
    const bad = path.join(work, 'corrupted.hbak')
    fs.writeFileSync(bad, flipped)
    await expect(verifyArchive(bad, key)).rejects.toThrow(/bị hỏng|corrupted|authentication/)
    const truncated = path.join(work, 'truncated.hbak')
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 100))
    await expect(verifyArchive(truncated, key)).rejects.toThrow(/cắt cụt|truncated|bị hỏng/)

    const target = await emptyDatabase()
    const restoredMedia = path.join(work, 'never')
    await expect(restoreArchive({ archive: bad, key, targetUrl: target, mediaDir: restoredMedia })).rejects.toThrow(/bị hỏng|corrupted|authentication/)
    const [rel] = await query<{ n: number }>(target, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)
    expect(rel!.n).toBe(0)
    expect(fs.existsSync(restoredMedia)).toBe(false)
  })

  test('a copy whose bytes changed but still decrypts (edited sidecar checksum) is refused too', async () => {
    const copy = path.join(work, 'copy.hbak')
    fs.copyFileSync(archive, copy)
    fs.writeFileSync(`${copy}.json`, JSON.stringify({ ...readSidecar(archive), sha256: '0'.repeat(64) }))
    await expect(verifyArchive(copy, key)).rejects.toThrow(/SHA-256/)
  })

  test('the wrong key is refused', async () => {
    const other = crypto.randomBytes(32)
    await expect(verifyArchive(archive, { key: other, id: keyId(other), source: 'x' })).rejects.toThrow(/Sai khóa|wrong key/)
    // Same fingerprint field but a different key (a forged header id) still fails authentication.
    await expect(verifyArchive(archive, { key: other, id: key.id, source: 'x' })).rejects.toThrow(/xác thực|authentication/)
  })

  test('restore refuses a database a running app uses (even with --force), a non-empty database and a non-empty media directory unless --force', async () => {
    const before = (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM staff')).rows[0]!.n
    // This file's Payload holds sessions on databaseUrl, as a running app does: refused by the database's name.
    const dbName = new URL(databaseUrl).pathname.slice(1)
    for (const force of [false, true]) {
      await expect(restoreArchive({ archive, key, targetUrl: databaseUrl, mediaDir: path.join(work, 'm2'), force })).rejects.toThrow(
        new RegExp(`"${dbName}" đang được ứng dụng hoso sử dụng .* / database "${dbName}" is in use by a running hoso app`),
      )
    }
    expect((await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM staff')).rows[0]!.n).toBe(before)
    expect(fs.existsSync(path.join(work, 'm2'))).toBe(false)
    const target = await emptyDatabase()
    await expect(restoreArchive({ archive, key, targetUrl: target, mediaDir: media })).rejects.toThrow(/không trống|not empty/)

    const forced = await emptyDatabase()
    await query(forced, `CREATE TABLE leftover (x int); INSERT INTO leftover VALUES (1)`)
    await expect(restoreArchive({ archive, key, targetUrl: forced, mediaDir: path.join(work, 'm3') })).rejects.toThrow(/không trống|not empty/)
    // --force replaces whatever is in the target.
    const report = await restoreArchive({ archive, key, targetUrl: forced, mediaDir: path.join(work, 'm3'), force: true })
    expect(report.tables.length).toBeGreaterThan(0)
    expect(report.tables.every((t) => t.ok)).toBe(true)
    const [left] = await query<{ t: string | null }>(forced, `SELECT to_regclass('public.leftover')::text AS t`)
    expect(left!.t).toBeNull()
  })
})

test('an archive made before the latest migration is restored at its version, then migrated forward', async () => {
  const old = await emptyDatabase()
  const c = new pg.Client({ connectionString: old })
  await c.connect()
  try {
    await runMigrations(c, migrations.slice(0, -1), 1)
    await c.query(`INSERT INTO units (code, name, type) VALUES ('CU', 'Đơn vị cũ', 'ministry')`)
  } finally {
    await c.end()
  }
  const oldPool = new pg.Pool({ connectionString: old, max: 1 })
  let result
  try {
    result = await createBackup({ pool: oldPool, dir: path.join(work, 'old'), mediaDir: path.join(work, 'no-media'), key })
  } finally {
    await oldPool.end()
  }
  expect(result.manifest.migrations).toEqual(migrations.slice(0, -1).map((m) => m.name))
  const target = await emptyDatabase()
  const report = await restoreArchive({ archive: result.archive, key, targetUrl: target, mediaDir: path.join(work, 'old-media') })
  expect(report.newerMigrations).toEqual([migrations.at(-1)!.name])
  const names = await query<{ name: string }>(target, 'SELECT name FROM payload_migrations ORDER BY id')
  expect(names.map((r) => r.name)).toEqual(migrations.map((m) => m.name))
  const [unit] = await query<{ name: string; path: string }>(target, `SELECT name, path FROM units WHERE code = 'CU'`)
  expect(unit).toMatchObject({ name: 'Đơn vị cũ' })
  expect(unit!.path).toMatch(/^\.\d+\.$/)
  // An archive made by newer code (a migration this code does not know) is refused.
  expect(() => planMigrations([...migrations.map((m) => m.name), '20991231_000000_future'])).toThrow(/mới hơn|newer/)
})

describe('backup job, schedule and drill', () => {
  test('the job records a backups row, verifies the archive and the drill restores it', async () => {
    const row = await requestBackup(payload, 'manual')
    expect(await runBackupQueue(payload)).toBe(true)
    const done = await payload.findByID({ collection: 'backups', id: row.id })
    expect(done).toMatchObject({ status: 'succeeded', kind: 'backup', trigger: 'manual', attempts: 1 })
    const file = path.join(process.env.BACKUP_DIR!, done.archive!)
    expect(fs.statSync(file).size).toBe(done.size)
    expect(readSidecar(file)).toMatchObject({ sha256: done.checksum, bytes: done.size })
    expect(readSidecar(file)?.verifiedAt).toBeTruthy()

    const drill = await performDrill(payload, { serverUrl: databaseUrl })
    expect(drill.error).toBeNull()
    expect(drill.result!.archive).toBe(done.archive)
    expect(drill.result!.files).toEqual({ expected: 2, matching: 2, mismatched: [] })
    const staff = drill.result!.tables.find((t) => t.table === 'staff')!
    expect(staff).toMatchObject({ rows: 40, expectedRows: 40, ok: true })
    expect(drill.row).toMatchObject({ kind: 'drill', status: 'succeeded' })
    expect(readSidecar(file)?.drill?.ok).toBe(true)
  })

  test('a backup whose process died mid-run (job left claimed, row left running) runs again at the next sweep', async () => {
    const row = await requestBackup(payload, 'manual')
    // What a kill -9 during the job leaves: the job claimed and the row "running", no archive recorded.
    await sql.query(`UPDATE payload_jobs SET processing = true WHERE queue = 'backups' AND completed_at IS NULL AND (input->>'backupId')::int = $1`, [row.id])
    await sql.query(`UPDATE backups SET status = 'running', attempts = 1 WHERE id = $1`, [row.id])
    expect(await runBackupQueue(payload)).toBe(true)
    const done = await payload.findByID({ collection: 'backups', id: row.id })
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 })
    expect(fs.existsSync(path.join(process.env.BACKUP_DIR!, done.archive!))).toBe(true)
  })

  test('a failing backup is retried, marked failed and e-mailed to the system administrators', async () => {
    const blocker = path.join(work, 'not-a-directory')
    fs.writeFileSync(blocker, 'x')
    const saved = process.env.BACKUP_DIR
    process.env.BACKUP_DIR = path.join(blocker, 'backups') // mkdir fails: ENOTDIR
    const mailsBefore = smtp.messages.length
    try {
      const row = await requestBackup(payload, 'manual')
      await runBackupQueue(payload)
      const failed = await payload.findByID({ collection: 'backups', id: row.id })
      expect(failed).toMatchObject({ status: 'failed', attempts: 3 })
      expect(failed.error).toMatch(/ENOTDIR|not a directory/)
    } finally {
      process.env.BACKUP_DIR = saved
    }
    const mails = smtp.messages.slice(mailsBefore)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toMatch(/Sao lưu thất bại/)
    expect(mails[0]!.text).toMatch(/3 lần thử/)
    const to = (Array.isArray(mails[0]!.to) ? mails[0]!.to : [mails[0]!.to]).flatMap((a) => a!.value.map((v) => v.address))
    expect(to).toContain('admin@hoso.local')
    expect(to).not.toContain('tccb@hoso.local')
  })

  test('a scheduled slot runs once even when two instances fire together', async () => {
    const at = new Date('2026-12-01T01:30:00+07:00')
    const outcomes = await Promise.all([onScheduledTick(payload, at), onScheduledTick(payload, at)])
    expect(outcomes.sort()).toEqual(['queued', 'taken'])
    const rows = await payload.find({ collection: 'backups', where: { slot: { equals: scheduledSlot(at) } } })
    expect(rows.docs).toHaveLength(1)
    await runBackupQueue(payload)
    expect((await payload.findByID({ collection: 'backups', id: rows.docs[0]!.id })).status).toBe('succeeded')
  })

  test('only the system administrator reads backups; nobody creates or edits them through the API', async () => {
    const account = async (email: string) =>
      (await payload.find({ collection: 'accounts', where: { email: { equals: email } }, limit: 1 })).docs[0]!
    const admin = { ...(await account('admin@hoso.local')), collection: 'accounts' as const }
    const hr = { ...(await account('tccb@hoso.local')), collection: 'accounts' as const }
    expect((await payload.find({ collection: 'backups', user: admin, overrideAccess: false })).totalDocs).toBeGreaterThan(0)
    await expect(payload.find({ collection: 'backups', user: hr, overrideAccess: false })).rejects.toMatchObject({ name: 'Forbidden', status: 403 })
    await expect(
      payload.create({ collection: 'backups', data: { kind: 'backup', trigger: 'manual', status: 'succeeded' }, user: admin, overrideAccess: false }),
    ).rejects.toMatchObject({ name: 'Forbidden', status: 403 })
    const one = (await payload.find({ collection: 'backups', limit: 1 })).docs[0]!
    await expect(payload.update({ collection: 'backups', id: one.id, data: { status: 'failed' }, user: admin, overrideAccess: false })).rejects.toMatchObject({ name: 'Forbidden', status: 403 })
  })
})
