/** A person opens the admin in Chromium: Vietnamese login page, signs in, sees the units and staff lists. */
import pg from 'pg'
import type { Browser, Page } from 'playwright-core'

import { adminLogin, launchBrowser, screenshot } from '../helpers/browser'
import { createTestDatabase } from '../helpers/db'
import { startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
let databaseUrl: string
let browser: Browser
let page: Page

beforeAll(async () => {
  databaseUrl = await createTestDatabase()
  server = await startTestServer({ DATABASE_URL: databaseUrl, HOSO_SEED: 'true', HOSO_ALLOW_DEMO: 'true', SEED_STAFF: '40' })
  browser = await launchBrowser()
  page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('the login page is in Vietnamese', async () => {
  await page.goto(`${server.url}/admin/login`)
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor()
  expect(await page.locator('html').getAttribute('lang')).toBe('vi')
  await screenshot(page, 'admin-01-login')
})

test('the demo administrator signs in and sees the unit tree but no personal records', async () => {
  await adminLogin(page, server.url, 'admin@hoso.local', 'hoso-demo-2026')
  await page.getByText('Tài khoản').first().waitFor()
  await screenshot(page, 'admin-02-dashboard')
  // A system administrator manages the system, not people's records (no staff collection in the menu).
  expect(await page.getByText('Hồ sơ cán bộ', { exact: true }).count()).toBe(0)

  await page.goto(`${server.url}/admin/collections/units`)
  await page.getByText('Vụ Công chức – Viên chức').first().waitFor()
  await screenshot(page, 'admin-03-units')
  await page.context().clearCookies()
})

test("the demo HR officer signs in and finds a staff member of their department by name", async () => {
  await adminLogin(page, server.url, 'nhansu@hoso.local', 'hoso-demo-2026')

  await page.goto(`${server.url}/admin/collections/staff`)
  await page.getByRole('heading', { name: 'Hồ sơ cán bộ' }).first().waitFor()
  await page.getByPlaceholder(/Tìm/).fill('Nguyễn Thị Hường')
  await page.getByText('Nguyễn Thị Hường').first().waitFor()
  await screenshot(page, 'admin-04-staff')
})

test('the HR officer opens a record and prints its sơ yếu lý lịch and review copy from the sidebar', async () => {
  const found = await page.request.get(`${server.url}/api/staff?where[fullName][equals]=${encodeURIComponent('Nguyễn Thị Hường')}&depth=0&limit=1`)
  const id = ((await found.json()) as { docs: Array<{ id: number }> }).docs[0]!.id
  await page.goto(`${server.url}/admin/collections/staff/${id}`)
  const cv = page.getByRole('link', { name: 'In sơ yếu lý lịch' })
  const review = page.getByRole('link', { name: 'In bản rà soát' })
  try {
    await cv.waitFor()
    // Sensitive items of a record in the officer's subtree are shown in the edit view (not blanked).
    const found2 = (await (await page.request.get(`${server.url}/api/staff/${id}?depth=0`)).json()) as { nationalId?: string }
    expect(found2.nationalId).toMatch(/^\d{12}$/)
    const input = page.locator('input[name="nationalId"]')
    await input.waitFor()
    expect(await input.inputValue()).toBe(found2.nationalId)
  } finally {
    await screenshot(page, 'admin-05-staff-print-links')
  }
  for (const [link, path] of [[cv, /\/api\/staff\/\d+\/2c\.pdf$/], [review, /\/api\/staff\/\d+\/review\.pdf$/]] as const) {
    const href = (await link.getAttribute('href'))!
    expect(href).toMatch(path)
    // The session cookie of the admin is what the link sends.
    const res = await page.request.get(`${server.url}${href}`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toBe('application/pdf')
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-')
  }
})

test('the HR officer changes a CCCD in the edit view: saved, shown again, and stored only as ciphertext', async () => {
  const found = await page.request.get(`${server.url}/api/staff?where[fullName][equals]=${encodeURIComponent('Nguyễn Thị Hường')}&depth=0&limit=1`)
  const id = ((await found.json()) as { docs: Array<{ id: number }> }).docs[0]!.id
  const read = async () => ((await (await page.request.get(`${server.url}/api/staff/${id}?depth=0`)).json()) as { nationalId: string }).nationalId
  const before = await read()
  // Same province, gender/century digit and birth year (the validation checks them); another serial part.
  const after = `${before.slice(0, 6)}${String((Number(before.slice(6)) + 7) % 1_000_000).padStart(6, '0')}`
  await page.goto(`${server.url}/admin/collections/staff/${id}`)
  const input = page.locator('input[name="nationalId"]')
  await input.waitFor()
  await input.fill(after)
  await page.locator('#action-save').click()
  for (let t = Date.now(); (await read()) !== after && Date.now() - t < 20_000; ) await new Promise((r) => setTimeout(r, 250))
  expect(await read()).toBe(after)
  await page.reload()
  await page.locator('input[name="nationalId"]').waitFor()
  expect(await page.locator('input[name="nationalId"]').inputValue()).toBe(after)
  await screenshot(page, 'admin-06-staff-cccd-saved')
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const { rows } = await db.query('SELECT national_id, (SELECT count(*)::int FROM staff s WHERE s::text LIKE $2) AS plain FROM staff WHERE id = $1', [id, `%${after}%`])
    expect(rows[0].national_id).toMatch(/^enc:v1:[0-9a-f]{8}:/)
    expect(rows[0].plain).toBe(0)
  } finally {
    await db.end()
  }
})

test('a role given by the system administrator waits for approval, and the account page says so', async () => {
  await page.context().clearCookies()
  await adminLogin(page, server.url, 'admin@hoso.local', 'hoso-demo-2026')
  const found = await page.request.get(`${server.url}/api/accounts?where[email][equals]=canbo@hoso.local&depth=0&limit=1`)
  const account = ((await found.json()) as { docs: Array<{ id: number; roles: string[] }> }).docs[0]!
  await page.goto(`${server.url}/admin/collections/accounts/${account.id}`)
  await page.locator('input[name="email"]').waitFor()
  expect(await page.getByTestId('pending-role-requests').count()).toBe(0)
  // The change as the edit view's save sends it; ministry HR exists, so it becomes a request.
  const saved = await page.request.patch(`${server.url}/api/accounts/${account.id}`, { data: { roles: [...account.roles, 'unit-head'] } })
  expect(saved.status()).toBe(200)
  await page.reload()
  const notice = page.getByTestId('pending-role-requests')
  await notice.waitFor({ timeout: 20_000 })
  expect(await notice.innerText()).toMatch(/chờ phê duyệt[\s\S]*Thủ trưởng đơn vị/)
  const after = await page.request.get(`${server.url}/api/accounts/${account.id}?depth=0`)
  expect(((await after.json()) as { roles: string[] }).roles).not.toContain('unit-head')
  await screenshot(page, 'admin-07-account-pending-role')
})
