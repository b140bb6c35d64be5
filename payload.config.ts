import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig } from 'payload'

import { AccessGrants } from './collections/AccessGrants/index'
import { Accounts } from './collections/Accounts/index'
import { ChangeRequests } from './collections/ChangeRequests/index'
import { Backups } from './collections/Backups/index'
import { AuditEvents } from './collections/AuditEvents/index'
import { Codes } from './collections/Codes/index'
import { HISTORY_COLLECTIONS } from './collections/Histories/index'
import { MaintenanceWindows } from './collections/MaintenanceWindows/index'
import { Photos } from './collections/Photos/index'
import { Ranks } from './collections/Ranks/index'
import { REPORT_ENDPOINTS } from './collections/ReportDefinitions/endpoints'
import { ReportDefinitions } from './collections/ReportDefinitions'
import { ReportEditions } from './collections/ReportEditions'
import { Decisions } from './collections/Decisions'
import { ImportBatches } from './collections/ImportBatches'
import { nationalSyncEndpoints } from './collections/NationalSync/endpoints'
import { DataRequests } from './collections/DataRequests/index'
import { myDataEndpoints } from './collections/DataRequests/myDataEndpoints'
import { Breaches } from './collections/Breaches/index'
import { Consents } from './collections/Consents/index'
import { ReminderSends } from './collections/ReminderSends/index'
import { RoleRequests } from './collections/RoleRequests/index'
import { SecurityRequests } from './collections/SecurityRequests/index'
import { SignedExports } from './collections/SignedExports/index'
import { Staff } from './collections/Staff/index'
import { Units } from './collections/Units/index'
import { WorkingCalendar } from './collections/WorkingCalendar/index'
import { withDayFirstDates } from './collections/shared/dayFirstDates'
import { guardRoutes } from './collections/shared/routeGuards'
import { VI_OVERRIDES } from './src/i18n/vi'
import { backupTask } from './jobs/backup/task'
import { sendWeeklyRemindersTask } from './jobs/reminders/task'
import { signExportTask } from './jobs/signing/task'
import { emailTransport } from './src/mail/transport'
import { payloadSecret } from './src/crypto/payloadSecret'
import { jobsSysadminOnly } from './access/jobs'
import { costLimitRule, graphqlMaxCost } from './src/graphql/costLimit'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PUBLIC_URL ?? '',
  secret: payloadSecret(),
  admin: {
    user: 'accounts',
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
    },
    meta: { titleSuffix: ' — hoso' },
    dateFormat: 'dd/MM/yyyy',
    // Gravatar would send staff e-mail hashes to a third party (and CSP blocks it anyway).
    avatar: 'default',
    components: {
      header: ['/src/components/maintenance/MaintenanceBanner#MaintenanceBanner'],
      beforeDashboard: ['/src/components/Dashboard#DashboardIntro', '/src/components/calendar/CalendarNotice#CalendarNotice'],
      afterDashboard: ['/src/components/reminders/UpdateDashboard#UpdateDashboard'],
    },
  },
  collections: withDayFirstDates(guardRoutes([
    Units, Staff, ...HISTORY_COLLECTIONS, Photos, Codes, Ranks, Accounts, RoleRequests, SecurityRequests, AccessGrants, ChangeRequests, Backups, AuditEvents,
    ReminderSends, SignedExports, WorkingCalendar, Decisions, ImportBatches, MaintenanceWindows, ReportDefinitions, ReportEditions,
    DataRequests, Breaches, Consents,
  ])),
  // Root endpoints (/api/<path>): the national database sync outbox (src/nationalSync/), the statistical reports
  // (/api/reports…: no collection named `reports`, docs/reports.md) and the signed-in person's own data
  // (Luật 91/2025 Điều 4.1: GET /api/my-data.json and /api/my-data.pdf).
  endpoints: [...nationalSyncEndpoints, ...REPORT_ENDPOINTS, ...myDataEndpoints],
  jobs: {
    tasks: [backupTask, sendWeeklyRemindersTask, signExportTask],
    // Keep finished and failed job rows: they are the record of each run (and the weekly period check reads them).
    deleteJobOnComplete: false,
    // By default any signed-in account may queue, run or cancel jobs over REST.
    access: { queue: jobsSysadminOnly, run: jobsSysadminOnly, cancel: jobsSysadminOnly },
  },
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: {
      // Read when the pool is created, not when this file is evaluated: the server may start an
      // embedded PostgreSQL (and set DATABASE_URL) after importing this config.
      get connectionString() {
        return process.env.DATABASE_URL
      },
      max: Number(process.env.DATABASE_POOL_MAX ?? 20),
      // Names the app's sessions in pg_stat_activity: `restore` refuses a database a running app is using.
      application_name: 'hoso',
      // A database that does not answer (a black-holed network) fails a request after 10 s instead of never.
      connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 10_000),
    },
    // Schema changes go through reviewed files in migrations/, never `push` (also not in dev: one path only).
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  email: nodemailerAdapter(emailTransport()),
  i18n: {
    supportedLanguages: { vi, en },
    fallbackLanguage: 'vi',
    translations: { vi: VI_OVERRIDES },
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    // Lists multiply: a nested query over lists of lists is refused before it runs (src/graphql/costLimit.ts).
    validationRules: (args) => [costLimitRule(graphqlMaxCost(), (args.variableValues ?? {}) as Record<string, unknown>)],
  },
  // Payload's own limit on an uploaded file (a staff photo); the HTTP layer caps the whole request (src/server/bodyLimits.ts).
  upload: { limits: { fileSize: 5 * 1024 * 1024 } },
  telemetry: false,
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
})
