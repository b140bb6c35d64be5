import fs from 'node:fs'
import path from 'node:path'

import { backupsToRemove, retentionPolicy, type BackupEntry } from '../domain/backupRetention'
import { ARCHIVE_SUFFIX } from './paths'
import { readSidecar, sidecarPath } from './sidecar'

export interface StoredArchive extends BackupEntry {
  path: string
}

/** The archives in BACKUP_DIR, oldest first, with their verification state from the sidecars. */
export function listArchives(dir: string): StoredArchive[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ARCHIVE_SUFFIX))
    .map((f) => {
      const p = path.join(dir, f)
      const side = readSidecar(p)
      const createdAt = side?.createdAt ? new Date(side.createdAt) : fs.statSync(p).mtime
      return { id: f, path: p, createdAt, verified: Boolean(side?.verifiedAt) }
    })
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

/** Applies the retention policy to the storage; returns what it removed (and why). */
export function applyRetention(dir: string, now = new Date(), months = process.env.BACKUP_RETENTION_MONTHS): Array<{ id: string; reason: string }> {
  const archives = listArchives(dir)
  const decision = backupsToRemove(archives, now, retentionPolicy(months))
  for (const r of decision.remove) {
    const p = path.join(dir, r.id)
    fs.rmSync(p, { force: true })
    fs.rmSync(sidecarPath(p), { force: true })
  }
  return decision.remove
}
