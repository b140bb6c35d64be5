import type { TaskConfig } from 'payload'

import { BACKUP_QUEUE, BACKUP_RETRIES, BACKUP_TASK, performBackup } from '../../src/backup/service'

/** Payload job task: one backup run per queued job; a failure is retried, the last failure is e-mailed. */
export const backupTask: TaskConfig<{ input: { backupId: number }; output: object }> = {
  slug: BACKUP_TASK,
  label: 'Sao lưu / Backup',
  retries: BACKUP_RETRIES,
  inputSchema: [{ name: 'backupId', type: 'number', required: true }],
  handler: async ({ input, req }) => {
    await performBackup(req.payload, input.backupId)
    return { output: {} }
  },
}

export { BACKUP_QUEUE }
