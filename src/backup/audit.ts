import { createLocalReq, type Payload } from 'payload'

import { recordAuditEvent } from '../audit/record'
import { logger } from '../db/logger'

export interface BackupEvent {
  type: 'backup.succeeded' | 'backup.failed' | 'backup.removed' | 'backup.requested' | 'drill.succeeded' | 'drill.failed' | 'restore.succeeded'
  backupId?: number | string
  archive?: string
  actor?: string | number
  detail?: Record<string, unknown>
}

/**
 * The one call point for backup, drill and restore events (QĐ 832: operations on the data are logged):
 * to the JSON log always, and to the audit trail when the database is at hand (`payload`).
 * A failure to write the audit event is logged and never fails the backup itself.
 */
export async function recordBackupEvent(event: BackupEvent, payload?: Payload): Promise<void> {
  logger.info({ audit: 'backup', ...event }, event.type)
  if (!payload) return
  try {
    const req = await createLocalReq({}, payload)
    await recordAuditEvent(req, {
      operation: event.type.startsWith('restore') ? 'restore' : 'backup',
      collection: 'backups',
      recordIds: event.backupId != null ? [event.backupId] : [],
      detail: { event: event.type, ...(event.archive ? { archive: event.archive } : {}), ...(event.detail ?? {}) },
    })
  } catch (err) {
    logger.error({ err, event: event.type }, 'backup audit event not written')
  }
}

/**
 * A restore writes its event into the restored database itself (the app is stopped meanwhile): one INSERT,
 * numbered and chained by the audit trigger like any other event.
 */
export async function recordRestoreEvent(databaseUrl: string, event: BackupEvent): Promise<void> {
  logger.info({ audit: 'backup', ...event }, event.type)
  const { Client } = await import('pg')
  const client = new Client({ connectionString: databaseUrl })
  try {
    await client.connect()
    await client.query(
      `INSERT INTO audit_events (operation, target_collection, actor_name, detail) VALUES ('restore', 'backups', $1, $2::jsonb)`,
      [process.env.USER ? `npm run restore (${process.env.USER})` : 'npm run restore', JSON.stringify({ event: event.type, archive: event.archive, ...(event.detail ?? {}) })],
    )
  } catch (err) {
    logger.error({ err }, 'restore audit event not written')
  } finally {
    await client.end().catch(() => {})
  }
}
