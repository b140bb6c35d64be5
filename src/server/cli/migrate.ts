/** `npm run migrate`: apply pending migrations to DATABASE_URL (or the embedded database) and exit. */
import { boot } from '../boot'
import { runCli } from './run'

runCli(async () => {
  const booted = await boot()
  await booted.shutdown()
})
