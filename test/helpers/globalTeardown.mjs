import fs from 'node:fs'

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
  if (globalThis.__hosoSoftHsmDir) fs.rmSync(globalThis.__hosoSoftHsmDir, { recursive: true, force: true })
}
