/**
 * Personal-data rights end to end in Chromium: a staff member on a phone-width screen files a view request from
 * "Hồ sơ của tôi" and downloads all their data (JSON); the personal-data officer answers the request; the staff member
 * sees the answer. Screenshots go to test/e2e/artifacts/.
 */
import fs from 'node:fs/promises'

import type { Browser, Page } from 'playwright-core'

import { launchBrowser, screenshot } from '../helpers/browser'
import { callAs, loginToken } from '../helpers/auth'
import { createTestDatabase } from '../helpers/db'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'hoso-demo-2026'
let server: TestServer
let browser: Browser
let phone: Page

beforeAll(async () => {
  const databaseUrl = await createTestDatabase()
  // The officer answers over the API (its admin actions are not built yet): the second factor is left to the SSO here.
  server = await startTestServer({ DATABASE_URL: databaseUrl, HOSO_SEED: 'true', HOSO_ALLOW_DEMO: 'true', SEED_STAFF: '20', HOSO_REQUIRE_MFA: 'false' })
  browser = await launchBrowser()
  phone = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true })).newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('a staff member on a phone files a view request, downloads all their data, and sees the officer\'s answer', async () => {
  await phone.goto(`${server.url}/ho-so-cua-toi`)
  await phone.getByLabel('Thư điện tử').fill('canbo@hoso.local')
  await phone.getByLabel('Mật khẩu').fill(PASSWORD)
  await phone.getByRole('button', { name: 'Đăng nhập' }).click()
  const rights = phone.locator('[data-testid="my-data-rights"]')
  await rights.waitFor()
  await rights.scrollIntoViewIfNeeded()

  await rights.getByLabel('Loại yêu cầu').selectOption('view')
  await rights.getByLabel('Dữ liệu liên quan').fill('Quá trình công tác và diễn biến lương')
  await rights.getByRole('button', { name: 'Gửi yêu cầu' }).click()
  await rights.getByText('Đã tiếp nhận yêu cầu. Trả lời lần đầu trước hết ngày').waitFor()
  await rights.locator('[data-testid="my-data-requests"]').getByText('Quá trình công tác và diễn biến lương').waitFor()
  await screenshot(phone, 'rights-01-request-filed')

  const [download] = await Promise.all([phone.waitForEvent('download'), rights.getByTestId('my-data-json').click()])
  const data = JSON.parse(await fs.readFile((await download.path())!, 'utf8'))
  expect(data.format).toBe('hoso.my-data/1')
  expect(data.record.identity.fullName).toBe('Nguyễn Thị Hường')
  expect(data.accounts.map((a: { email: string }) => a.email)).toEqual(['canbo@hoso.local'])
  expect(data.dataRequests.map((d: { subject: string }) => d.subject)).toContain('Quá trình công tác và diễn biến lương')

  // The officer answers: first reply, then done.
  const officer = await loginToken(server.url, 'baove@hoso.local', PASSWORD)
  const list = await callAs(server.url, officer, 'GET', '/api/data-requests?limit=10&depth=0')
  const id = list.body.docs.find((d: { subject: string }) => d.subject === 'Quá trình công tác và diễn biến lương').id
  expect((await callAs(server.url, officer, 'POST', `/api/data-requests/${id}/first-reply`, { text: 'Đã tiếp nhận; bản sao gửi trong 10 ngày.' })).status).toBe(200)
  expect((await callAs(server.url, officer, 'POST', `/api/data-requests/${id}/close`, { outcome: 'done' })).status).toBe(200)

  await phone.reload()
  const row = phone.locator('[data-testid="my-data-requests"] tr', { hasText: 'Quá trình công tác và diễn biến lương' })
  await row.getByText('Đã tiếp nhận; bản sao gửi trong 10 ngày.').waitFor()
  await row.getByText('Đã thực hiện').waitFor()
  await row.scrollIntoViewIfNeeded()
  await screenshot(phone, 'rights-02-answered')
})
