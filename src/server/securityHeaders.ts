import helmet from 'helmet'

/**
 * Security headers for every response. Next's hydration and Payload's admin use inline scripts and
 * styles, so script-src keeps 'unsafe-inline'; dev mode also needs eval and the HMR websocket.
 * HSTS and upgrade-insecure-requests only when served over HTTPS (PUBLIC_URL https://…).
 */
export function securityHeaders(dev: boolean) {
  const https = (process.env.PUBLIC_URL ?? '').startsWith('https://')
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  })
}
