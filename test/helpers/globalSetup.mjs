// Integration-test database: TEST_DATABASE_URL's server when set, otherwise an ephemeral embedded
// PostgreSQL. Migrations run once into a template database; each test file clones it
// (CREATE DATABASE … TEMPLATE, ~0.1 s), so files are isolated and never touch demo data.
// Also makes sure the production Next build that HTTP tests serve is current.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import pg from 'pg'
import { tsImport } from 'tsx/esm/api'

import { ensureBuild } from '../../scripts/ensure-build.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export default async function globalSetup() {
  const run = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`
  let adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    const { startEmbeddedPostgres } = await tsImport('../../src/db/embeddedPostgres.ts', import.meta.url)
    const db = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `hoso-test-pg-${run}`),
      database: 'postgres',
      ephemeral: true,
    })
    globalThis.__hosoEmbedded = db
    adminUrl = db.url
  }
  const template = `hoso_tpl_${run}`
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  await client.query(`CREATE DATABASE ${template}`)
  await client.end()
  const templateUrl = withDatabase(adminUrl, template)

  // One data key for the run (a fresh random one, like a deployment's): the template's migrations, every test
  // file and every test server seal and open identifiers with it (src/crypto/dataKey.ts).
  process.env.HOSO_DATA_KEY ??= crypto.randomBytes(32).toString('base64')

  const runMigrate = () =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/migrate.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: templateUrl, PAYLOAD_SECRET: 'test-migrations', LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 180_000,
    })
  const migrate = runMigrate()
  if (migrate.status !== 0) {
    throw new Error(`migrations failed on the test template database (exit ${migrate.status}, signal ${migrate.signal}):\n${migrate.stdout}\n${migrate.stderr}\n${migrate.error ?? ""}`)
  }

  // Most tests sign HR and admin accounts in with a password only; test/int/mfa.test.ts turns TOTP back on.
  process.env.HOSO_REQUIRE_MFA ??= 'false'
  process.env.HOSO_TEST_ADMIN_URL = adminUrl
  process.env.HOSO_TEST_TEMPLATE = template
  process.env.HOSO_TEST_RUN = run
  globalThis.__hosoTest = { adminUrl, template, run }

  // PKCS#11 tests: SoftHSM2 keeps its tokens under this run's temp directory, never the machine's. The native
  // library reads the real environment at C_Initialize, which a test file cannot change (Jest gives it a
  // copy of process.env), so it is set here, before the workers start. Each file uses its own token label.
  const softhsm = path.join(os.tmpdir(), `hoso-softhsm-${run}`)
  fs.mkdirSync(path.join(softhsm, 'tokens'), { recursive: true })
  fs.writeFileSync(path.join(softhsm, 'softhsm2.conf'), `directories.tokendir = ${path.join(softhsm, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`)
  process.env.SOFTHSM2_CONF = path.join(softhsm, 'softhsm2.conf')

  // The Debian packages of the browser, PDF and signing tests (Chromium, poppler, SoftHSM2, NSS tools), installed
  // when missing, so `npm test` on a fresh machine needs nothing installed by hand (scripts/system-deps.sh).
  const deps = spawnSync('bash', [path.join(root, 'scripts/system-deps.sh')], { stdio: 'inherit' })
  if (deps.status !== 0) console.warn('hoso: system packages missing; the tests that need them will fail and name them')

  if (process.env.HOSO_TEST_SKIP_BUILD !== '1') ensureBuild()
}

export function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
