import express, { type NextFunction, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import {
  effectiveEnd,
  isRefusedDuringReadOnly,
  maintenanceMessage,
  retryAfterSeconds,
  servedDuringFullStop,
  vietnamTime,
  type MaintenanceWindow,
} from '../domain/maintenance'
import { escapeHtml } from '../mail/html'
import { maintenanceNow } from '../maintenance/windows'
import { prefersEnglish, refuse } from './refuse'

/** What GET /api/status tells anyone: the window's kind, times and what it is for; no personal data. */
const publicWindow = (w: MaintenanceWindow | null) =>
  w && { kind: w.kind, startsAt: w.startsAt, endsAt: new Date(effectiveEnd(w)).toISOString(), titleVi: w.titleVi, titleEn: w.titleEn ?? null, reasonVi: w.reasonVi ?? null, reasonEn: w.reasonEn ?? null }

/** GET /api/status — public: `{ maintenance: { active, current, next } }`; answers from the last known windows when the database is away. */
export function statusRoute(payload: Payload): express.Router {
  const router = express.Router()
  router.get('/api/status', async function maintenanceStatus(_req, res) {
    const state = await maintenanceNow(payload)
    res.setHeader('Cache-Control', 'no-store')
    res.json({ maintenance: { active: state.active, current: publicWindow(state.current), next: publicWindow(state.next) } })
  })
  return router
}

function maintenancePage(req: Request, w: MaintenanceWindow): string {
  const m = maintenanceMessage(w)
  const en = prefersEnglish(req)
  return `<!doctype html><html lang="${en ? 'en' : 'vi'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${en ? 'Maintenance' : 'Bảo trì hệ thống'} — hoso</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>${en ? 'hoso is under maintenance' : 'Hệ thống hoso đang bảo trì'}</h1>
<p>${escapeHtml(en ? m.en : m.vi)}</p>
<p>${en ? 'Back at' : 'Hoạt động trở lại lúc'} ${escapeHtml(vietnamTime(new Date(effectiveEnd(w))))}.</p>
</body></html>`
}

/**
 * Enforces the window in force (src/domain/maintenance.ts). Read-only: a write to the REST API answers 503 with
 * Retry-After before anything runs (the collections' guard refuses the same writes from GraphQL, the admin's
 * server actions and jobs). Full stop: only liveness, readiness, the status route and a maintenance page answer.
 */
export function maintenanceGate(payload: Payload) {
  return async function enforceMaintenance(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const { current } = await maintenanceNow(payload)
      if (!current) return next()
      const wait = retryAfterSeconds(current, new Date())
      if (current.kind === 'full-stop') {
        if (servedDuringFullStop(req.path)) return next()
        if (req.method === 'GET' && String(req.headers.accept ?? '').includes('text/html')) {
          res.status(503).setHeader('Retry-After', String(wait)).setHeader('Cache-Control', 'no-store').type('html').send(maintenancePage(req, current))
          return
        }
        return refuse(req, res, 503, maintenanceMessage(current), { retryAfterSeconds: wait, close: !req.complete })
      }
      if (isRefusedDuringReadOnly(req.method, req.path)) return refuse(req, res, 503, maintenanceMessage(current), { retryAfterSeconds: wait, close: !req.complete })
      next()
    } catch (err) {
      next(err)
    }
  }
}
