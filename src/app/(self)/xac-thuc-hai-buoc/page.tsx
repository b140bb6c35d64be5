import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { createLocalReq, getPayload } from 'payload'

import { beginEnrolment, safeNextPath, SECOND_FACTOR_ERRORS, type SecondFactorErrorKey } from '../../../accounts/secondFactor'
import { needsSecondFactor } from '../../../accounts/sessionSecondFactor'
import { SecondFactorForm } from '../../../components/self/SecondFactorForm'

export const dynamic = 'force-dynamic'
export const metadata = { title: 'Xác thực hai bước — hoso' }

/**
 * Second sign-in step for HR, auditors and administrators: enrol an authenticator app, or enter its code.
 * Everything is in the server's HTML (the secret and QR code for enrolment, a plain POST form keeping `next`),
 * so a code typed before the page's script has run is verified like one typed after.
 */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams
  const lang = params.lang === 'en' ? 'en' : 'vi'
  const next = safeNextPath(params.next)
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  if (!user) redirect(`/admin/login?redirect=${encodeURIComponent(`/xac-thuc-hai-buoc?next=${encodeURIComponent(next)}`)}`)
  if (!(await needsSecondFactor(payload, user))) redirect(next)
  const account = await payload.findByID({ collection: 'accounts', id: user.id, depth: 0, overrideAccess: true })
  const enrolled = Boolean((account as { totpEnabledAt?: string | null }).totpEnabledAt)
  // Enrolment is idempotent (the pending secret is returned again while valid): rendering twice shows one secret.
  const setup = enrolled ? null : await beginEnrolment(await createLocalReq({ user }, payload))
  const errorKey = params.error && params.error in SECOND_FACTOR_ERRORS ? (params.error as SecondFactorErrorKey) : null
  return (
    <SecondFactorForm
      lang={lang}
      enrolled={enrolled}
      next={next}
      email={String((user as { email?: string }).email ?? '')}
      setup={setup ? { secret: setup.secret, qrSvg: setup.qrSvg } : null}
      error={errorKey ? SECOND_FACTOR_ERRORS[errorKey][lang] : null}
    />
  )
}
