import http from 'node:http'
import type { Socket } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import express from 'express'
import next from 'next'
import type { Payload } from 'payload'
import { pinoHttp } from 'pino-http'

import type { DatabaseAvailability } from './databaseAvailability'
import { bodyLimits, bodyLimitsFromEnv } from './bodyLimits'
import { crossSiteGuard, secureCookies } from './crossSite'
import { healthRoutes, type HealthState } from './health'
import { logger } from '../db/logger'
import { maintenanceGate, statusRoute } from './maintenanceGate'
import { pkiRoutes } from './pkiRoutes'
import { restApi, servesRestPath } from './restApi'
import { securityHeaders } from './securityHeaders'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface RunningServer {
  port: number
  url: string
  state: HealthState
  /** Stop accepting, let in-flight requests finish (up to `timeoutMs`), then close every socket. */
  close(timeoutMs: number): Promise<void>
}

export interface ServerOptions {
  payload: Payload
  port: number
  host: string
  dev: boolean
  /** What the server knows about its database: requests answer 503 + Retry-After while it is away. */
  database: DatabaseAvailability
  /** Extra routes mounted before Next's catch-all (tests use this for a deliberately slow route). */
  extraRoutes?: (app: express.Express) => void
}

export async function startHttpServer(options: ServerOptions): Promise<RunningServer> {
  const { dev } = options
  const nextApp = next({ dev, dir: root, hostname: options.host, port: options.port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  const state: HealthState = { shuttingDown: false }
  const app = expressApp(options, state, (req, res) => handle(req, res))

  const server = http.createServer(app)
  const sockets = new Set<Socket>()
  const busy = new WeakMap<Socket, number>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    busy.set(socket, 0)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('request', (req, res) => {
    const socket = req.socket
    busy.set(socket, (busy.get(socket) ?? 0) + 1)
    res.on('close', () => busy.set(socket, (busy.get(socket) ?? 1) - 1))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host

  return {
    port,
    url: `http://${displayHost}:${port}`,
    state,
    async close(timeoutMs) {
      state.shuttingDown = true
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Idle keep-alive sockets would hold close() open; in-flight ones get to finish.
      for (const s of sockets) if (!busy.get(s)) s.destroy()
      server.on('request', (_req, res) => res.setHeader('Connection', 'close'))
      const timer = setTimeout(() => {
        logger.warn({ open: sockets.size }, 'drain timeout reached; closing remaining connections')
        for (const s of sockets) s.destroy()
      }, timeoutMs)
      timer.unref()
      // Idle sockets that finish their request while draining are closed as soon as they go idle.
      const sweeper = setInterval(() => {
        for (const s of sockets) if (!busy.get(s)) s.destroy()
      }, 50)
      sweeper.unref()
      await closed
      clearTimeout(timer)
      clearInterval(sweeper)
      await nextApp.close().catch(() => {})
    },
  }
}

/**
 * The Express application: Express's own routes (health, readiness, the demo PKI), Payload's REST API, then
 * Next's catch-all. Separate from listening so the route inventory (test/int/routeInventory.test.ts) can read
 * its layers without starting Next.
 */
export function expressApp(
  options: Pick<ServerOptions, 'payload' | 'dev' | 'database' | 'extraRoutes'>,
  state: HealthState,
  nextHandler: (req: express.Request, res: express.Response) => unknown,
): express.Express {
  const { payload, dev } = options
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID()
        res.setHeader('X-Request-Id', id)
        // Handed on to Payload (its req.headers) for the audit trail (src/audit/record.ts).
        req.headers['x-request-id'] = id
        return id
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url?.startsWith('/_next/') === true },
      // Query strings carry names, CCCD filters and tokens (`?q=…`, `where[nationalId]…`): log the path only,
      // and no headers (cookies, tokens).
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  )
  // The client address as Express sees it (TRUST_PROXY), for the audit trail; a client-sent value is replaced.
  app.use(function clientAddress(req, _res, nextFn) {
    req.headers['x-hoso-client-ip'] = req.ip ?? ''
    nextFn()
  })
  app.use(securityHeaders(dev))
  // CSRF: a cookie-authenticated change from another site is refused before anything else reads it.
  app.use(crossSiteGuard())
  app.use(secureCookies())
  // Before anything reads a body or signs anyone in (src/server/bodyLimits.ts).
  app.use(bodyLimits(bodyLimitsFromEnv(), servesRestPath(payload)))
  app.use(healthRoutes(payload, state, { database: options.database }))
  // Public and answered from the last known windows even while the database is away (a restore in a full stop).
  app.use(statusRoute(payload))
  app.use(options.database.gate())
  // An announced maintenance window in force: read-only or full stop (src/domain/maintenance.ts).
  app.use(maintenanceGate(payload))
  app.use(pkiRoutes())
  options.extraRoutes?.(app)
  // Payload's REST API, served on the server's own Payload instance (src/server/restApi.ts).
  app.use(restApi(payload, options.database))
  // Everything else — admin, GraphQL, our Next pages — is Next's (Express 5: no '*' path).
  app.use(nextHandler)
  return app

}
