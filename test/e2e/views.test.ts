/**
 * What people see, in Chromium, with two-factor sign-in on as deployed (issue 20's four broken views):
 * the second-factor page before hydration (JavaScript off: a real POST that keeps `next`) and after it,
 * enrolment that hands out the same pending secret twice; HR's "Quá trình" tables filled with the record's
 * rows; "Hồ sơ của tôi" without code as labels; an audit event's change shown as a before → after table with
 * Vietnamese labels and nothing loaded from another host.
 */
import pg from 'pg'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { totpCode } from '../../src/accounts/mfa'
import { formatDateInVietnam } from '../../src/domain/dates'
import { adminLogin, launchBrowser, passSecondFactor, screenshot } from '../helpers/browser'
import { createTestDatabase } from '../helpers/db'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'hoso-demo-2026'
const HISTORY_TABLES = ['training_records', 'work_history', 'salary_history', 'allowance_history', 'awards', 'evaluations', 'disciplines', 'family_members']
const JOIN_FIELDS = ['trainingRecords', 'workHistory', 'salaryHistory', 'allowanceHistory', 'awards', 'evaluations', 'disciplines', 'familyMembers']

let server: TestServer
let browser: Browser
let sql: pg.Pool
/** The HR officer's desk, JavaScript on; signed in and past the second factor by the first test. */
let hr: BrowserContext
let demoStaffId: number

beforeAll(async () => {
  const databaseUrl = await createTestDatabase()
  server = await startTestServer({ DATABASE_URL: databaseUrl, HOSO_SEED: 'true', HOSO_ALLOW_DEMO: 'true', SEED_STAFF: '40', HOSO_REQUIRE_MFA: 'true' })
  sql = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  browser = await launchBrowser()
  demoStaffId = Number((await sql.query(`SELECT staff_id FROM accounts WHERE email = 'canbo@hoso.local'`)).rows[0].staff_id)
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await sql?.end()
  await server?.stop()
})

// A person in Việt Nam: the admin shows times in the browser's zone.
const desk = (javaScriptEnabled = true) => browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 }, javaScriptEnabled })

test('the second-factor page works with JavaScript off: a real POST that verifies the code and goes on to `next`; enrolment hands out one pending secret', async () => {
  const noJs = await desk(false)
  const login = await noJs.request.post(`${server.url}/api/accounts/login`, { data: { email: 'nhansu@hoso.local', password: PASSWORD } })
  expect(login.status()).toBe(200)
  const page = await noJs.newPage()
  await page.goto(`${server.url}/xac-thuc-hai-buoc?next=${encodeURIComponent('/admin/collections/staff')}`)
  // The secret and its QR code are in the server's HTML: nothing waits for a script.
  const shown = (await page.locator('[data-testid="totp-secret"]').textContent())!.trim()
  expect(shown).toMatch(/^[A-Z2-7]{16,}$/)
  expect(await page.locator('[data-testid="totp-qr"] svg').count()).toBe(1)
  await screenshot(page, 'views-01-second-factor-no-js')
  // Asking again (a second render, React strict mode's double effect) returns the same pending secret.
  for (let i = 0; i < 2; i++) {
    const again = await noJs.request.post(`${server.url}/api/accounts/mfa/setup`)
    expect(again.status()).toBe(200)
    expect(((await again.json()) as { secret: string }).secret).toBe(shown)
  }
  await passSecondFactor(page, shown)
  expect(new URL(page.url()).pathname).toBe('/admin/collections/staff')
  const cookies = await noJs.cookies()
  expect(cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['payload-token', 'hoso-mfa']))
  hr = await desk()
  await hr.addCookies(cookies)
  await noJs.close()
})

test('a wrong code with JavaScript off comes back to the page with the message and `next` kept', async () => {
  const noJs = await desk(false)
  await noJs.request.post(`${server.url}/api/accounts/login`, { data: { email: 'tccb@hoso.local', password: PASSWORD } })
  const page = await noJs.newPage()
  await page.goto(`${server.url}/xac-thuc-hai-buoc?next=${encodeURIComponent('/admin/collections/units')}`)
  await page.getByLabel('Mã xác thực').fill('000000')
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.getByRole('alert').waitFor()
  expect(await page.getByRole('alert').textContent()).toMatch(/Mã/)
  const url = new URL(page.url())
  expect(url.pathname).toBe('/xac-thuc-hai-buoc')
  expect(url.searchParams.get('next')).toBe('/admin/collections/units')
  await noJs.close()
})

test("HR sees the person's history rows in every table of the \"Quá trình\" tab", async () => {
  const expected: Record<string, number> = {}
  for (const [i, table] of HISTORY_TABLES.entries()) {
    expected[JOIN_FIELDS[i]!] = Number((await sql.query(`SELECT count(*) FROM ${table} WHERE staff_id = $1`, [demoStaffId])).rows[0].count)
  }
  // The demo person has rows in most tables: the check below must look at some.
  expect(Object.values(expected).filter((n) => n > 0).length).toBeGreaterThanOrEqual(4)
  const page = await hr.newPage()
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(`${server.url}/admin/collections/staff/${demoStaffId}`)
  await page.locator('.tabs-field__tab-button', { hasText: /^Quá trình$/ }).click()
  for (const [field, count] of Object.entries(expected)) {
    if (count === 0) continue
    const rows = page.locator(`#field-${field} table tbody tr`)
    await rows.first().waitFor({ timeout: 30_000 })
    expect(await rows.count()).toBe(Math.min(count, 50))
  }
  await screenshot(page, 'views-02-hr-histories')
  expect(server.output()).not.toMatch(/error building form state/)
  await page.close()
})

test('"Hồ sơ của tôi" labels every history input in words, never with code', async () => {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true })
  const page = await context.newPage()
  await page.goto(`${server.url}/ho-so-cua-toi`)
  await page.getByLabel('Thư điện tử').fill('canbo@hoso.local')
  await page.getByLabel('Mật khẩu').fill(PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.locator('[data-testid="request-status"]').waitFor()
  const labels = await page.locator('label').allInnerTexts()
  expect(labels.length).toBeGreaterThan(20)
  expect(labels.filter((l) => /=>|general:|\bt\(/.test(l))).toEqual([])
  expect(labels.filter((l) => /^(createdAt|updatedAt)$/.test(l.trim()))).toEqual([])
  await screenshot(page, 'views-03-my-record')
  await context.close()
})

test('the auditor signs in (second factor after hydration) and reads a change as a before → after table with Vietnamese labels, nothing from a CDN', async () => {
  // A change to audit: the HR officer corrects the person's home town.
  const patched = await hr.request.patch(`${server.url}/api/staff/${demoStaffId}`, { data: { hometown: 'Xã Tịnh Khê, tỉnh Quảng Ngãi' } })
  expect(patched.status()).toBe(200)
  const context = await desk()
  const page: Page = await context.newPage()
  const foreign: string[] = []
  page.on('request', (r) => !r.url().startsWith(server.url) && !r.url().startsWith('data:') && foreign.push(r.url()))
  await adminLogin(page, server.url, 'kiemtra@hoso.local', PASSWORD)
  await page.waitForLoadState('networkidle')
  await passSecondFactor(page)
  await page.goto(`${server.url}/admin/collections/audit-events`)
  await page.locator('table tbody tr').first().waitFor()
  // The list names the kind of data in words, never by its slug.
  const kinds = await page.locator('td.cell-targetCollection').allInnerTexts()
  expect(kinds.filter((k) => k.trim()).length).toBeGreaterThan(0)
  expect(kinds.filter((k) => /^[a-z]+(-[a-z]+)*$/.test(k.trim()))).toEqual([])
  const { rows } = await sql.query(`SELECT id FROM audit_events WHERE operation = 'update' AND target_collection = 'staff' ORDER BY seq DESC LIMIT 1`)
  expect(rows).toHaveLength(1)
  await page.goto(`${server.url}/admin/collections/audit-events/${rows[0].id}`)
  const table = page.locator('[data-testid="audit-changes"]')
  await table.waitFor()
  const row = table.locator('tbody tr', { hasText: 'Quê quán' })
  expect(await row.count()).toBe(1)
  expect(await row.locator('td').last().textContent()).toBe('Xã Tịnh Khê, tỉnh Quảng Ngãi')
  // The event's own fields in words too: the kind of data by name, record ids without their dot fences.
  expect(await page.locator('.field-type.read-only', { hasText: 'Loại dữ liệu' }).innerText()).toContain('Hồ sơ cán bộ')
  expect(await page.locator('.field-type.read-only', { hasText: 'Bản ghi (ID)' }).innerText()).toContain(`#${demoStaffId}`)
  await table.scrollIntoViewIfNeeded()
  await screenshot(page, 'views-04-audit-change')
  expect(foreign).toEqual([])
  await context.close()
})

/** Signs `email` in on `context` through the API, second factor included (enrolling with the pending secret). */
async function signInThroughApi(context: BrowserContext, email: string) {
  expect((await context.request.post(`${server.url}/api/accounts/login`, { data: { email, password: PASSWORD } })).status()).toBe(200)
  const setup = await context.request.post(`${server.url}/api/accounts/mfa/setup`)
  expect(setup.status()).toBe(200)
  const { secret } = (await setup.json()) as { secret: string }
  const verified = await context.request.post(`${server.url}/api/accounts/mfa/verify`, { data: { code: totpCode(secret, new Date()) } })
  expect(verified.status()).toBe(200)
}

test("ministry HR reads a role request by the account's name and roles in words, its date day first; an empty list says so plainly", async () => {
  const admin = await desk()
  await signInThroughApi(admin, 'admin@hoso.local')
  const target = (await sql.query(`SELECT id, display_name FROM accounts WHERE email = 'canbo2@hoso.local'`)).rows[0]
  const asked = await admin.request.patch(`${server.url}/api/accounts/${target.id}`, { data: { roles: ['staff', 'auditor'] } })
  expect(asked.status()).toBe(200)
  await admin.close()

  const ministry = await desk()
  await signInThroughApi(ministry, 'tccb@hoso.local')
  const page = await ministry.newPage()
  await page.goto(`${server.url}/admin/collections/role-requests`)
  const row = page.locator('table tbody tr').first()
  await row.waitFor()
  const text = await row.innerText()
  expect(text).toContain(target.display_name)
  expect(text).toContain('Kiểm tra, giám sát')
  await screenshot(page, 'views-05-role-requests')
  expect((await row.locator('td.cell-createdAt').innerText()).trim()).toBe(formatDateInVietnam(new Date()))
  expect(await page.getByText('Chưa có tiêu đề').count()).toBe(0)
  expect(await page.locator('input[placeholder*="Summary"]').count()).toBe(0)

  await page.goto(`${server.url}/admin/collections/role-requests?where[status][equals]=refused`)
  await page.getByText('Không có bản ghi nào khớp với bộ lọc').waitFor()
  expect(await page.getByText('Hoặc là không có').count()).toBe(0)
  await ministry.close()
})
