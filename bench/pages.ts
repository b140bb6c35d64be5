/**
 * `npm run bench -- pages [--staff N] [--iterations N]`: Chromium (Debian's, through playwright-core) loads the pages
 * a person opens first — sign-in → dashboard → staff list → a record → "Hồ sơ của tôi" — on the production build, as
 * ministry HR linked to a staff record of their own. Each page is timed from navigation to its content being there,
 * and beside it the API call that page stands on, in the same run (so the ratio holds on a busy machine).
 */
import type { Page } from 'playwright-core'

import { launchBrowser } from '../test/helpers/browser'

export interface PageStep {
  name: string
  path: string
  /** What shows that the page is there for a person (not only that HTML arrived). */
  ready: string
  /** The API call the page stands on. */
  api: string
}

export function pageSteps(recordId: number): PageStep[] {
  return [
    { name: 'signIn', path: '/admin/login', ready: 'input[name="email"]', api: '/api/accounts/me' },
    { name: 'dashboard', path: '/admin', ready: '.dashboard', api: '/api/change-requests?limit=1&depth=0' },
    { name: 'staffList', path: '/admin/collections/staff', ready: 'table tbody tr', api: '/api/staff/list?limit=25' },
    { name: 'record', path: `/admin/collections/staff/${recordId}`, ready: '#field-fullName', api: `/api/staff/${recordId}?depth=1` },
    { name: 'myRecord', path: '/ho-so-cua-toi', ready: '[data-testid="request-status"]', api: '/api/change-requests/mine' },
  ]
}

type Timer = (fn: () => Promise<unknown>) => Promise<number>
type Stats = (samples: number[]) => { n: number; medianMs: number; p95Ms: number; meanMs: number }

export async function benchPages(o: { url: string; email: string; password: string; recordId: number; iterations: number; time: Timer; stats: Stats }) {
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    const page: Page = await context.newPage()
    // Signed in once through the form; the sign-in page itself is timed signed out, in a second context.
    await page.goto(`${o.url}/admin/login`)
    await page.locator('input[name="email"]').fill(o.email)
    await page.locator('input[name="password"]').fill(o.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 60_000 })
    const signedOut = await (await browser.newContext({ locale: 'vi-VN' })).newPage()
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const api = async (p: string) => {
      const res = await fetch(`${o.url}${p}`, { headers: { cookie } })
      if (res.status !== 200) throw new Error(`${p} → ${res.status}`)
      await res.arrayBuffer()
    }
    const out: Record<string, unknown> = {}
    for (const step of pageSteps(o.recordId)) {
      const on = step.name === 'signIn' ? signedOut : page
      const load = async () => {
        await on.goto(`${o.url}${step.path}`, { waitUntil: 'commit' })
        await on.locator(step.ready).first().waitFor({ timeout: 60_000 })
      }
      await load() // warm: the first visit after a start reads code from disk
      const pageMs: number[] = []
      const apiMs: number[] = []
      for (let i = 0; i < o.iterations; i++) {
        pageMs.push(await o.time(load))
        apiMs.push(await o.time(() => api(step.api)))
      }
      const p = o.stats(pageMs)
      const a = o.stats(apiMs)
      out[step.name] = { path: step.path, page: p, api: { path: step.api, ...a }, withinTarget: p.medianMs <= 1000 }
    }
    return { pages: out, note: 'page = navigation until its content is shown (Chromium, production build); api = the call the page stands on, same run; target ≤ 1000 ms median' }
  } finally {
    await browser.close()
  }
}
