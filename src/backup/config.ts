/**
 * The non-secret configuration a restore needs to rebuild the same service. Secrets (PAYLOAD_SECRET,
 * SMTP_PASS, BACKUP_KEY, the data key that seals identifiers, the database password) are never written; keep them in the agency's secret store.
 */
const KEPT = [
  'NODE_ENV', 'PUBLIC_URL', 'PORT', 'HOST', 'HOSO_DATA_DIR', 'MEDIA_DIR', 'DATABASE_POOL_MAX', 'TRUST_PROXY',
  'SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'MAIL_FROM', 'MAIL_FROM_NAME', 'LOG_LEVEL',
  'BACKUP_DIR', 'BACKUP_CRON', 'BACKUP_SCHEDULE', 'BACKUP_RETENTION_MONTHS', 'BACKUP_KEY_FILE', 'HOSO_DATA_KEY_FILE',
]

export function nonSecretConfig(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const values: Record<string, string> = {}
  for (const k of KEPT) if (env[k] !== undefined) values[k] = env[k]!
  let database: string | null = null
  if (env.DATABASE_URL) {
    try {
      const u = new URL(env.DATABASE_URL)
      u.password = ''
      database = u.toString()
    } catch {
      database = null
    }
  }
  return {
    env: values,
    database,
    secretsNotIncluded: ['PAYLOAD_SECRET', 'SMTP_PASS', 'BACKUP_KEY / BACKUP_KEY_FILE contents', 'HOSO_DATA_KEY / HOSO_DATA_KEY_FILE contents', 'database password'],
  }
}
