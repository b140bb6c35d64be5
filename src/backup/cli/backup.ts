/** `npm run backup`: one backup now (through the same job as the schedule), verified; prints the archive. */
import { requestBackup, runBackupQueue } from '../service'
import { boot } from '../../server/boot'
import { runCli } from '../../server/cli/run'
import { backupDir } from '../paths'

runCli(async () => {
  const booted = await boot()
  const { payload } = booted
  try {
    const row = await requestBackup(payload, 'manual')
    // Another instance may be running a backup: wait for the lock, its sweep may also pick ours up.
    for (let waited = 0; ; waited += 5) {
      await runBackupQueue(payload)
      const now = await payload.findByID({ collection: 'backups', id: row.id, depth: 0 })
      if (now.status === 'succeeded') {
        console.log(`Sao lưu xong / backup written and verified: ${backupDir()}/${now.archive}`)
        console.log(`  ${now.size} bytes, SHA-256 ${now.checksum}, ${JSON.stringify(now.result)}`)
        return 0
      }
      if (now.status === 'failed' && (now.attempts ?? 0) >= 3) {
        console.error(`Sao lưu thất bại / backup failed after ${now.attempts} attempts: ${now.error}`)
        return 1
      }
      if (waited > 3600) throw new Error('backup did not finish within an hour')
      await new Promise((r) => setTimeout(r, 5000))
    }
  } finally {
    await booted.shutdown()
  }
})
