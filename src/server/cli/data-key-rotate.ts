/**
 * `npm run data-key:rotate`: after HOSO_DATA_KEY is set to a new key and the old one moved to
 * HOSO_DATA_KEY_PREVIOUS, re-seals every stored identifier with the new key and recomputes the CCCD's blind
 * index, in one transaction (exact CCCD filters answer from the new index only once this has run). Values
 * already on the new key are left alone, so it can be run again; then HOSO_DATA_KEY_PREVIOUS can go.
 */
import { dataKeyring } from '../../crypto/dataKey'
import { resealIdentifiers } from '../../crypto/resealDatabase'
import { boot } from '../boot'
import type { Drizzle } from '../../db/pool'
import { runCli } from './run'

runCli(async () => {
  const booted = await boot()
  try {
    const t0 = Date.now()
    const db = booted.payload.db as unknown as { drizzle: { transaction<T>(work: (tx: Drizzle) => Promise<T>): Promise<T> } }
    const result = await db.drizzle.transaction((tx) => resealIdentifiers(tx, dataKeyring(), 'seal'))
    console.log(
      `khóa ${dataKeyring().keyId}: mã hóa lại ${result.staff} hồ sơ, ${result.changeRequests} yêu cầu cập nhật, ${result.nationalSync} mục đồng bộ CSDL quốc gia / ` +
        `key ${dataKeyring().keyId}: re-sealed ${result.staff} staff records ${result.changeRequests} change requests and ${result.nationalSync} national sync entries in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    )
  } finally {
    await booted.shutdown()
  }
})
