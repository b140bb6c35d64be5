import type { NextFunction, Request, Response } from 'express'

import { refuse } from './refuse'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The cookies that authenticate a browser: Payload's session token (and its second-factor proof beside it). */
const AUTH_COOKIE = /(?:^|;\s*)(?:payload-token|hoso-mfa)=/

/** The origins this server answers as: its own address (as the request reached it) and PUBLIC_URL. */
function ownOrigins(req: Request): Set<string> {
  const origins = new Set<string>()
  const host = req.get('host')
  if (host) origins.add(`${req.protocol}://${host}`.toLowerCase())
  const publicUrl = process.env.PUBLIC_URL
  if (publicUrl) {
    try {
      origins.add(new URL(publicUrl).origin.toLowerCase())
    } catch {
      // A malformed PUBLIC_URL names no origin; the request's own address still counts.
    }
  }
  return origins
}

/**
 * Whether a state-changing request authenticated by cookie came from another site. A browser sends
 * `Sec-Fetch-Site` (all current browsers) or `Origin` (every cross-origin POST) with such a request; either
 * naming another site is a refusal. A request that carries neither is not a browser's cross-site request.
 */
export function isCrossSiteCookieWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return false
  // A bearer token cannot be attached by another site's page (a custom header needs CORS, which we never grant).
  if (req.get('authorization')) return false
  if (!AUTH_COOKIE.test(req.get('cookie') ?? '')) return false
  const site = req.get('sec-fetch-site')?.toLowerCase()
  if (site && site !== 'same-origin' && site !== 'none') return true
  const origin = req.get('origin')
  if (origin !== undefined) return origin === 'null' || !ownOrigins(req).has(origin.toLowerCase())
  return false
}

/**
 * CSRF: every POST/PUT/PATCH/DELETE that a browser's cookie authenticates must come from our own pages,
 * whatever the configuration (Payload's own `csrf` list is checked only when PUBLIC_URL is set). Refused
 * with 403 before any body is read or any account is loaded.
 */
export function crossSiteGuard() {
  return function refuseCrossSiteWrites(req: Request, res: Response, next: NextFunction): void {
    if (!isCrossSiteCookieWrite(req)) {
      next()
      return
    }
    refuse(
      req,
      res,
      403,
      {
        vi: 'Yêu cầu bị từ chối: yêu cầu thay đổi dữ liệu phải gửi từ chính trang của hệ thống',
        en: 'Request refused: a change must be sent from this application’s own pages',
      },
      { close: true },
    )
  }
}

/**
 * Over HTTPS (directly or behind a proxy that says so, TRUST_PROXY), every cookie the app sets — Payload's
 * session, the second-factor proof, Next's — is marked `Secure`, so a browser never sends it over plain HTTP.
 */
export function secureCookies() {
  return function markCookiesSecure(req: Request, res: Response, next: NextFunction): void {
    if (req.secure) {
      const setHeader = res.setHeader.bind(res)
      res.setHeader = ((name: string, value: number | string | readonly string[]) => {
        if (name.toLowerCase() !== 'set-cookie') return setHeader(name, value)
        const list = (Array.isArray(value) ? value : [String(value)]).map((c: string) => (/;\s*secure\s*(;|$)/i.test(c) ? c : `${c}; Secure`))
        return setHeader(name, list)
      }) as typeof res.setHeader
    }
    next()
  }
}
