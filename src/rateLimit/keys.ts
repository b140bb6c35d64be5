import { createHmac } from 'node:crypto'

/**
 * A key part that names a person without storing who: an HMAC of the value (an e-mail address) with a key
 * derived from the server secret, so the `rate_limits` table holds no addresses.
 */
export function keyDigest(secret: string, value: string): string {
  const key = createHmac('sha256', secret).update('hoso-rate-limit').digest()
  return createHmac('sha256', key).update(value).digest('base64url').slice(0, 22)
}
