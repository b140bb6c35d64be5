import pg from 'pg'

let counter = 0

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** A fresh database for one test file, cloned from the migrated template (see globalSetup.mjs). */
export async function createTestDatabase(): Promise<string> {
  const admin = process.env.HOSO_TEST_ADMIN_URL
  const template = process.env.HOSO_TEST_TEMPLATE
  const run = process.env.HOSO_TEST_RUN
  if (!admin || !template || !run) throw new Error('integration tests must run through `npm test` (globalSetup not loaded)')
  const name = `hoso_t_${run}_${process.pid}_${Date.now().toString(36)}_${counter++}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  } finally {
    await client.end()
  }
  return withDatabase(admin, name)
}
