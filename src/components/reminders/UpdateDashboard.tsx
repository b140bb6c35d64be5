import type { TypedUser } from 'payload'

import { reminderScope } from '../../domain/reminders'
import { UpdateDashboardClient } from './UpdateDashboardClient'

type Props = { user?: TypedUser | null; i18n?: { language?: string } }

/**
 * "Tình hình cập nhật hồ sơ" on the admin home, for unit HR, unit heads (their subtree) and ministry HR:
 * per unit % complete and counts, drill-down to people, Excel export, and (HR) "Nhắc cập nhật".
 * The figures come from /api/reminder-sends/*, which applies the same scope on the server.
 */
export function UpdateDashboard({ user, i18n }: Props) {
  const u = user as { roles?: string[]; unit?: unknown } | null | undefined
  const unit = u?.unit && typeof u.unit === 'object' ? (u.unit as { id: number }).id : (u?.unit as number | null | undefined)
  const scope = reminderScope(u ? { roles: u.roles ?? [], unitId: unit ?? null } : null)
  if (scope.kind === 'none') return null
  return <UpdateDashboardClient en={i18n?.language === 'en'} mayUrge={scope.mayUrge} />
}
