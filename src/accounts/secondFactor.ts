import type { PayloadRequest } from 'payload'
import QRCode from 'qrcode'

import { MFA_COOKIE } from './actor'
import { poolOf } from '../db/pool'
import { afterFailure, checkTotp, CODE_MESSAGES, mfaProof, newTotpSecret, totpUri } from './mfa'
import { DomainError, refuse } from '../domain/errors'

interface MfaState {
  email: string
  totpSecret?: string | null
  totpPendingSecret?: string | null
  totpEnabledAt?: string | null
  totpLastStep?: number | null
  mfaFailures?: number | null
  mfaLockedUntil?: string | null
  totpPendingAt?: string | null
}

/** How long an issued, not yet confirmed secret is shown again instead of a new one. */
export const PENDING_SECRET_MS = 15 * 60 * 1000


// TOTP secrets are stored encrypted with the application secret (Payload's encrypt, as for API keys):
// a database dump alone does not let anyone generate codes.
const SECRET_FIELDS = ['totpSecret', 'totpPendingSecret'] as const

async function load(req: PayloadRequest, id: number | string): Promise<MfaState> {
  const doc = (await req.payload.findByID({ collection: 'accounts', id, depth: 0, overrideAccess: true, showHiddenFields: true, req })) as unknown as MfaState
  for (const f of SECRET_FIELDS) if (doc[f]) doc[f] = req.payload.decrypt(doc[f]!)
  return doc
}

function save(req: PayloadRequest, id: number | string, data: Record<string, unknown>) {
  const stored = { ...data }
  for (const f of SECRET_FIELDS) if (typeof stored[f] === 'string') stored[f] = req.payload.encrypt(stored[f] as string)
  return req.payload.update({ collection: 'accounts', id, data: stored as never, overrideAccess: true, context: { secondFactor: true }, req })
}

/** What the second-factor page may say after a form post (`?error=<key>`): a fixed list, never text from the URL. */
export const SECOND_FACTOR_ERRORS = {
  ...CODE_MESSAGES,
  setup: { vi: 'Hãy thiết lập xác thực hai bước trước.', en: 'Set up two-factor sign-in first.' },
  enrolled: { vi: 'Tài khoản đã bật xác thực hai bước.', en: 'Two-factor sign-in is already set up.' },
  session: { vi: 'Phiên đăng nhập không hợp lệ.', en: 'This sign-in has no session.' },
  signIn: { vi: 'Bạn cần đăng nhập.', en: 'Please sign in.' },
} as const
export type SecondFactorErrorKey = keyof typeof SECOND_FACTOR_ERRORS

/** The key of a refusal of this module (for the page's `?error=`); unknown ones read as a wrong code. */
export function secondFactorErrorKey(e: DomainError): SecondFactorErrorKey {
  const vi = e.issues[0]?.vi
  const hit = (Object.keys(SECOND_FACTOR_ERRORS) as SecondFactorErrorKey[]).find((k) => SECOND_FACTOR_ERRORS[k].vi === vi)
  return hit ?? 'wrong'
}

function refuseWith(kind: Parameters<typeof refuse>[0], field: string, key: SecondFactorErrorKey): never {
  refuse(kind, field, SECOND_FACTOR_ERRORS[key].vi, SECOND_FACTOR_ERRORS[key].en)
}

/** Where to go after the second factor: a path of this site only (no `//host`, no `/\\host`), else the admin. */
export const safeNextPath = (next: string | null | undefined): string =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/admin'

function signedIn(req: PayloadRequest) {
  const user = req.user as { id: number; _sid?: string; disabled?: boolean } | null
  if (!user || user.disabled) refuseWith('unauthenticated', 'account', 'signIn')
  if (!user!._sid) refuseWith('invalid', 'session', 'session')
  return user as { id: number; _sid: string }
}

/**
 * Starts enrolment: a pending secret, its otpauth:// URI and a QR code (SVG) to scan. Idempotent: while the
 * pending secret is valid (PENDING_SECRET_MS) the same one is returned, so a page rendered twice, a second tab
 * or React's doubled effect never leaves the person scanning a secret that is no longer the stored one.
 */
export async function beginEnrolment(req: PayloadRequest, now = new Date()) {
  const user = signedIn(req)
  const account = await load(req, user.id)
  if (account.totpSecret) refuseWith('conflict', 'code', 'enrolled')
  const issuedAt = account.totpPendingAt ? new Date(account.totpPendingAt).getTime() : NaN
  let secret = account.totpPendingSecret
  if (!secret || !(now.getTime() - issuedAt < PENDING_SECRET_MS)) {
    // Two renders at once (a prefetch beside the page) must not each store their own secret: the new one is
    // written only if no valid pending secret is there yet (one statement, so the row lock decides), and
    // whoever loses reads the winner's.
    const candidate = newTotpSecret(account.email).secret
    const poolClient = poolOf(req.payload)
    const won = await poolClient.query(
      `UPDATE accounts SET totp_pending_secret = $1, totp_pending_at = $2
        WHERE id = $3 AND totp_secret IS NULL
          AND (totp_pending_secret IS NULL OR totp_pending_at IS NULL OR totp_pending_at <= $4)`,
      [req.payload.encrypt(candidate), now.toISOString(), user.id, new Date(now.getTime() - PENDING_SECRET_MS).toISOString()],
    )
    secret = won.rowCount ? candidate : (await load(req, user.id)).totpPendingSecret
    if (!secret) refuseWith('conflict', 'code', 'enrolled')
  }
  const uri = totpUri(secret!, account.email)
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, width: 220 }) }
}

/**
 * Checks a code for this session: against the pending secret when enrolling, else the enrolled one.
 * Success returns the proof for the session (also set as a cookie by the endpoint).
 */
export async function verifyCode(req: PayloadRequest, code: string) {
  const user = signedIn(req)
  const account = await load(req, user.id)
  const enrolling = !account.totpSecret
  const secret = account.totpSecret ?? account.totpPendingSecret
  if (!secret) refuseWith('conflict', 'code', 'setup')
  const now = new Date()
  const check = checkTotp({
    secret,
    code,
    now,
    lastStep: account.totpLastStep ?? null,
    lockedUntil: account.mfaLockedUntil ? new Date(account.mfaLockedUntil) : null,
  })
  if (!check.ok) {
    if (check.reason === 'wrong') {
      const next = afterFailure(account.mfaFailures ?? 0, now)
      await save(req, user.id, { mfaFailures: next.failures, mfaLockedUntil: next.lockedUntil?.toISOString() ?? null })
    }
    throw new DomainError([{ field: 'code', ...CODE_MESSAGES[check.reason] }], check.reason === 'locked' ? 'too-many' : 'invalid')
  }
  await save(req, user.id, {
    totpLastStep: check.step,
    mfaFailures: 0,
    mfaLockedUntil: null,
    ...(enrolling ? { totpSecret: secret, totpPendingSecret: null, totpPendingAt: null, totpEnabledAt: now.toISOString() } : {}),
  })
  return { proof: mfaProof(req.payload.secret, user._sid), enrolled: enrolling }
}

/** Set-Cookie for the proof: HttpOnly, same-site, as long as a session lasts. */
export function proofCookie(req: PayloadRequest, proof: string): string {
  const secure = (process.env.PUBLIC_URL ?? '').startsWith('https:') || req.headers.get('x-forwarded-proto') === 'https'
  return `${MFA_COOKIE}=${encodeURIComponent(proof)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${8 * 3600}${secure ? '; Secure' : ''}`
}

/** A system administrator clears a person's second factor (lost phone); they enrol again at next sign-in. */
export async function resetSecondFactor(req: PayloadRequest, accountId: number) {
  await save(req, accountId, { totpSecret: null, totpPendingSecret: null, totpPendingAt: null, totpEnabledAt: null, totpLastStep: null, mfaFailures: 0, mfaLockedUntil: null })
}
