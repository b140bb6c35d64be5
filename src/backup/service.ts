import path from 'node:path'

import type { Payload } from 'payload'

import { recordBackupEvent } from './audit'
import { createBackup } from './backup'
import { drillArchive, type DrillResult } from './drill'
import { loadBackupKey } from './key'
import { backupDir, mediaDir } from './paths'
import { applyRetention, listArchives } from './retention'
import { verifyArchive } from './verify'
import { backupFailedEmail } from '../mail/backupFailedEmail'
import { logger } from '../db/logger'
import { poolOf, withAdvisoryLock } from '../db/pool'
import { releaseOrphanedJobs } from '../db/orphanedJobs'

export const BACKUP_TASK = 'backup'
export const BACKUP_QUEUE = 'backups'
/** First run + 2 retries. */
export const BACKUP_RETRIES = 2

// Any constant shared by every instance (the migration lock is 0x686f736f).
const RUN_LOCK_KEY = 0x686f736f + 1

const log = logger.child({ component: 'backup' })

/** A `backups` row and a queued job for it. A scheduled run carries its slot; a second instance's insert fails on the unique index. */
export async function requestBackup(payload: Payload, trigger: 'scheduled' | 'manual', slot?: string) {
  const row = await payload.create({
    collection: 'backups',
    data: { kind: 'backup', trigger, status: 'queued', slot: slot ?? null, attempts: 0 },
  })
  await payload.jobs.queue({ task: BACKUP_TASK, input: { backupId: row.id }, queue: BACKUP_QUEUE })
  await recordBackupEvent({ type: 'backup.requested', backupId: row.id, detail: { trigger, slot } }, payload)
  return row
}

/**
 * Runs the queued backup jobs (and their retries) while holding a PostgreSQL advisory lock, so that
 * with several app instances only one runs backups at a time; the others return at once.
 */
export async function runBackupQueue(payload: Payload): Promise<boolean> {
  const ran = await withAdvisoryLock(payload, RUN_LOCK_KEY, async () => {
    await releaseOrphanedJobs(payload, BACKUP_QUEUE)
    for (let i = 0; i < 2 * (BACKUP_RETRIES + 1); i++) {
      const r = await payload.jobs.run({ queue: BACKUP_QUEUE, limit: 1, sequential: true, silent: true })
      if (r.noJobsRemaining || Object.keys(r.jobStatus ?? {}).length === 0) break
    }
  })
  return ran !== null
}

async function emailSysadmins(payload: Payload, message: { subject: string; text: string }): Promise<number> {
  const admins = await payload.find({
    collection: 'accounts',
    where: { roles: { in: ['sysadmin'] } },
    limit: 100,
    depth: 0,
  })
  const to = admins.docs.filter((a) => !(a as { disabled?: boolean }).disabled).map((a) => a.email)
  if (!to.length) {
    log.error('no system administrator account to notify of the backup failure')
    return 0
  }
  await payload.sendEmail({ to, subject: message.subject, text: message.text })
  return to.length
}

/** The job's work: archive → verify → record → retention. Throws on failure so the job is retried. */
export async function performBackup(payload: Payload, backupId: number): Promise<void> {
  const row = await payload.findByID({ collection: 'backups', id: backupId, depth: 0 })
  const attempts = (row.attempts ?? 0) + 1
  const startedAt = new Date()
  await payload.update({
    collection: 'backups',
    id: backupId,
    data: { status: 'running', attempts, startedAt: row.startedAt ?? startedAt.toISOString(), error: null },
  })
  try {
    const key = loadBackupKey((m) => log.warn(m))
    const dir = backupDir()
    const result = await createBackup({ pool: poolOf(payload), dir, mediaDir: mediaDir(), key })
    await verifyArchive(result.archive, key)
    const m = result.manifest
    await payload.update({
      collection: 'backups',
      id: backupId,
      data: {
        status: 'succeeded',
        archive: path.basename(result.archive),
        size: result.bytes,
        checksum: result.sha256,
        finishedAt: new Date().toISOString(),
        result: {
          verified: true,
          snapshotAt: m.snapshotAt,
          migrations: m.migrations.length,
          lastMigration: m.migrations.at(-1) ?? null,
          tables: m.tables.length,
          rows: m.tables.reduce((s, t) => s + t.rows, 0),
          files: m.files.length,
          ms: Date.now() - startedAt.getTime(),
        },
      },
    })
    await recordBackupEvent({ type: 'backup.succeeded', backupId, archive: path.basename(result.archive), detail: { bytes: result.bytes } }, payload)
    log.info({ archive: result.archive, bytes: result.bytes, ms: Date.now() - startedAt.getTime() }, 'backup written and verified')

    try {
      const removed = applyRetention(dir)
      for (const r of removed) {
        log.info({ archive: r.id, reason: r.reason }, 'backup removed by retention')
        await recordBackupEvent({ type: 'backup.removed', archive: r.id, detail: { reason: r.reason } }, payload)
        const rows = await payload.find({ collection: 'backups', where: { archive: { equals: r.id } }, limit: 10, depth: 0 })
        for (const d of rows.docs) await payload.update({ collection: 'backups', id: d.id, data: { removedAt: new Date().toISOString() } })
      }
    } catch (err) {
      // The new backup is good; a retention problem must not mark it failed.
      log.error({ err }, 'backup retention failed')
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    log.error({ err: { message }, backupId, attempts }, 'backup failed')
    await payload.update({
      collection: 'backups',
      id: backupId,
      data: { status: 'failed', error: message, finishedAt: new Date().toISOString() },
    })
    await recordBackupEvent({ type: 'backup.failed', backupId, detail: { attempts, error: message } }, payload)
    if (attempts >= BACKUP_RETRIES + 1) {
      await emailSysadmins(payload, backupFailedEmail({ attempts, error: message, startedAt: new Date(row.startedAt ?? startedAt), kind: 'backup' })).catch(
        (mailErr) => log.error({ err: { message: (mailErr as Error).message } }, 'could not e-mail the backup failure'),
      )
    }
    throw err
  }
}

/** `npm run backup:drill`: restore the latest archive into a scratch database, compare, record a `drill` row. */
export async function performDrill(payload: Payload, opts: { archive?: string; serverUrl?: string } = {}) {
  const startedAt = new Date()
  const archives = listArchives(backupDir())
  const archive = opts.archive ?? archives.at(-1)?.path
  const row = await payload.create({
    collection: 'backups',
    data: { kind: 'drill', trigger: 'manual', status: 'running', attempts: 1, startedAt: startedAt.toISOString(), archive: archive ? path.basename(archive) : null },
  })
  let result: DrillResult | null = null
  let error: string | null = null
  try {
    if (!archive) throw new Error(`Không có bản sao lưu nào trong ${backupDir()} / no backup archive in ${backupDir()}`)
    const key = loadBackupKey((m) => log.warn(m))
    const serverUrl = opts.serverUrl ?? process.env.BACKUP_DRILL_DATABASE_URL ?? process.env.DATABASE_URL
    if (!serverUrl) throw new Error('no database server for the drill (DATABASE_URL or BACKUP_DRILL_DATABASE_URL)')
    result = await drillArchive({ archive, key, serverUrl, log: (m) => log.info(m) })
    if (!result.ok) error = result.error ?? 'drill failed'
  } catch (err) {
    error = err instanceof Error ? err.message : String(err)
  }
  const updated = await payload.update({
    collection: 'backups',
    id: row.id,
    data: {
      status: error ? 'failed' : 'succeeded',
      error,
      finishedAt: new Date().toISOString(),
      result: result
        ? {
            ok: result.ok,
            restoreMs: result.restoreMs,
            tables: result.tables.map((t) => ({ table: t.table, rows: t.rows, expectedRows: t.expectedRows, ok: t.ok })),
            files: result.files,
          }
        : null,
    },
  })
  await recordBackupEvent({ type: error ? 'drill.failed' : 'drill.succeeded', backupId: row.id, archive: archive ? path.basename(archive) : undefined, detail: { error } }, payload)
  if (error) {
    await emailSysadmins(payload, backupFailedEmail({ attempts: 1, error, startedAt, kind: 'drill' })).catch((mailErr) =>
      log.error({ err: { message: (mailErr as Error).message } }, 'could not e-mail the drill failure'),
    )
  }
  return { row: updated, result, error }
}
