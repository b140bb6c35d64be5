import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'
import { chromium, type Browser, type Page } from 'playwright-core'

import { totpCode } from '../../src/accounts/mfa'
import { stopTestPayload } from './payload'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const artifactsDir = path.join(root, 'test/e2e/artifacts')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, installed by scripts/system-deps.sh when missing, driven by playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    const r = spawnSync('bash', [path.join(root, 'scripts/system-deps.sh'), 'chromium'], { stdio: 'inherit' })
    if (r.status !== 0 || !fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} and could not be installed`)
  }
  fs.mkdirSync(artifactsDir, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}

/** A page as a person in Việt Nam sees the app on a desk screen (Vietnamese locale, 1280 × 900 unless told). */
export const vietnamesePage = (browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> => browser.newPage({ locale: 'vi-VN', viewport })

export async function screenshot(page: Page, name: string): Promise<void> {
  // Relationship cells in the admin lists fill in a moment after the rows: wait for them (briefly) so the
  // picture shows what a person sees, not the "Đang tải..." placeholders.
  await page
    .waitForFunction(() => !/Đang tải\.\.\.|Loading\.\.\./.test(document.body.innerText), undefined, { timeout: 10_000 })
    .catch(() => {})
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: false })
}

/** Logs in through the admin login form, as a person would. */
export async function adminLogin(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })
}

/** Closes what an e2e file opened, last opened first; any part may be missing (a beforeAll that failed half-way). */
export async function closeAll(parts: { browser?: Browser; sql?: { end(): Promise<void> }; server?: { stop(): Promise<unknown> }; payload?: Payload }): Promise<void> {
  await parts.browser?.close()
  await parts.sql?.end()
  await parts.server?.stop()
  await stopTestPayload(parts.payload)
}

/** Chromium with one desktop page in Vietnamese (1280 × 900), the usual start of an admin journey. */
export async function launchPage(): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser()
  return { browser, page: await vietnamesePage(browser) }
}

/**
 * On the second-factor page: reads the secret shown for enrolment (or takes `secret`), enters the current code
 * and waits to leave the page. Returns the secret, for a later sign-in of the same account.
 */
export async function passSecondFactor(page: Page, secret?: string): Promise<string> {
  await page.waitForURL(/\/xac-thuc-hai-buoc/)
  const key = secret ?? (await page.locator('[data-testid="totp-secret"]').textContent())!.trim()
  await page.getByLabel('Mã xác thực').fill(totpCode(key, new Date()))
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/xac-thuc-hai-buoc'), { timeout: 30_000 })
  return key
}
