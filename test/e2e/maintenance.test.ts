/**
 * The maintenance banner as people see it (Chromium): an HR officer in the admin and a staff member on a phone in
 * "Hồ sơ của tôi" read when the announced window starts and ends, in Việt Nam time, and what it stops.
 */
import type { Payload } from 'payload'
import type { Browser } from 'playwright-core'

import { vietnamTime } from '../../src/domain/maintenance'
import { seedDemoData } from '../../src/seed/seed'
import { adminLogin, closeAll, launchBrowser, screenshot } from '../helpers/browser'
import { startTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const DEMO = 'hoso-demo-2026'
let payload: Payload
let server: TestServer
let browser: Browser
const startsAt = new Date(Date.now() + 14 * 86_400_000 + 3600_000).toISOString()
const endsAt = new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString()

beforeAll(async () => {
  process.env.DEMO_PASSWORD = DEMO
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 5 })
  await payload.create({
    collection: 'maintenance-windows',
    data: { kind: 'read-only', startsAt, endsAt, titleVi: 'Nâng cấp máy chủ cơ sở dữ liệu', titleEn: 'Database server upgrade' } as never,
    overrideAccess: true,
  })
  server = await startTestServer({ DATABASE_URL: started.databaseUrl })
  browser = await launchBrowser()
}, 180_000)

afterAll(() => closeAll({ browser, server, payload }))

const expected = `Thông báo bảo trì từ ${vietnamTime(startsAt)} đến ${vietnamTime(endsAt)} (giờ Việt Nam): chỉ xem và in được hồ sơ, không lưu được thay đổi. Nâng cấp máy chủ cơ sở dữ liệu`

test('an HR officer sees the announced window above the admin', async () => {
  const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } })
  await adminLogin(page, server.url, 'nhansu@hoso.local', DEMO)
  await page.goto(`${server.url}/admin/collections/staff`)
  const banner = page.getByTestId('maintenance-banner')
  await banner.waitFor()
  expect((await banner.innerText()).trim()).toBe(expected)
  await screenshot(page, 'maintenance-banner-admin')
  await page.close()
})

test('a staff member on a phone sees it on "Hồ sơ của tôi" and on the sign-in page', async () => {
  const page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 390, height: 844 } })
  await page.goto(`${server.url}/ho-so-cua-toi`)
  const banner = page.getByTestId('maintenance-banner').first()
  await banner.waitFor()
  expect((await banner.innerText()).trim()).toBe(expected)
  // Fits the phone: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await screenshot(page, 'maintenance-banner-phone')
  await page.close()
})
