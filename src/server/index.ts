/**
 * hoso server: database → Payload → migrations → demo data (when empty) → Express + Next.
 * SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the pool, stop embedded PostgreSQL.
 */
import { startBackupSchedule } from '../backup/schedule'
import { startAuditDrainer } from '../audit/outbox'
import { startLifecycleSchedule } from '../lifecycle/schedule'
import { startNationalSyncSchedule } from '../nationalSync/schedule'
import { startDataRequestReminders } from '../dataRequests/schedule'
import { startReminderSchedule } from '../reminders/schedule'
import { DEMO_ACCOUNTS, databaseIsEmpty, demoDataAllowed, demoPassword, seedDemoData } from '../seed/seed'
import { startHttpServer } from './app'
import { boot } from './boot'
import { logger } from '../db/logger'
import { kickSigningQueue } from '../signedExports/service'
import { watchDatabase } from './databaseAvailability'
import { createDemoPki } from '../pki/demoPki'
import { testRoutes } from './testRoutes'
import { poolOf } from '../db/pool'
import { isProductionDeployment } from '../domain/deployment'

// Next's mode (development compiles pages on demand) is NODE_ENV; whether this is a real deployment is not.
const dev = process.env.NODE_ENV !== 'production'
const port = Number(process.env.PORT ?? 3000)
// A trial copy (`npm start` with demo accounts) answers on this machine only; a deployment on every interface.
const host = process.env.HOST ?? (isProductionDeployment(process.env) ? '0.0.0.0' : '127.0.0.1')
const drainMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000)

async function main(): Promise<void> {
  const t0 = Date.now()
  const booted = await boot()
  const { payload } = booted

  const seedStaff = Number(process.env.SEED_STAFF ?? 300)
  if (demoDataAllowed() && process.env.HOSO_SEED !== 'false' && (await databaseIsEmpty(payload))) {
    logger.info({ staff: seedStaff }, 'empty database: seeding demo data')
    const result = await seedDemoData(payload, { staff: seedStaff, cast: process.env.HOSO_DEMO_CAST !== 'false' })
    logger.info(result, 'demo data seeded')
  }

  if (demoDataAllowed() && !process.env.HOSO_SIGNER_PERSON) {
    const { pki, created } = await createDemoPki()
    if (created) logger.info({ dir: pki.dir }, 'demo PKI created (npm run pki:demo): root CA, issuing CA, signer, seal and TSA certificates')
  }

  // Read events left in the outbox by a crash are chained now; then about every second.
  const auditDrainer = startAuditDrainer(payload)

  // A lost connection or a readiness failure marks the database down (503 + Retry-After) until a probe
  // answers; an embedded PostgreSQL that exits is started again, or the process exits for its supervisor.
  const database = watchDatabase(() => process.env.DATABASE_URL)
  poolOf(payload).on('error', () => void database.check())
  booted.database.embedded?.watch({
    onDown: (why) => database.markDown(why),
    onGiveUp: (err) => {
      logger.fatal({ err }, 'embedded PostgreSQL could not be started again; exiting so that a supervisor restarts the app')
      process.exit(1)
    },
  })

  const extraRoutes = process.env.HOSO_TEST_ROUTES === '1' ? testRoutes : undefined
  const server = await startHttpServer({ payload, port, host, dev, database, extraRoutes })
  const reminders = startReminderSchedule(payload)
  // Decisions take effect at 00:00 Việt Nam time on their effective date (LIFECYCLE_SCHEDULE=off disables it).
  const lifecycle = startLifecycleSchedule(payload)
  // National database sync: a delivery pass and the 1-day alert every minute (HOSO_NATIONAL_SYNC_SCHEDULE=off disables it).
  const nationalSync = startNationalSyncSchedule(payload)
  // Personal-data request deadlines: the officers are reminded every morning (REMINDER_SCHEDULE=off disables it).
  const dataRequestReminders = startDataRequestReminders(payload)
  // The address printed in signed documents' verification links when PUBLIC_URL is not set (not
  // PUBLIC_URL itself: that also makes Payload's URLs absolute and its cookies origin-bound).
  process.env.HOSO_LISTEN_URL = server.url
  // Signing jobs queued before a restart go on now.
  kickSigningQueue(payload)
  logger.info({ url: server.url, ms: Date.now() - t0, mode: dev ? 'development' : 'production' }, 'hoso is ready')
  if (demoDataAllowed()) {
    const lines = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(24)} ${a.description}`).join('\n')
    process.stdout.write(
      `\n  hoso đang chạy tại / is running at ${server.url}/admin\n` +
        `  Tài khoản mẫu / Demo logins (mật khẩu / password: ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : demoPassword()}):\n${lines}\n\n`,
    )
  } else {
    process.stdout.write(`\n  hoso is running at ${server.url}/admin\n\n`)
  }

  // Monthly backup (BACKUP_SCHEDULE=off disables it, e.g. on all but one instance or in tests).
  const backupSchedule = startBackupSchedule(payload)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: draining requests')
    const hardExit = setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, drainMs + 15_000)
    hardExit.unref()
    backupSchedule?.stop()
    try {
      reminders?.stop()
      lifecycle?.stop()
      await nationalSync?.stop()
      dataRequestReminders?.stop()
      await server.close(drainMs)
      database.stop()
      await auditDrainer.stop()
      await booted.shutdown()
      logger.info('shutdown complete')
      process.exit(0)
    } catch (err) {
      logger.error({ err }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((err) => {
  logger.fatal({ err }, 'hoso failed to start')
  process.exit(1)
})
