/**
 * Self-declaration end to end in Chromium: a staff member on a phone-width screen edits an item of their
 * record and submits it; the unit's HR officer sees the count on the dashboard, opens the request, sees
 * the difference and approves; the staff member then sees the approved value. Screenshots of each step
 * go to test/e2e/artifacts/.
 */
import type { Browser, Page } from 'playwright-core'

import { adminLogin, launchBrowser, screenshot } from '../helpers/browser'
import { createTestDatabase } from '../helpers/db'
import { startTestServer, type TestServer } from '../helpers/server'
import { totpCode } from '../../src/accounts/mfa'

const PASSWORD = 'hoso-demo-2026'
const NEW_HOMETOWN = 'Xã Nghĩa Hành, tỉnh Quảng Ngãi'
let server: TestServer
let browser: Browser
let phone: Page
let desk: Page

beforeAll(async () => {
  const databaseUrl = await createTestDatabase()
  // Two-factor sign-in on, as in production: the HR officer enrols an authenticator on first sign-in.
  server = await startTestServer({ DATABASE_URL: databaseUrl, HOSO_SEED: 'true', HOSO_ALLOW_DEMO: 'true', SEED_STAFF: '40', HOSO_REQUIRE_MFA: 'true' })
  browser = await launchBrowser()
  phone = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage()
  desk = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } })).newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('a staff member signs in on a phone, edits their home town and submits it', async () => {
  await phone.goto(`${server.url}/ho-so-cua-toi`)
  await phone.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor()
  await screenshot(phone, 'self-01-login')
  await phone.getByLabel('Thư điện tử').fill('canbo@hoso.local')
  await phone.getByLabel('Mật khẩu').fill(PASSWORD)
  await phone.getByRole('button', { name: 'Đăng nhập' }).click()
  await phone.locator('[data-testid="request-status"]').waitFor()
  await screenshot(phone, 'self-02-record')
  // Only their own record: no admin navigation for a staff-only account.
  expect(await phone.getByRole('link', { name: 'Trang quản trị' }).count()).toBe(0)

  const hometown = phone.locator('#f-hometown')
  const before = await hometown.inputValue()
  expect(before).not.toBe(NEW_HOMETOWN)
  await hometown.fill(NEW_HOMETOWN)
  await phone.getByRole('button', { name: 'Gửi duyệt' }).click()
  await phone.locator('[data-testid="request-status"][data-status="submitted"]').waitFor()
  await phone.getByText('Đã gửi, đang chờ duyệt').waitFor()
  // The pending value is shown with the official one beside it; the form is locked while pending.
  expect(await phone.locator('#f-hometown').isDisabled()).toBe(true)
  await phone.locator('table.diff').getByText(NEW_HOMETOWN).waitFor()
  await screenshot(phone, 'self-03-submitted')
})

test('a staff-only account that opens the admin is taken to its own record', async () => {
  await phone.goto(`${server.url}/admin`)
  await phone.waitForURL(/\/ho-so-cua-toi/)
  await phone.locator('[data-testid="request-status"]').waitFor()
})

test('the HR officer sets up two-factor sign-in, sees the pending count, opens the request, sees the difference and approves', async () => {
  await adminLogin(desk, server.url, 'nhansu@hoso.local', PASSWORD)
  await desk.waitForURL(/\/xac-thuc-hai-buoc/)
  await desk.locator('[data-testid="totp-qr"] svg').waitFor()
  await screenshot(desk, 'self-04a-hr-enrol-totp')
  const secret = (await desk.locator('[data-testid="totp-secret"]').textContent())!.trim()
  await desk.getByLabel('Mã xác thực').fill(totpCode(secret, new Date()))
  await desk.getByRole('button', { name: 'Xác nhận' }).click()
  await desk.waitForURL((url) => url.pathname === '/admin')
  const card = desk.locator('[data-testid="pending-requests"] a').first()
  await card.waitFor()
  expect(Number(await card.locator('strong').textContent())).toBeGreaterThanOrEqual(1)
  await screenshot(desk, 'self-04-hr-dashboard')
  await card.click()
  await desk.getByRole('link', { name: 'Nguyễn Thị Hường' }).first().click()
  const review = desk.locator('[data-testid="change-request-review"]')
  await review.locator('tr[data-field="hometown"]').waitFor()
  expect(await review.locator('tr[data-field="hometown"] .cr-review__after').textContent()).toBe(NEW_HOMETOWN)
  await screenshot(desk, 'self-05-hr-review')
  await review.getByRole('button', { name: 'Duyệt' }).click()
  await review.getByRole('button', { name: 'Duyệt' }).waitFor({ state: 'detached' })
  await screenshot(desk, 'self-06-hr-approved')
})

test('the staff member sees the approved value as official', async () => {
  await phone.goto(`${server.url}/ho-so-cua-toi`)
  await phone.locator('[data-testid="request-status"][data-status="approved"]').waitFor()
  expect(await phone.locator('#f-hometown').inputValue()).toBe(NEW_HOMETOWN)
  expect(await phone.locator('#f-hometown').isDisabled()).toBe(false)
  await screenshot(phone, 'self-07-approved')
  // "Ai đã xem hồ sơ của tôi": the HR officer's review read and approval are listed.
  const log = phone.locator('[data-testid="access-log"]')
  await log.getByText('Ai đã xem hồ sơ của tôi').waitFor()
  await log.locator('tbody tr').first().waitFor()
  expect(await log.locator('tbody').textContent()).toMatch(/Duyệt|duyệt/)
  await log.scrollIntoViewIfNeeded()
  await screenshot(phone, 'self-08-access-log')
})
