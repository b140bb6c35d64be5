/**
 * Which backups may be deleted. QĐ 832/QĐ-BNV: data "được sao lưu định kỳ hàng tháng, tối thiểu ba tháng
 * nếu đã có phiên bản sao lưu mới" — each backup is kept at least three months once a newer one exists.
 *
 * The clock of a backup starts when it is superseded, i.e. at the creation of the first newer *verified*
 * backup (an unverified newer archive proves nothing). Since that moment is never earlier than the
 * backup's own creation, this also keeps every backup younger than the retention period. Consequences:
 * - a backup with no newer verified backup is never deleted (so a lone backup is kept whatever its age);
 * - the newest verified backup is always kept.
 */
import { addMonths } from './dates'

export interface BackupEntry {
  /** File name or any stable identifier. */
  id: string
  createdAt: Date
  /** Decrypted and checked against its manifest after it was written. */
  verified: boolean
}

export interface RetentionPolicy {
  /** Months each backup is kept after a newer verified one exists; at least 3 (the regulation's floor). */
  months: number
}

export const MIN_RETENTION_MONTHS = 3

export interface RetentionDecision {
  keep: Array<{ id: string; reason: string }>
  remove: Array<{ id: string; reason: string }>
}

/** Reads BACKUP_RETENTION_MONTHS-like input; below the floor or not a whole number is refused. */
export function retentionPolicy(months: number | string | undefined): RetentionPolicy {
  if (months === undefined || months === '') return { months: MIN_RETENTION_MONTHS }
  const n = Number(months)
  if (!Number.isInteger(n) || n < MIN_RETENTION_MONTHS) {
    throw new Error(
      `Thời hạn lưu giữ bản sao lưu phải là số nguyên tháng, tối thiểu ${MIN_RETENTION_MONTHS} / ` +
        `backup retention must be a whole number of months, at least ${MIN_RETENTION_MONTHS} (got ${String(months)})`,
    )
  }
  return { months: n }
}

export function backupsToRemove(backups: BackupEntry[], now: Date, policy: RetentionPolicy): RetentionDecision {
  if (policy.months < MIN_RETENTION_MONTHS) throw new Error(`retention below ${MIN_RETENTION_MONTHS} months`)
  const cutoff = addMonths(now, -policy.months)
  const sorted = [...backups].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
  const decision: RetentionDecision = { keep: [], remove: [] }
  if (sorted.length <= 1) {
    for (const b of sorted) decision.keep.push({ id: b.id, reason: 'only backup' })
    return decision
  }
  for (const b of sorted) {
    const supersededBy = sorted.find((n) => n.verified && n.createdAt.getTime() > b.createdAt.getTime())
    if (!supersededBy) decision.keep.push({ id: b.id, reason: 'no newer verified backup' })
    else if (supersededBy.createdAt.getTime() > cutoff.getTime())
      decision.keep.push({ id: b.id, reason: `superseded by ${supersededBy.id} less than ${policy.months} months ago` })
    else decision.remove.push({ id: b.id, reason: `superseded by ${supersededBy.id} more than ${policy.months} months ago` })
  }
  return decision
}
