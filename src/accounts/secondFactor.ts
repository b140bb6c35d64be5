import type { PayloadRequest } from 'payload'
import QRCode from 'qrcode'

import { MFA_COOKIE } from './actor'
import { afterFailure, checkTotp, CODE_MESSAGES, mfaProof, newTotpSecret } from './mfa'
import { DomainError, refuse } from '../domain/errors'

interface MfaState {
  email: string
  totpSecret?: string | null
  totpPendingSecret?: string | null
  totpEnabledAt?: string | null
  totpLastStep?: number | null
  mfaFailures?: number | null
  mfaLockedUntil?: string | null
}


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

function signedIn(req: PayloadRequest) {
  const user = req.user as { id: number; _sid?: string; disabled?: boolean } | null
  if (!user || user.disabled) refuse('unauthenticated', 'account', 'Bạn cần đăng nhập.', 'Please sign in.')
  if (!user!._sid) refuse('invalid', 'session', 'Phiên đăng nhập không hợp lệ.', 'This sign-in has no session.')
  return user as { id: number; _sid: string }
}

/** Starts enrolment: a new pending secret, its otpauth:// URI and a QR code (SVG) to scan. */
export async function beginEnrolment(req: PayloadRequest) {
  const user = signedIn(req)
  const account = await load(req, user.id)
  if (account.totpSecret) refuse('conflict', 'code', 'Tài khoản đã bật xác thực hai bước.', 'Two-factor sign-in is already set up.')
  const { secret, uri } = newTotpSecret(account.email)
  await save(req, user.id, { totpPendingSecret: secret })
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
  if (!secret) refuse('conflict', 'code', 'Hãy thiết lập xác thực hai bước trước.', 'Set up two-factor sign-in first.')
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
    ...(enrolling ? { totpSecret: secret, totpPendingSecret: null, totpEnabledAt: now.toISOString() } : {}),
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
  await save(req, accountId, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, mfaFailures: 0, mfaLockedUntil: null })
}
