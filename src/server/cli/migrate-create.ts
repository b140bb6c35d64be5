/**
 * `npm run migrate:create -- NAME`: apply the existing migrations to DATABASE_URL (or the embedded
 * database), then write a new migration for what the collections changed since. Review it before commit.
 */
import { boot } from '../boot'
import { runCli } from './run'

runCli(async () => {
  const name = process.argv[2]
  if (!name) {
    console.error('usage: npm run migrate:create -- NAME')
    return 2
  }
  const booted = await boot()
  await booted.payload.db.createMigration({ migrationName: name, payload: booted.payload, forceAcceptWarning: true })
  await booted.shutdown()
})
