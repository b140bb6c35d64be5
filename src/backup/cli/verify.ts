/** `npm run backup:verify -- <archive>`: authenticate, decrypt and check every part, without restoring. */
import path from 'node:path'

import { runCli } from '../../server/cli/run'
import { loadBackupKey } from '../key'
import { verifyArchive } from '../verify'

runCli(async () => {
  const archive = process.argv[2]
  if (!archive) {
    console.error('usage: npm run backup:verify -- <archive>')
    return 2
  }
  const t0 = Date.now()
  const m = await verifyArchive(path.resolve(archive), loadBackupKey((msg) => console.error(msg)))
  const rows = m.tables.reduce((s, t) => s + t.rows, 0)
  console.log(`Bản sao lưu hợp lệ / archive verified in ${Date.now() - t0} ms: ${archive}`)
  console.log(`  made ${m.createdAt} (snapshot ${m.snapshotAt}) by ${m.app.name} ${m.app.version}, migration ${m.migrations.at(-1)}`)
  console.log(`  ${m.tables.length} tables, ${rows} rows, ${m.files.length} files`)
  return 0
})
