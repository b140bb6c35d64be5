import type { Endpoint, PayloadRequest } from 'payload'

import { actorOf } from '../../../src/accounts/actor'
import { beginEnrolment, proofCookie, resetSecondFactor, safeNextPath, secondFactorErrorKey, verifyCode } from '../../../src/accounts/secondFactor'
import { isSysadmin } from '../../../src/domain/access'
import { DomainError } from '../../../src/domain/errors'
import { handle as handleEndpoint, refusal } from '../../shared/responses'

/** The service checks the sign-in itself (a disabled account or a session-less token is refused there). */
const handle = (work: Parameters<typeof handleEndpoint>[0]) => handleEndpoint(work, { signIn: false })

/**
 * Two-factor sign-in (TOTP) for HR, auditors and administrators:
 *   POST /api/accounts/mfa/setup          a new secret + QR code for the authenticator app
 *   POST /api/accounts/mfa/verify {code}  checks a code (first one completes enrolment); sets the proof cookie.
 *        Also takes the page's plain form post (code, next as form fields: it works before the page's script
 *        runs) and answers it with a redirect: to `next` when the code holds, else back to the page with `?error=`.
 *   POST /api/accounts/:id/mfa/reset      system administrator: clear a person's second factor
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
    handler: handle(async (req) => {
      if (!isSysadmin(actorOf(req))) return refusal(req, 403)
      const id = Number(req.routeParams?.id)
      if (!Number.isInteger(id)) return Response.json({ errors: [{ message: req.t('error:notFound') }] }, { status: 404 })
      await resetSecondFactor(req, id)
      return Response.json({ ok: true })
    }),
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
