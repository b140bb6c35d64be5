/** `npm run migrate`: apply pending migrations to DATABASE_URL (or the embedded database) and exit. */
import { boot } from '../boot'

const booted = await boot()
await booted.shutdown()
process.exit(0)
