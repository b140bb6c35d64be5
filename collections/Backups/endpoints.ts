import type { PayloadHandler } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { isSysadmin } from '../../src/domain/access'
import { logger } from '../../src/db/logger'
import { requestBackup, runBackupQueue } from '../../src/backup/service'

/** POST /api/backups/run — the system administrator starts a backup now; 202 with the new row. */
export const runBackupEndpoint: PayloadHandler = async (req) => {
  if (!isSysadmin(actorOf(req))) {
    return Response.json(
      { errors: [{ message: 'Chỉ quản trị hệ thống được chạy sao lưu / only a system administrator may start a backup' }] },
      { status: 403 },
    )
  }
  const row = await requestBackup(req.payload, 'manual')
  void runBackupQueue(req.payload).catch((err) => logger.error({ err }, 'backup queue run failed'))
  return Response.json({ id: row.id, status: row.status }, { status: 202 })
}
