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
  if (options.close) {
    res.setHeader('Connection', 'close')
    lingerOnClose(req)
  }
  res.status(status).json({ errors: [{ message: prefersEnglish(req) ? message.en : message.vi }] })
}

/** How long a refused request's unread body is still read and dropped before the socket is closed. */
export const LINGER_MS = 2000

/**
 * Closing a socket whose peer is still sending makes the kernel answer with a reset, and a reset can wipe our
 * answer from the client's receive buffer before the client reads it (the client then sees ECONNRESET, never the
 * 413). So, as web servers do ("lingering close"): send the answer, half-close, read and drop what still comes
 * for a short while, then close. Nothing read here is kept or parsed.
 */
function lingerOnClose(req: Request): void {
  const socket = req.socket as Request['socket'] & { destroySoon?: () => void }
  if (!socket || (socket as { hosoLingering?: boolean }).hosoLingering) return
  ;(socket as { hosoLingering?: boolean }).hosoLingering = true
  socket.destroySoon = () => {
    socket.end()
    req.unpipe()
    req.removeAllListeners('data')
    req.resume()
    socket.on('data', () => {})
    socket.resume()
    setTimeout(() => socket.destroy(), LINGER_MS).unref()
  }
}
