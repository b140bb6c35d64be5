import { Transform, type Readable } from 'node:stream'

import type { NextFunction, Request, Response } from 'express'

import { IMPORT_UPLOAD_PATH, MAX_IMPORT_BYTES } from '../import/limits'
import { MAX_VERIFY_BYTES, VERIFY_UPLOAD_PATH } from '../signedExports/limits'
import { refuse } from './refuse'

export interface BodyLimits {
  /** JSON and every other body (sign-in, saves, GraphQL, server actions). */
  json: number
  /** multipart/form-data: a photo upload with its form. */
  multipart: number
  /** The public verifier's PDF upload. */
  verify: number
}

const MB = 1024 * 1024
const bytesFromEnv = (name: string, fallback: number) => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback
}

/**
 * Defaults: 1 MB of JSON (a whole personnel record with its histories is well under 200 kB), 8 MB of multipart
 * (a 5 MB photo — Payload's own upload limit — and its form), 20 MB for a PDF to verify. HOSO_MAX_JSON_BYTES and
 * HOSO_MAX_UPLOAD_BYTES change the first two.
 */
export function bodyLimitsFromEnv(): BodyLimits {
  return { json: bytesFromEnv('HOSO_MAX_JSON_BYTES', 1 * MB), multipart: bytesFromEnv('HOSO_MAX_UPLOAD_BYTES', 8 * MB), verify: MAX_VERIFY_BYTES }
}

const show = (bytes: number) => (bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`)

/** 413, and the connection closes after it: the body over the limit is never read. */
export function refuseTooLarge(req: Request, res: Response, limit: number): void {
  refuse(req, res, 413, { vi: `Nội dung gửi lên quá lớn (tối đa ${show(limit)})`, en: `Request body too large (${show(limit)} at most)` }, { close: true })
}

/**
 * The first thing a request with a body meets, before authentication and before a byte of the body is read:
 * a declared length over the route's limit answers 413 at once. A body without a declared length (chunked) is
 * counted as it is read by the REST API (`limitedBody`, 413 at the first byte past the limit); Next's routes
 * (GraphQL, the admin's server actions) read the request themselves, so they ask for a length (411).
 */
export function bodyLimits(limits: BodyLimits, isRestApi: (path: string) => boolean) {
  return function checkBodyLimits(req: Request, res: Response, next: NextFunction): void {
    const declared = req.headers['content-length']
    const chunked = req.headers['transfer-encoding'] != null
    if (declared == null && !chunked) return next()
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    const limit = req.path === VERIFY_UPLOAD_PATH ? limits.verify : req.path === IMPORT_UPLOAD_PATH && type === 'multipart/form-data' ? MAX_IMPORT_BYTES : type === 'multipart/form-data' ? limits.multipart : limits.json
    if (declared != null && !chunked) {
      if (Number(declared) > limit) return refuseTooLarge(req, res, limit)
      return next()
    }
    if (!isRestApi(req.path)) {
      refuse(req, res, 411, { vi: 'Cần khai báo độ dài nội dung (Content-Length)', en: 'Content-Length required' }, { close: true })
      return
    }
    res.locals.bodyLimit = limit
    next()
  }
}

/**
 * The request body as the REST API reads it, counted: past `res.locals.bodyLimit` the client gets 413 (the
 * connection closes) and the reader an error, so nothing over the limit is buffered or parsed.
 */
export function limitedBody(req: Request, res: Response): Readable {
  const limit = res.locals.bodyLimit as number | undefined
  if (limit == null) return req
  let seen = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length
      if (seen > limit) {
        refuseTooLarge(req, res, limit)
        // The rest of the body is dropped unread while the answer lingers (src/server/refuse.ts), never parsed.
        req.unpipe(counter)
        done(new Error('request body over the limit'))
        return
      }
      done(null, chunk)
    },
  })
  return req.pipe(counter)
}
