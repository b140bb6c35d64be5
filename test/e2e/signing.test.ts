/**
 * Signed exports as people do them, in Chromium: the department's HR officer ticks two records in the
 * staff list and asks for signed CV forms, follows the signing in the signed-exports list, downloads a
 * document; then anyone, without signing in, checks that document on the public page /xac-thuc and,
 * with one changed byte, sees it refused. The server starts as `npm start` does, with demo data and the
 * demo PKI it creates itself.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { adminLogin, artifactsDir, launchBrowser, screenshot, vietnamesePage } from '../helpers/browser'
import { createTestDatabase } from '../helpers/db'
import { startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
let browser: Browser
let page: Page
const pkiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-e2e-pki-'))
let signedPdf: Buffer

beforeAll(async () => {
  const databaseUrl = await createTestDatabase()
  server = await startTestServer({ DATABASE_URL: databaseUrl, HOSO_SEED: 'true', HOSO_ALLOW_DEMO: 'true', SEED_STAFF: '30', PKI_DIR: pkiDir })
  browser = await launchBrowser()
  page = await vietnamesePage(browser)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  fs.rmSync(pkiDir, { recursive: true, force: true })
})

test('the HR officer selects two records and gets them signed by the competent person and the agency', async () => {
  expect(fs.existsSync(path.join(pkiDir, 'pki.json'))).toBe(true)
  await adminLogin(page, server.url, 'nhansu@hoso.local', 'hoso-demo-2026')
  await page.goto(`${server.url}/admin/collections/staff`)
  const panel = page.getByTestId('signed-export-request')
  await panel.waitFor()
  const rows = page.locator('table tbody tr')
  await rows.first().waitFor()
  for (const i of [0, 1]) await rows.nth(i).locator('input[type="checkbox"]').check()
  const button = panel.getByRole('button', { name: /Ký số và xuất \(2 hồ sơ đã chọn\)/ })
  await button.click()
  await panel.getByRole('status').getByText('Đã tạo 2 văn bản').waitFor()
  await screenshot(page, 'signing-01-request')

  await panel.getByRole('link', { name: 'Xem tiến độ và tải về' }).click()
  await page.waitForURL(/\/admin\/collections\/signed-exports/)
  const deadline = Date.now() + 120_000
  while ((await page.getByText('Đã ký số').count()) < 2) {
    if (Date.now() > deadline) throw new Error('the two documents were not signed in time')
    await page.waitForTimeout(1000)
    await page.reload()
  }
  await screenshot(page, 'signing-02-list')

  await page.locator('table tbody tr').first().locator('a').first().click()
  const download = page.getByTestId('signed-export-download')
  await download.waitFor()
  await screenshot(page, 'signing-03-document')
  const res = await page.request.get(`${server.url}${await download.getAttribute('href')}`)
  expect(res.status()).toBe(200)
  signedPdf = await res.body()
  expect(signedPdf.subarray(0, 5).toString()).toBe('%PDF-')
  fs.writeFileSync(path.join(artifactsDir, 'signing-document.pdf'), signedPdf)
})

test('anyone checks the document on /xac-thuc without signing in; a changed byte is refused', async () => {
  const visitor = await browser.newPage({ locale: 'vi-VN', viewport: { width: 390, height: 844 } })
  try {
    const file = path.join(pkiDir, 'ho-so.pdf')
    fs.writeFileSync(file, signedPdf)
    await visitor.goto(`${server.url}/xac-thuc`)
    await visitor.getByRole('heading', { name: 'Xác thực văn bản điện tử có ký số' }).waitFor()
    await visitor.getByTestId('verify-file').setInputFiles(file)
    await visitor.getByTestId('verify-submit').click()
    const result = visitor.getByTestId('verify-result')
    await result.getByText('Tất cả chữ ký hợp lệ; văn bản không bị thay đổi sau khi ký.').waitFor()
    await result.getByText(/Tệp trùng khớp từng byte với bản gốc do hệ thống phát hành/).waitFor()
    expect(await result.getByTestId('signature-report').count()).toBeGreaterThanOrEqual(2)
    expect(await result.textContent()).toContain('Nguyễn Văn Hùng')
    await screenshot(visitor, 'signing-04-verify-ok')
    await visitor.screenshot({ path: path.join(artifactsDir, 'signing-04-verify-ok-full.png'), fullPage: true })

    const tampered = Buffer.from(signedPdf)
    const at = Math.floor(tampered.length / 2)
    tampered[at] = tampered[at]! ^ 0x20
    const changed = path.join(pkiDir, 'ho-so-da-sua.pdf')
    fs.writeFileSync(changed, tampered)
    await visitor.getByTestId('verify-file').setInputFiles(changed)
    await visitor.getByTestId('verify-submit').click()
    await result.getByText('Văn bản KHÔNG hợp lệ: xem chi tiết từng chữ ký bên dưới.').waitFor()
    await result.getByText('Tệp không trùng với văn bản nào do hệ thống phát hành.').waitFor()
    await screenshot(visitor, 'signing-05-verify-tampered')
  } finally {
    await visitor.close()
  }
})
