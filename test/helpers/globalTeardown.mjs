import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

export default async function globalTeardown() {
  const info = globalThis.__hosoTest
  if (info) {
    const client = new pg.Client({ connectionString: info.adminUrl })
    await client.connect()
    const { rows } = await client.query(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`hoso_t_${info.run}_%`, info.template],
    )
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {})
    }
    await client.end()
  }
  if (globalThis.__hosoEmbedded) await globalThis.__hosoEmbedded.stop()
  // The run's SoftHSM2 token directory (globalSetup.mjs); read from the environment, which both hooks share.
  const softhsm = process.env.SOFTHSM2_CONF && path.dirname(process.env.SOFTHSM2_CONF)
  if (softhsm && path.basename(softhsm).startsWith('hoso-softhsm-')) fs.rmSync(softhsm, { recursive: true, force: true })
}
