import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { Payload, TypedUser } from 'payload'

import { isStaffOnly } from '../accounts/staffOnly'
import { isHrOfficer } from '../domain/access'
import { needsSecondFactor } from '../accounts/sessionSecondFactor'

type Props = { payload: Payload; user?: TypedUser | null; i18n?: { language?: string } }

/**
 * Top of the admin dashboard. Staff-only accounts belong in "Hồ sơ của tôi", so they are sent there;
 * HR, auditors and administrators who have not passed the second factor in this session go to
 * /xac-thuc-hai-buoc first. HR sees how many declarations in their scope wait for review, with a link to the queue.
 */
export async function DashboardIntro({ payload, user, i18n }: Props) {
  if (isStaffOnly(user)) redirect('/ho-so-cua-toi')
  if (await needsSecondFactor(payload, user)) redirect('/xac-thuc-hai-buoc?next=/admin')
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  if (!isHrOfficer({ roles })) return null
  const en = i18n?.language === 'en'
  // The request headers carry the session's second-factor proof, which the access rules check.
  const req = { headers: await headers() } as never
  const count = async (status: string) =>
    (await payload.count({ collection: 'change-requests', where: { status: { equals: status } }, overrideAccess: false, user, req })).totalDocs
  const [submitted, returned] = await Promise.all([count('submitted'), count('returned')])
  const queue = '/admin/collections/change-requests?where[status][equals]=submitted&sort=submittedAt'
  return (
    <section className="hoso-dashboard" data-testid="pending-requests">
      <a href={queue} className="hoso-dashboard__card">
        <strong>{submitted}</strong>
        <span>{en ? 'declarations awaiting your approval' : 'yêu cầu cập nhật hồ sơ chờ duyệt'}</span>
      </a>
      <a href="/admin/collections/change-requests?where[status][equals]=returned" className="hoso-dashboard__card">
        <strong>{returned}</strong>
        <span>{en ? 'returned, not yet resubmitted' : 'đã trả lại, chưa gửi lại'}</span>
      </a>
      <a href="/ho-so-cua-toi" className="hoso-dashboard__card">
        <span>{en ? 'My own record' : 'Hồ sơ của tôi'}</span>
      </a>
    </section>
  )
}
