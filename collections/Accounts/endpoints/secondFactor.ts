import type { Endpoint, PayloadRequest } from 'payload'

import { actorOf } from '../../../src/accounts/actor'
import { beginEnrolment, proofCookie, safeNextPath, secondFactorErrorKey, verifyCode } from '../../../src/accounts/secondFactor'
import { resetOthersSecondFactor, sendResetLink } from '../../../src/accounts/securityRequests'
import { isSysadmin } from '../../../src/domain/access'
import { DomainError } from '../../../src/domain/errors'
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
 *   POST /api/accounts/mfa/verify {code}  checks a code (first one completes enrolment); sets the proof cookie.
 *        Also takes the page's plain form post (code, next as form fields: it works before the page's script
 *        runs) and answers it with a redirect: to `next` when the code holds, else back to the page with `?error=`.
 *   POST /api/accounts/:id/mfa/reset      system administrator: clear a person's second factor (waits for ministry
 *                                         HR when the account reads personal data: 202 with the request)
 *   POST /api/accounts/:id/reset-link     system administrator: e-mail a password-reset link to the account's own address
 */
export const secondFactorEndpoints: Endpoint[] = [
  { path: '/mfa/setup', method: 'post', handler: handle(async (req) => Response.json(await beginEnrolment(req))) },
  {
    path: '/mfa/verify',
    method: 'post',
    handler: async (req) => {
      if (isFormPost(req)) return verifyFormPost(req)
      return handle(async () => {
        const body = (await req.json?.().catch(() => ({}))) as { code?: unknown }
        const result = await verifyCode(req, String(body?.code ?? ''))
        return Response.json(result, { headers: { 'Set-Cookie': proofCookie(req, result.proof) } })
      })(req)
    },
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

const isFormPost = (req: PayloadRequest) => (req.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')

const redirect = (location: string, cookie?: string) =>
  new Response(null, { status: 303, headers: { Location: location, ...(cookie ? { 'Set-Cookie': cookie } : {}) } })

/** The form post of /xac-thuc-hai-buoc: 303 to `next` with the proof cookie, or back to the page naming the error. */
async function verifyFormPost(req: PayloadRequest): Promise<Response> {
  const form = new URLSearchParams((await req.text?.()) ?? '')
  const next = safeNextPath(form.get('next'))
  const page = (error?: string) => `/xac-thuc-hai-buoc?${new URLSearchParams({ next, ...(error ? { error } : {}) })}`
  if (!req.user) return redirect(`/admin/login?redirect=${encodeURIComponent(page())}`)
  try {
    const result = await verifyCode(req, String(form.get('code') ?? ''))
    return redirect(next, proofCookie(req, result.proof))
  } catch (e) {
    if (e instanceof DomainError) return redirect(page(secondFactorErrorKey(e)))
    throw e
  }
}
