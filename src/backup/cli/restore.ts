/**
 * `npm run restore -- <archive> [--target-database URL] [--media-dir DIR] [--force]`
 * Restores into an empty database (DATABASE_URL or the embedded one by default — stop the app first).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { resolveDatabase } from '../../db/database'
import { runCli } from '../../server/cli/run'
import { recordRestoreEvent } from '../audit'
import { loadBackupKey } from '../key'
import { mediaDir } from '../paths'
import { restoreArchive } from '../restore'

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'target-database': { type: 'string' }, 'media-dir': { type: 'string' }, force: { type: 'boolean', default: false } },
  })
  const archive = positionals[0]
  if (!archive) {
    console.error('usage: npm run restore -- <archive> [--target-database URL] [--media-dir DIR] [--force]')
    return 2
  }
  const key = loadBackupKey((m) => console.error(m))
  const target = values['target-database'] ?? null
  const database = target ? { url: target, embedded: null } : await resolveDatabase()
  try {
    const report = await restoreArchive({
      archive: path.resolve(archive),
      key,
      targetUrl: database.url,
      mediaDir: path.resolve(values['media-dir'] ?? mediaDir()),
      force: values.force,
      log: (m) => console.log(m),
    })
    const rows = report.tables.reduce((s, t) => s + t.rows, 0)
    console.log(`Khôi phục xong / restored in ${report.ms} ms: ${report.tables.length} tables, ${rows} rows, ${report.files} files` +
      (report.newerMigrations.length ? `, then ${report.newerMigrations.length} newer migrations` : ''))
    await recordRestoreEvent(database.url, { type: 'restore.succeeded', archive: path.basename(archive), detail: { rows, files: report.files } })
    return 0
  } finally {
    if (database.embedded) await database.embedded.stop()
  }
})
