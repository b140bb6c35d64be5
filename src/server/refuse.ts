import type { Request, Response } from 'express'

/** The caller's language for a refusal the server gives before Payload runs: English when asked first, else Vietnamese. */
export function prefersEnglish(req: Pick<Request, 'headers'>): boolean {
  const first = String(req.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first === 'en' || first.startsWith('en-')
}

/**
 * A refusal in Payload's error shape (`{ errors: [{ message }] }`) in the caller's language, answered by the
 * HTTP layer itself (body limits, an unavailable database, a full worker queue). `close` ends the connection
 * after the answer, so an unread request body is never read.
 */
export function refuse(
  req: Request,
  res: Response,
  status: number,
  message: { vi: string; en: string },
  options: { retryAfterSeconds?: number; close?: boolean } = {},
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  if (options.retryAfterSeconds != null) res.setHeader('Retry-After', String(options.retryAfterSeconds))
  res.setHeader('Cache-Control', 'no-store')
  if (options.close) res.setHeader('Connection', 'close')
  res.status(status).json({ errors: [{ message: prefersEnglish(req) ? message.en : message.vi }] })
}
