import config from '@payload-config'
import { headers } from 'next/headers'
import { getPayload } from 'payload'

import { selfServiceForm } from '../../../changeRequests/form'
import { LoginForm } from '../../../components/self/LoginForm'
import { MyRecord } from '../../../components/self/MyRecord'

export const dynamic = 'force-dynamic'

/** "Hồ sơ của tôi": the signed-in person's own record, their declaration and its status. */
export default async function MyRecordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const lang = (await searchParams).lang === 'en' ? 'en' : 'vi'
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  const account = user as { collection?: string; email?: string; staff?: unknown; roles?: string[]; disabled?: boolean } | null
  if (!account || account.collection !== 'accounts' || account.disabled) return <LoginForm lang={lang} />
  const form = await selfServiceForm(payload)
  const isHr = (account.roles ?? []).some((r) => r !== 'staff')
  return <MyRecord lang={lang} form={form} email={account.email ?? ''} showAdminLink={isHr} />
}
