import { Readable } from 'node:stream'

import compression from 'compression'
import type { NextFunction, Request, Response } from 'express'
import { handleEndpoints, type Payload } from 'payload'

import { SERVER_PAYLOAD_KEY } from './boot'
import { limitedBody } from './bodyLimits'
import { answerUnavailable, type DatabaseAvailability } from './databaseAvailability'

/**
 * Payload's REST API (`/api/…`) served by Express through Payload's framework-neutral `handleEndpoints`,
 * on the server's own Payload instance, instead of through Next's router and a second, bundled copy of
 * Payload. Same endpoints, access rules and hooks; what it saves is Next's per-request work on every
 * API call (routing, its request wrappers) — the admin UI, the self-service page and API clients all
 * read and write through here.
 *
 * GraphQL stays with Next (its own route handlers); everything else under /api is Payload's (an unknown
 * route gets Payload's 404). Large responses are compressed for clients that accept it.
 */
/** Whether Express's REST API (below) serves this path: /api/… except GraphQL, which stays with Next. */
export function servesRestPath(payload: Payload): (pathname: string) => boolean {
  const apiRoute = payload.config.routes.api // '/api'
  const graphQL = `${apiRoute}${payload.config.routes.graphQL}`
  return (pathname) => (pathname === apiRoute || pathname.startsWith(`${apiRoute}/`)) && !pathname.startsWith(graphQL)
}

export function restApi(payload: Payload, database?: DatabaseAvailability) {
  const serves = servesRestPath(payload)
  // From 8 kB: below that, gzip's round trip through the thread pool (~2 ms measured on a 25-row page)
  // costs more than the bytes it saves on an office network (~5 kB ≈ 0.4 ms at 100 Mbit/s). Full records,
  // long lists and CSV exports are compressed; PDFs and images are not (already compressed).
  const compress = compression({ threshold: '8kb' })
  return function serveRestApi(req: Request, res: Response, next: NextFunction): void {
    if (!serves(req.path)) {
      next()
      return
    }
    compress(req, res, () => void serve(req, res, next))
  }

  async function serve(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const response = await handleEndpoints({
        config: payload.config,
        payloadInstanceCacheKey: SERVER_PAYLOAD_KEY,
        request: toFetchRequest(req, res),
      })
      // A body over the limit was answered 413 while the endpoint read it.
      if (res.headersSent) return
      // A 500 because the database went away mid-request is a 503 the client may retry, like the
      // requests the availability gate turns away before they start.
      if (response.status >= 500 && database && !(await database.check())) {
        answerUnavailable(req, res)
        return
      }
      await sendFetchResponse(response, res)
    } catch (err) {
      next(err)
    }
  }
}

function toFetchRequest(req: Request, res: Response): globalThis.Request {
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else headers.set(name, value)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new globalThis.Request(url, {
    // HEAD is answered as GET (Node's server leaves the body out), as Next did.
    method: req.method === 'HEAD' ? 'GET' : req.method,
    headers,
    body: hasBody ? (Readable.toWeb(limitedBody(req, res)) as unknown as ReadableStream) : undefined,
    // Required by undici for a streamed request body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit)
}

/**
 * Payload's endpoints answer from memory (JSON, PDFs, CSV, photos of a few hundred kB): the body is sent
 * whole with its length, so the compression threshold applies (small answers go as they are).
 */
async function sendFetchResponse(response: globalThis.Response, res: Response): Promise<void> {
  res.status(response.status)
  if (response.statusText) res.statusMessage = response.statusText
  const cookies = response.headers.getSetCookie()
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length') res.setHeader(name, value)
  })
  if (cookies.length) res.setHeader('Set-Cookie', cookies)
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0)
  res.setHeader('Content-Length', body.length)
  res.end(body)
}
