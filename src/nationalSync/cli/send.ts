/**
 * `npm run national-sync:send`: one delivery pass of the national sync outbox through the configured adapter
 * (HOSO_NATIONAL_SYNC_ADAPTER, src/nationalSync/config.ts), then the 1-day alert. Works beside the running app: it
 * attaches to the app's database (DATABASE_URL, or the running embedded PostgreSQL) and the advisory lock keeps it
 * from sending alongside the app's own schedule. Exit 0 when the pass ran (retries are normal), 1 on error.
 */
import { boot } from '../../server/boot'
import { runCli } from '../../server/cli/run'
import { adapterFromEnv } from '../config'
import { nationalSyncPass } from '../schedule'

runCli(async () => {
  if (!adapterFromEnv()) {
    console.error('HOSO_NATIONAL_SYNC_ADAPTER chưa được đặt (http-json hoặc file-bundle) / HOSO_NATIONAL_SYNC_ADAPTER is not set (http-json or file-bundle)')
    return 2
  }
  const booted = await boot()
  try {
    const { send, alerted } = await nationalSyncPass(booted.payload)
    if (send?.locked) console.log('một lượt gửi khác đang chạy / another delivery pass is running')
    else
      console.log(
        `đã gửi ${send?.sent ?? 0}, thử lại sau ${send?.retried ?? 0}, thất bại ${send?.failed ?? 0}; cảnh báo quá hạn: ${alerted} / ` +
          `sent ${send?.sent ?? 0}, to retry ${send?.retried ?? 0}, failed ${send?.failed ?? 0}; late entries alerted: ${alerted}`,
      )
    return 0
  } finally {
    await booted.shutdown()
  }
})
