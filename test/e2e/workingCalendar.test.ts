/**
 * Ministry HR keeps the holiday calendar in the admin (Chromium): the list shows the seeded decisions with dates as
 * dd/mm/yyyy, the warning of missing decisions is shown as the domain computes it, a day next to 2/9 typed as
 * dd/mm/yyyy is saved as that day, and a swap on a Saturday is refused with the reason in Vietnamese.
 */
import pg from 'pg'
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'

import { workingCalendarWarnings } from '../../src/calendar/workingCalendar'
import { seedDemoData } from '../../src/seed/seed'
import { adminLogin, closeAll, launchPage, screenshot } from '../helpers/browser'
import { startTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const DEMO = 'hoso-demo-2026'

let payload: Payload
let server: TestServer
let browser: Browser
let page: Page
let sql: pg.Pool

beforeAll(async () => {
  process.env.DEMO_PASSWORD = DEMO
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 5 })
  server = await startTestServer({ DATABASE_URL: started.databaseUrl })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 2 })
  ;({ browser, page } = await launchPage())
}, 180_000)

afterAll(() => closeAll({ browser, sql, server, payload }))

/** The create form, once the admin has finished loading it (fields typed earlier are lost). */
async function openCreateForm() {
  await page.goto(`${server.url}/admin/collections/working-calendar/create`)
  await page.locator('#field-kind .rs__control').waitFor()
  await page.waitForFunction(() => !/Đang tải\.\.\.|Loading\.\.\./.test(document.body.innerText))
}

/** Picks an option of one of Payload's select fields (react-select). */
async function choose(field: string, option: string) {
  await page.locator(`#field-${field} .rs__control`).click()
  await page.locator('.rs__option', { hasText: option }).first().click()
}

/**
 * Types into a field and waits for the admin's answer to it: after each change the admin rebuilds the form's state
 * on the server (a Next server action), and a choice made while that answer is on its way can be overtaken by it
 * (the field a condition reveals then stays hidden). A person's hand is slower than that round trip; the test's
 * is not, so it waits as a person would.
 */
async function type(name: string, value: string) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().headers()['next-action'] != null, { timeout: 15_000 })
  await page.locator(`input[name="${name}"]`).fill(value)
  await answered
}

test('ministry HR sees the calendar and its warning, enters a decided day, and is refused a Saturday swap', async () => {
  await adminLogin(page, server.url, 'tccb@hoso.local', DEMO)
  await page.goto(`${server.url}/admin/collections/working-calendar?limit=50`)
  await page.getByText('16/02/2026').first().waitFor()
  // The warning says what the domain says for the server's day (none, one or two lines depending on the date).
  const expected = (await workingCalendarWarnings(payload)).map((w) => w.vi)
  const shown = expected.length ? await page.getByTestId('calendar-notice').locator('p').allInnerTexts() : []
  expect(shown.map((s) => s.replace(/^⚠\s*/, '').replace(/\s*Lịch nghỉ lễ, Tết$/, ''))).toEqual(expected)
  await screenshot(page, 'working-calendar-list')

  await openCreateForm()
  await type('date', '01/09/2026')
  await choose('kind', 'Ngày nghỉ lễ, Tết')
  await choose('occasion', 'Ngày liền kề Quốc khánh')
  await page.locator('input[name="source"]').fill('Thông báo thử nghiệm về nghỉ lễ Quốc khánh năm 2026')
  await page.getByRole('button', { name: 'Lưu' }).click()
  await page.waitForURL((url) => /working-calendar\/\d+$/.test(url.pathname), { timeout: 30_000 })
  const saved = (await sql.query(`SELECT date, year, kind, occasion FROM working_calendar WHERE source LIKE 'Thông báo thử nghiệm%'`)).rows
  expect(saved).toEqual([{ date: '2026-09-01', year: '2026', kind: 'holiday', occasion: 'national-day' }])

  await openCreateForm()
  await type('date', '06/03/2027')
  await choose('kind', 'Ngày nghỉ hoán đổi')
  await page.locator('input[name="source"]').fill('Thông báo thử nghiệm số 2')
  await page.getByRole('button', { name: 'Lưu' }).click()
  await page.getByText('không phải ngày làm việc (ngày nghỉ hằng tuần)').first().waitFor()
  await screenshot(page, 'working-calendar-refused')
  expect((await sql.query(`SELECT count(*) AS n FROM working_calendar WHERE date = '2027-03-06'`)).rows[0].n).toBe('0')
})
