/**
 * The auditor filters the audit trail in the admin (Chromium): by actor (searched by name without accents),
 * operation and period, sees exactly the events that match, and downloads the CSV with the same filter;
 * a period with no events shows none, and a period ending before it starts is refused in Vietnamese.
 */
import pg from 'pg'
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'

import { drainAuditOutbox } from '../../src/audit/outbox'
import { seedDemoData } from '../../src/seed/seed'
import { loginToken } from '../helpers/auth'
import { adminLogin, closeAll, launchPage, screenshot } from '../helpers/browser'
import { startTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const DEMO = 'hoso-demo-2026'
const AUDITOR = { email: 'kiemtra@test.local', password: 'song-hong-chay-qua-ha-noi' }

let payload: Payload
let server: TestServer
let browser: Browser
let page: Page
let sql: pg.Pool
let hrId: number

/** The Vietnamese calendar day of an instant, yyyy-mm-dd and as typed in the admin, dd/mm/yyyy. */
const vietnamDay = (t: Date) => new Date(t.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
const typed = (day: string) => day.split('-').reverse().join('/')

beforeAll(async () => {
  // Demo data and the auditor's account are set up through the Local API (granting a role through the API
  // takes a second administrator's approval); everything after that goes through the real server.
  process.env.DEMO_PASSWORD = DEMO
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 40 })
  await payload.create({ collection: 'accounts', data: { ...AUDITOR, displayName: 'Thanh tra viên', roles: ['auditor'] } })
  server = await startTestServer({ DATABASE_URL: started.databaseUrl })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 2 })
  // Events to find: the unit HR officer's reads (two lists and one record), ministry HR's read, sign-ins.
  const hr = await loginToken(server.url, 'nhansu@hoso.local', DEMO)
  const ministry = await loginToken(server.url, 'tccb@hoso.local', DEMO)
  const get = (token: string, path: string) => fetch(`${server.url}${path}`, { headers: { Authorization: `JWT ${token}` } })
  const list = (await (await get(hr, '/api/staff?limit=3&depth=0')).json()) as { docs: Array<{ id: number }> }
  await get(hr, '/api/staff?limit=2&page=2&depth=0')
  await get(hr, `/api/staff/${list.docs[0]!.id}?depth=0`)
  await get(ministry, '/api/staff?limit=2&depth=0')
  hrId = (await sql.query<{ id: number }>(`SELECT id FROM accounts WHERE email = 'nhansu@hoso.local'`)).rows[0]!.id
  ;({ browser, page } = await launchPage())
}, 180_000)

afterAll(() => closeAll({ browser, sql, server, payload }))

/** The seq column of the rows the list shows. */
const shownSeqs = async (p: Page) => (await p.locator('table tbody td.cell-seq').allInnerTexts()).map((s) => Number(s.trim())).sort((a, b) => a - b)

test('the auditor filters by actor, operation and period and sees exactly those events; the CSV follows the filter', async () => {
  await adminLogin(page, server.url, AUDITOR.email, AUDITOR.password)
  await page.goto(`${server.url}/admin/collections/audit-events`)
  const panel = page.getByTestId('audit-filter')
  await panel.getByText('Lọc nhật ký').waitFor()

  await panel.locator('input[name="actorSearch"]').fill('can bo to chuc')
  const actor = panel.locator('select[name="actor"]')
  // Accent-insensitive: only the HR officer ("Cán bộ tổ chức …") matches, not ministry HR ("Vụ Tổ chức cán bộ …").
  await page.waitForFunction(() => document.querySelectorAll('select[name="actor"] option').length === 2)
  expect(await actor.locator('option').nth(1).getAttribute('value')).toBe(String(hrId))
  await actor.selectOption(String(hrId))
  await panel.locator('select[name="operation"]').selectOption({ label: 'Xem' })
  const today = vietnamDay(new Date())
  await panel.locator('input[name="from"]').fill(typed(today))
  await panel.locator('input[name="to"]').fill(typed(today))
  await panel.getByRole('button', { name: 'Áp dụng bộ lọc' }).click()
  await page.waitForURL(/where/)

  await drainAuditOutbox(sql)
  const expected = (
    await sql.query<{ seq: string }>(
      `SELECT seq FROM audit_events WHERE actor_id = $1 AND operation = 'read' AND occurred_at >= $2 AND occurred_at < $3 ORDER BY seq`,
      [hrId, new Date(`${today}T00:00:00+07:00`), new Date(new Date(`${today}T00:00:00+07:00`).getTime() + 86_400_000)],
    )
  ).rows.map((r) => Number(r.seq))
  expect(expected).toHaveLength(3)
  await page.waitForFunction((n) => document.querySelectorAll('table tbody td.cell-seq').length === n, expected.length)
  try {
    expect(await shownSeqs(page)).toEqual(expected)
    // The panel shows the applied filter after a reload (it is in the list's URL).
    await page.reload()
    await panel.getByText('Lọc nhật ký').waitFor()
    await page.waitForFunction((n) => document.querySelectorAll('table tbody td.cell-seq').length === n, expected.length)
    expect(await panel.locator('select[name="operation"]').inputValue()).toBe('read')
    expect(await panel.locator('input[name="from"]').inputValue()).toBe(typed(today))
    // The chosen actor is shown by name again (the actors are loaded from the trail).
    await actor.locator(`option[value="${hrId}"]`, { hasText: 'Cán bộ tổ chức' }).waitFor({ state: 'attached' })
    expect(await actor.inputValue()).toBe(String(hrId))
  } finally {
    await screenshot(page, 'audit-01-filtered')
  }

  const href = (await page.getByTestId('audit-export').getAttribute('href'))!
  expect(href).toBe(`/api/audit-events/export.csv?${new URLSearchParams({ actor: String(hrId), operation: 'read', from: typed(today), to: typed(today) })}`)
  const csv = await page.request.get(`${server.url}${href}`)
  expect(csv.status()).toBe(200)
  const lines = (await csv.text()).trim().split('\r\n')
  expect(lines.slice(1).map((l) => Number(JSON.parse(l.split(',')[0]!)))).toEqual([...expected].reverse())
})

test('a day without events shows none; a period ending before it starts is refused in Vietnamese', async () => {
  const panel = page.getByTestId('audit-filter')
  const yesterday = vietnamDay(new Date(Date.now() - 86_400_000))
  await panel.locator('input[name="from"]').fill(typed(yesterday))
  await panel.locator('input[name="to"]').fill(typed(yesterday))
  await panel.getByRole('button', { name: 'Áp dụng bộ lọc' }).click()
  await page.waitForFunction(() => document.querySelectorAll('table tbody td.cell-seq').length === 0)
  expect(await shownSeqs(page)).toEqual([])

  await panel.locator('input[name="from"]').fill(typed(vietnamDay(new Date())))
  await panel.getByRole('button', { name: 'Áp dụng bộ lọc' }).click()
  await panel.getByRole('alert').waitFor()
  // Nothing changed: the list still shows the last filter's (empty) result.
  expect(await shownSeqs(page)).toEqual([])
  expect(await panel.getByRole('alert').innerText()).toContain('Đến ngày phải không trước Từ ngày')
  await screenshot(page, 'audit-02-refused')
})
