import type { Endpoint, PayloadRequest } from 'payload'

import { actorOf } from '../../../src/accounts/actor'
import { beginEnrolment, proofCookie, verifyCode } from '../../../src/accounts/secondFactor'
import { resetOthersSecondFactor, sendResetLink } from '../../../src/accounts/securityRequests'
import { isSysadmin } from '../../../src/domain/access'
import { handle as handleEndpoint, refusal } from '../../shared/responses'

/** The service checks the sign-in itself (a disabled account or a session-less token is refused there). */
const handle = (work: Parameters<typeof handleEndpoint>[0]) => handleEndpoint(work, { signIn: false })

/** A system administrator's operation on the account named in the path (403 for anyone else, 404 for a bad id). */
const onAnotherAccount = (work: (req: PayloadRequest, id: number) => Promise<unknown>) =>
  handle(async (req) => {
    if (!isSysadmin(actorOf(req))) return refusal(req, 403)
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id)) return Response.json({ errors: [{ message: req.t('error:notFound') }] }, { status: 404 })
    return work(req, id)
  })

/**
 * Two-factor sign-in (TOTP) for HR, auditors and administrators:
 *   POST /api/accounts/mfa/setup          a new secret + QR code for the authenticator app
 *   POST /api/accounts/mfa/verify {code}  checks a code (first one completes enrolment); sets the proof cookie
 *   POST /api/accounts/:id/mfa/reset      system administrator: clear a person's second factor (waits for ministry
 *                                         HR when the account reads personal data: 202 with the request)
 *   POST /api/accounts/:id/reset-link     system administrator: e-mail a password-reset link to the account's own address
 */
export const secondFactorEndpoints: Endpoint[] = [
  { path: '/mfa/setup', method: 'post', handler: handle(async (req) => Response.json(await beginEnrolment(req))) },
  {
    path: '/mfa/verify',
    method: 'post',
    handler: handle(async (req) => {
      const body = (await req.json?.().catch(() => ({}))) as { code?: unknown }
      const result = await verifyCode(req, String(body?.code ?? ''))
      return Response.json(result, { headers: { 'Set-Cookie': proofCookie(req, result.proof) } })
    }),
  },
  {
    path: '/:id/mfa/reset',
    method: 'post',
    handler: onAnotherAccount(async (req, id) => {
      const result = await resetOthersSecondFactor(req, id)
      return Response.json(result, { status: result.pending ? 202 : 200 })
    }),
  },
  {
    path: '/:id/reset-link',
    method: 'post',
    handler: onAnotherAccount((req, id) => sendResetLink(req, id)),
  },
]
