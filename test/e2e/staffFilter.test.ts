/**
 * The staff list's filter panel in Chromium: an HR officer picks a sub-unit and an age band and sees
 * exactly the people the seeded data says (checked through the Local API with the age computed by
 * dates.ageOn, not by the filter's own code); the filter lives in the URL and survives a reload; the unit
 * picker shows ministry HR the whole tree and a unit HR officer only their subtree.
 */
import type { Browser, Page } from 'playwright-core'
import type { Payload } from 'payload'

import { addMonths, ageOn, todayInVietnam } from '../../src/domain/dates'
import { retirementDate } from '../../src/domain/retirement'
import { AGE_BANDS } from '../../src/domain/staffListFilter'
import { seedDemoData } from '../../src/seed/seed'
import { adminLogin, launchBrowser, screenshot } from '../helpers/browser'
import { startTestPayload, stopTestPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/server'

const PASSWORD = 'hoso-demo-2026'
let payload: Payload
let server: TestServer
let browser: Browser
let page: Page
let units: Array<{ id: number; code: string; name: string; path: string }>

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 300 })
  units = (await payload.find({ collection: 'units', limit: 0, depth: 0, pagination: false })).docs.map((u) => ({ id: u.id, code: u.code, name: u.name, path: u.path as string }))
  server = await startTestServer({ DATABASE_URL: started.databaseUrl })
  browser = await launchBrowser()
  page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1400, height: 900 } })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await stopTestPayload(payload)
})

/** Staff numbers shown in the list table. */
const listedCodes = async () => (await page.locator('table tbody td.cell-staffCode').allInnerTexts()).map((s) => s.trim()).sort()

/** Waits until the list shows `expected` (the list reloads after the URL changes), then asserts it. */
async function expectListed(expected: string[]) {
  const deadline = Date.now() + 30_000
  let got = await listedCodes()
  while (JSON.stringify(got) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(250)
    got = await listedCodes()
  }
  expect(got).toEqual(expected)
}

/** Waits until the list's page info counts `expected.length` records, then checks the page shows only those. */
async function expectPage(expected: string[]) {
  const info = page.locator('.page-controls__page-info')
  const total = () => info.innerText().catch(() => '')
  const deadline = Date.now() + 30_000
  while (!new RegExp(`\\b${expected.length}$`).test((await total()).trim()) && Date.now() < deadline) await page.waitForTimeout(250)
  expect((await total()).trim()).toMatch(new RegExp(`\\b${expected.length}$`))
  const shown = await listedCodes()
  expect(shown.length).toBe(Math.min(25, expected.length))
  expect(shown.filter((c) => !expected.includes(c))).toEqual([])
}

const optionValues = async (testId: string) =>
  (await page.getByTestId(testId).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean).map(Number).sort((a, b) => a - b)

test('a unit HR officer picks a sub-unit and an age band and sees exactly those people; a reload keeps the filter', async () => {
  const hrUnit = units.find((u) => u.code === 'VCCVC')!
  const today = todayInVietnam(new Date())
  const staff = (await payload.find({ collection: 'staff', limit: 0, depth: 0, pagination: false, where: { unitPath: { like: `.${hrUnit.id}.` } }, select: { staffCode: true, birthDate: true, unitPath: true } })).docs
  // The sub-unit and band with the most people, among those that leave someone of the sub-unit out.
  const bands = AGE_BANDS.filter((b) => b.id !== 'retiring-12m')
  const candidates = units
    .filter((u) => u.id !== hrUnit.id && u.path.includes(`.${hrUnit.id}.`))
    .flatMap((u) => {
      const inUnit = staff.filter((s) => s.unitPath!.includes(`.${u.id}.`))
      return bands.map((b) => {
        const codes = inUnit
          .filter((s) => {
            const age = ageOn(s.birthDate, today).years
            return (b.minAge === undefined || age >= b.minAge) && (b.maxAge === undefined || age <= b.maxAge)
          })
          .map((s) => s.staffCode)
          .sort()
        return { unit: u, band: b, codes, unitSize: inUnit.length }
      })
    })
    .filter((c) => c.codes.length > 0 && c.codes.length < c.unitSize && c.codes.length <= 25)
    .sort((a, b) => b.codes.length - a.codes.length)
  expect(candidates.length).toBeGreaterThan(0)
  const { unit, band, codes } = candidates[0]!

  await adminLogin(page, server.url, 'nhansu@hoso.local', PASSWORD)
  await page.goto(`${server.url}/admin/collections/staff`)
  await page.getByTestId('staff-filter').waitFor()
  await page.getByTestId('staff-filter-unit').selectOption(String(unit.id))
  await page.waitForURL(/where/)
  await page.getByTestId('staff-filter-age').selectOption(band.id)
  await expectListed(codes)
  await screenshot(page, 'staff-filter-01-unit-and-age')
  expect(decodeURIComponent(page.url())).toContain(`[unitPath][like]=.${unit.id}.`)

  await page.reload()
  await page.getByTestId('staff-filter').waitFor()
  await expectListed(codes)
  expect(await page.getByTestId('staff-filter-unit').inputValue()).toBe(String(unit.id))
  expect(await page.getByTestId('staff-filter-age').inputValue()).toBe(band.id)
  // Party membership is a sensitive item: a unit HR officer cannot filter on it.
  expect(await page.getByTestId('staff-filter-party').isDisabled()).toBe(true)
  // Payload's own filter builder opened over the panel's conditions leaves the filter and the list as they are.
  const url = page.url()
  await page.locator('#toggle-list-filters').click()
  await page.waitForTimeout(1000)
  await screenshot(page, 'staff-filter-02-with-payload-filters')
  expect(page.url()).toBe(url)
  await expectListed(codes)

  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click()
  await page.waitForURL((url) => !url.search.includes('where'))
  const firstPage = staff.length <= 25 ? staff.map((s) => s.staffCode).sort() : null
  if (firstPage) await expectListed(firstPage)
  else {
    const deadline = Date.now() + 30_000
    while ((await listedCodes()).length < 25 && Date.now() < deadline) await page.waitForTimeout(250)
    expect(await listedCodes()).toHaveLength(25)
  }
  expect(await page.getByTestId('staff-filter-unit').inputValue()).toBe('')
  expect(await page.getByTestId('staff-filter-age').inputValue()).toBe('')
})

test("the unit picker shows a unit HR officer only their subtree, in tree order, and ministry HR the whole tree", async () => {
  const hrUnit = units.find((u) => u.code === 'VCCVC')!
  // Still signed in as the unit HR officer.
  await page.goto(`${server.url}/admin/collections/staff`)
  await page.getByTestId('staff-filter').waitFor()
  const subtree = units.filter((u) => u.path.includes(`.${hrUnit.id}.`)).map((u) => u.id).sort((a, b) => a - b)
  expect(await optionValues('staff-filter-unit')).toEqual(subtree)
  const firstOption = (await page.getByTestId('staff-filter-unit').locator('option').nth(1).innerText()).trim()
  expect(firstOption).toBe(hrUnit.name)
  await page.context().clearCookies()

  await adminLogin(page, server.url, 'tccb@hoso.local', PASSWORD)
  await page.goto(`${server.url}/admin/collections/staff`)
  await page.getByTestId('staff-filter').waitFor()
  expect(await optionValues('staff-filter-unit')).toEqual(units.map((u) => u.id).sort((a, b) => a - b))
  expect(await page.getByTestId('staff-filter-party').isDisabled()).toBe(false)

  // Ministry HR: party members among women, compared with the Local API.
  const expected = (await payload.find({ collection: 'staff', limit: 0, depth: 0, pagination: false, where: { gender: { equals: 'female' }, partyJoinDate: { exists: true } }, select: { staffCode: true } })).docs.map((s) => s.staffCode)
  await page.getByTestId('staff-filter-gender').selectOption('female')
  await page.waitForURL(/where/)
  await page.getByTestId('staff-filter-party').selectOption('yes')
  await expectPage(expected)
  await page.getByTestId('staff-filter-unit').click()
  await screenshot(page, 'staff-filter-03-ministry-tree')
  await page.keyboard.press('Escape')
  await screenshot(page, 'staff-filter-04-ministry-women-party')

  // Retiring within 12 months (NĐ 135/2020), checked with the domain's retirement date for each person.
  const today = todayInVietnam(new Date())
  const everyone = (await payload.find({ collection: 'staff', limit: 0, depth: 0, pagination: false, select: { staffCode: true, birthDate: true, gender: true } })).docs
  const retiring = everyone.filter((s) => {
    const r = retirementDate(s.birthDate, s.gender as 'male' | 'female')
    return r >= today && r <= addMonths(today, 12)
  })
  expect(retiring.length).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click()
  await page.waitForURL((u) => !u.search.includes('where'))
  await page.getByTestId('staff-filter-age').selectOption('retiring-12m')
  await expectPage(retiring.map((s) => s.staffCode))
  await screenshot(page, 'staff-filter-05-ministry-retiring')
})
