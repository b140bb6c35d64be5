/**
 * `npm run national-sync:package -- --month YYYY-MM`: the month's signed package (src/nationalSync/monthlyPackage.ts)
 * into HOSO_NATIONAL_PACKAGE_DIR/<YYYY-MM>/. TT 06/2023 asks for the approval in the last 5 days of the month
 * (HOSO_NATIONAL_PACKAGE_WINDOW_DAYS): outside them the command says so and still builds (a late approval is better
 * than none). Exit 0 when written, 1 on error, 2 for bad arguments or when the feature is off.
 */
import { inApprovalWindow, parseMonth } from '../../domain/nationalPackage'
import { boot } from '../../server/boot'
import { runCli } from '../../server/cli/run'
import { buildMonthlyPackage, packageEnabled, vietnamToday } from '../monthlyPackage'

runCli(async () => {
  const args = process.argv.slice(2)
  const month = args[args.indexOf('--month') + 1]
  if (!args.includes('--month') || !parseMonth(month)) {
    console.error('usage: npm run national-sync:package -- --month YYYY-MM')
    return 2
  }
  if (!packageEnabled()) {
    console.error('Gói dữ liệu hằng tháng đang tắt (HOSO_NATIONAL_MONTHLY_PACKAGE=off) / the monthly package is switched off')
    return 2
  }
  const days = Number(process.env.HOSO_NATIONAL_PACKAGE_WINDOW_DAYS ?? 5)
  if (!inApprovalWindow(vietnamToday(), month!, days)) {
    console.log(`Lưu ý: hôm nay không nằm trong ${days} ngày cuối tháng ${month} (Thông tư 06/2023/TT-BNV) / note: today is outside the last ${days} days of ${month}`)
  }
  const booted = await boot()
  try {
    const r = await buildMonthlyPackage(booted.payload, month!)
    console.log(`${r.dir}`)
    console.log(`manifest SHA-256 ${r.manifestSha256}; ${r.records} hồ sơ / records, ${r.changes} thay đổi / changes; gói trước / previous: ${r.previous ?? '—'}`)
    return 0
  } finally {
    await booted.shutdown()
  }
})
