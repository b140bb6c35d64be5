/**
 * Sign-in without enumeration or lock-outs (rules: src/domain/signIn.ts, docs/security.md).
 *
 * - Throttling: counted in PostgreSQL by client address and by account-from-address (src/rateLimit/); a
 *   refusal names no account and reads the same for an address that exists and one that does not.
 * - Same work: Payload looks the account up and hashes the password only when it exists, so an unknown address
 *   answered in a tenth of the time. For an unknown address the same password hash (Payload's current PBKDF2
 *   parameters) is computed here, so both answers cost one lookup and one hash.
 */
import crypto from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { poolOf } from '../db/pool'
import { DomainError } from '../domain/errors'
import { resetThrottled, signInThrottled, SIGN_IN_LIMITS } from '../domain/signIn'
import { keyDigest } from '../rateLimit/keys'
import { rateLimiter } from '../rateLimit/limiter'

/** Payload 3.90's current password hash (payload/dist/auth/strategies/local/generatePasswordSaltHash.js). */
const PBKDF2 = { iterations: 600_000, keyLength: 32, digest: 'sha256' } as const

/** The address the request came from as the HTTP layer saw it (src/server/app.ts); none for the Local API. */
export function clientAddress(req: PayloadRequest): string | null {
  const h = req.headers as Headers | undefined
  const v = typeof h?.get === 'function' ? h.get('x-hoso-client-ip') : null
  return v ? v.slice(0, 100) : null
}

const normalEmail = (email: unknown) => (typeof email === 'string' ? email.toLowerCase().trim() : '')

function keys(payload: Payload, email: string, address: string) {
  return {
    address: `sign-in:address:${address}`,
    accountFromAddress: `sign-in:account:${keyDigest(payload.secret, email)}:${address}`,
    resetFromAddress: `reset:address:${address}`,
  }
}

/** One hash as Payload would compute it, on a password that matches nothing. */
export function decoyPasswordHash(password: string): Promise<void> {
  const salt = crypto.randomBytes(32).toString('hex')
  return new Promise((resolve, reject) =>
    crypto.pbkdf2(password, salt, PBKDF2.iterations, PBKDF2.keyLength, PBKDF2.digest, (err) => (err ? reject(err) : resolve())),
  )
}

/**
 * Before Payload's own login: counts the attempt (refused with 429 over the limit, the same for every e-mail),
 * and for an e-mail that names no account does the password hash Payload skips.
 */
export async function beforeSignIn(req: PayloadRequest, data: { email?: unknown; password?: unknown }): Promise<void> {
  const email = normalEmail(data.email)
  const address = clientAddress(req)
  if (address && email) {
    const k = keys(req.payload, email, address)
    const limiter = rateLimiter(poolOf(req.payload))
    const byAddress = await limiter.hit(k.address, SIGN_IN_LIMITS.address)
    const byAccount = await limiter.hit(k.accountFromAddress, SIGN_IN_LIMITS.accountFromAddress)
    const refused = [byAddress, byAccount].filter((r) => !r.allowed)
    if (refused.length) throw new DomainError([signInThrottled(Math.max(...refused.map((r) => r.retryAfterSeconds)))], 'too-many')
  }
  if (typeof data.password !== 'string' || data.password.trim() === '' || !email) return
  const { rowCount } = await poolOf(req.payload).query('SELECT 1 FROM accounts WHERE email = $1', [email])
  if (!rowCount) await decoyPasswordHash(data.password)
}

/**
 * A successful sign-in clears its account-from-address count and takes its own attempt back from the address
 * count: the address limit counts failures (an office signing in all morning is not throttled), and signing in
 * to one's own account in between does not wipe an attacker's failures either.
 */
export async function afterSignIn(req: PayloadRequest, email: string): Promise<void> {
  const address = clientAddress(req)
  if (!address) return
  const k = keys(req.payload, normalEmail(email), address)
  const limiter = rateLimiter(poolOf(req.payload))
  await limiter.reset(k.accountFromAddress)
  await limiter.release(k.address)
}

/** Password-reset e-mails asked from one address are limited (the answer is the same for every e-mail). */
export async function beforeResetRequest(req: PayloadRequest): Promise<void> {
  const address = clientAddress(req)
  if (!address) return
  const r = await rateLimiter(poolOf(req.payload)).hit(keys(req.payload, '', address).resetFromAddress, SIGN_IN_LIMITS.resetFromAddress)
  if (!r.allowed) throw new DomainError([resetThrottled(r.retryAfterSeconds)], 'too-many')
}
