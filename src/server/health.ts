import type { Request, Response, Router } from 'express'
import express from 'express'
import type { Payload } from 'payload'

import { migrations } from '../../migrations/index'
import { pendingMigrations } from '../db/migrations'
import type { DatabaseAvailability } from './databaseAvailability'

export interface HealthState {
  shuttingDown: boolean
}

/** GET /healthz — the process is alive. GET /readyz — the database answers and migrations are current. */
export function healthRoutes(payload: Payload, state: HealthState, options: { database?: DatabaseAvailability } = {}): Router {
  const router = express.Router()
  const startedAt = Date.now()
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) })
  })
  router.get('/readyz', async (_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store')
    if (state.shuttingDown) {
      res.status(503).json({ status: 'shutting-down' })
      return
    }
    const t0 = Date.now()
    try {
      const pending = await pendingMigrations(payload, migrations)
      const database = { status: 'ok', latencyMs: Date.now() - t0 }
      options.database?.markUp()
      if (pending.length) {
        res.status(503).json({ status: 'migrations-pending', database, pendingMigrations: pending })
        return
      }
      res.json({ status: 'ready', database, migrations: 'current' })
    } catch (err) {
      payload.logger.error({ err }, 'readiness check failed')
      options.database?.markDown('readiness check failed')
      res.status(503).json({ status: 'database-unavailable' })
    }
  })
  return router
}
