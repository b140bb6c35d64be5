import pg from 'pg'

import { seedDemoData } from '../../src/seed/seed'
import { startTestPayload } from './payload'
import type { SmtpSink } from './smtp'

/**
 * Payload on this test file's own database with the demo data (60 staff), its mail going to `smtp`, a small pg
 * pool on the database and the id of the demo unit VCCVC. `env` is what the test server needs to send mail too.
 */
export async function startSeededWithMail(smtp: SmtpSink, extraEnv: Record<string, string> = {}) {
  const env = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', ...extraEnv }
  Object.assign(process.env, env)
  const started = await startTestPayload()
  await seedDemoData(started.payload, { staff: 60 })
  const sql = new pg.Pool({ connectionString: started.databaseUrl, max: 2 })
  const vccvc = Number((await sql.query(`SELECT id FROM units WHERE code = 'VCCVC'`)).rows[0].id)
  return { ...started, env: { DATABASE_URL: started.databaseUrl, ...env }, sql, vccvc }
}
