/**
 * Two-factor sign-in (TOTP, RFC 6238) for the roles that reach other people's records or the system:
 * every role but `staff` (src/domain/roles.ts). A password alone gives such an account no rights until a code
 * from its authenticator app has been checked for the current session.
 *
 * Pure: the caller stores the secret, the last accepted time step and the failure counter.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

import { Secret, TOTP } from 'otpauth'

import { SECOND_FACTOR_ROLES } from '../domain/roles'

// Which roles need it is decided with every other list of roles (src/domain/roles.ts): unit heads included.
export { SECOND_FACTOR_ROLES }

export const requiresSecondFactor = (roles: readonly string[] | null | undefined): boolean =>
  (roles ?? []).some((r) => (SECOND_FACTOR_ROLES as readonly string[]).includes(r))

export const TOTP_PERIOD = 30
export const MAX_CODE_FAILURES = 5
export const CODE_LOCK_MS = 15 * 60 * 1000

const totp = (secret: string, label = 'hoso') =>
  new TOTP({ issuer: 'hoso', label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secret) })

/** A new random secret (160 bits, base32) and the otpauth:// URI an authenticator app scans. */
export function newTotpSecret(accountLabel: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32
  return { secret, uri: totpUri(secret, accountLabel) }
}

/** The otpauth:// URI of a secret, as an authenticator app scans it. */
export const totpUri = (secret: string, accountLabel: string): string => totp(secret, accountLabel).toString()

/** The code an authenticator shows at `now` (for tests and for the demo). */
export const totpCode = (secret: string, now: Date): string => totp(secret).generate({ timestamp: now.getTime() })

export type CodeCheck =
  | { ok: true; step: number }
  | { ok: false; reason: 'format' | 'wrong' | 'replayed' | 'locked' }

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. A code whose time step is not later
 * than the last accepted one is refused (no replay of an observed code); a locked account is refused.
 */
export function checkTotp(input: { secret: string; code: string; now: Date; lastStep?: number | null; lockedUntil?: Date | null }): CodeCheck {
  if (input.lockedUntil && input.lockedUntil.getTime() > input.now.getTime()) return { ok: false, reason: 'locked' }
  const code = String(input.code ?? '').replace(/\s+/g, '')
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'format' }
  const delta = totp(input.secret).validate({ token: code, timestamp: input.now.getTime(), window: 1 })
  if (delta === null) return { ok: false, reason: 'wrong' }
  const step = Math.floor(input.now.getTime() / 1000 / TOTP_PERIOD) + delta
  if (input.lastStep != null && step <= input.lastStep) return { ok: false, reason: 'replayed' }
  return { ok: true, step }
}

/** After a wrong code: the new failure count and, at the limit, until when codes are refused. */
export function afterFailure(failures: number, now: Date): { failures: number; lockedUntil: Date | null } {
  const next = failures + 1
  return next >= MAX_CODE_FAILURES ? { failures: 0, lockedUntil: new Date(now.getTime() + CODE_LOCK_MS) } : { failures: next, lockedUntil: null }
}

export const CODE_MESSAGES: Record<Exclude<CodeCheck, { ok: true }>['reason'], { vi: string; en: string }> = {
  format: { vi: 'Mã xác thực gồm 6 chữ số.', en: 'The code has 6 digits.' },
  wrong: { vi: 'Mã xác thực không đúng hoặc đã hết hạn.', en: 'The code is wrong or has expired.' },
  replayed: { vi: 'Mã này đã được dùng; hãy chờ mã mới.', en: 'This code was already used; wait for the next one.' },
  locked: { vi: 'Nhập sai mã quá nhiều lần; hãy thử lại sau 15 phút.', en: 'Too many wrong codes; try again in 15 minutes.' },
}

/**
 * Proof that the session `sid` passed the second factor: an HMAC of the session id, so it is worthless
 * for any other session and dies with the session (logout, expiry).
 */
export const mfaProof = (key: string, sid: string): string => `${sid}.${createHmac('sha256', `hoso-mfa:${key}`).update(sid).digest('base64url')}`

export function isValidProof(key: string, sid: string | null | undefined, proof: string | null | undefined): boolean {
  if (!sid || !proof) return false
  const expected = Buffer.from(mfaProof(key, sid))
  const given = Buffer.from(proof)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
