/**
 * Retention of acknowledged outbox entries: HOSO_NATIONAL_SYNC_RETENTION_DAYS (unset: keep every entry). An entry is
 * removed once it was acknowledged more than that many days ago and — while the monthly package is on — once a signed
 * package lists it (its id is at most the last package's `lastOutboxId`), so no change leaves before it is in a
 * manifest. Pending and failed entries are never removed. The backups keep what they held.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Pool } from 'pg'

import { parseMonth, type PackageManifest } from '../domain/nationalPackage'
import { MANIFEST, packageBaseDir, packageEnabled } from './monthlyPackage'

export const retentionDays = (env: NodeJS.ProcessEnv = process.env): number | null => {
  const v = env.HOSO_NATIONAL_SYNC_RETENTION_DAYS
  return v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : null
}

/** The highest outbox id a stored package lists (0 when there is none). */
export function lastPackagedOutboxId(base = packageBaseDir()): number {
  if (!fs.existsSync(base)) return 0
  const months = fs.readdirSync(base).filter((d) => parseMonth(d) && fs.existsSync(path.join(base, d, MANIFEST))).sort()
  if (!months.length) return 0
  const m = JSON.parse(fs.readFileSync(path.join(base, months.at(-1)!, MANIFEST), 'utf8')) as PackageManifest
  return m.changes.lastOutboxId
}

/** Removes what the rule lets go; returns how many entries. */
export async function pruneAcknowledged(pool: Pool, now = new Date(), days = retentionDays()): Promise<number> {
  if (days == null) return 0
  const upTo = packageEnabled() ? lastPackagedOutboxId() : Number.MAX_SAFE_INTEGER
  const { rowCount } = await pool.query(
    `DELETE FROM national_sync_outbox
      WHERE status = 'sent' AND acknowledged_at < $1::timestamptz - ($2::int * interval '1 day') AND id <= $3`,
    [now.toISOString(), days, upTo],
  )
  return rowCount ?? 0
}
