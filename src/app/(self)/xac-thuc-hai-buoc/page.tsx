import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { needsSecondFactor } from '../../../accounts/sessionSecondFactor'
import { SecondFactorForm } from '../../../components/self/SecondFactorForm'

export const dynamic = 'force-dynamic'
export const metadata = { title: 'Xác thực hai bước — hoso' }

const safeNext = (next: string | undefined) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/admin')

/** Second sign-in step for HR, auditors and administrators: enrol an authenticator app, or enter its code. */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams
  const lang = params.lang === 'en' ? 'en' : 'vi'
  const next = safeNext(params.next)
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  if (!user) redirect(`/admin/login?redirect=${encodeURIComponent(`/xac-thuc-hai-buoc?next=${next}`)}`)
  if (!(await needsSecondFactor(payload, user))) redirect(next)
  const account = await payload.findByID({ collection: 'accounts', id: user.id, depth: 0, overrideAccess: true })
  return <SecondFactorForm lang={lang} enrolled={Boolean((account as { totpEnabledAt?: string | null }).totpEnabledAt)} next={next} email={String((user as { email?: string }).email ?? '')} />
}
