import { logger } from '../server/logger'

export interface BackupEvent {
  type: 'backup.succeeded' | 'backup.failed' | 'backup.removed' | 'backup.requested' | 'drill.succeeded' | 'drill.failed' | 'restore.succeeded'
  backupId?: number | string
  archive?: string
  actor?: string | number
  detail?: Record<string, unknown>
}

/**
 * The one call point for the audit trail (QĐ 832: access and operations on the data are logged).
 * The audit trail lands separately; until then the event goes to the JSON log.
 */
export function recordBackupEvent(event: BackupEvent): void {
  logger.info({ audit: 'backup', ...event }, event.type)
}
