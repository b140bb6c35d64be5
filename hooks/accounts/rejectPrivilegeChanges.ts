import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { isSysadmin } from '../../src/domain/access'
import { changedFields } from '../../src/domain/fieldChanges'

const PRIVILEGED = ['roles', 'unit', 'staff'] as const
const LABELS: Record<string, { vi: string; en: string }> = {
  roles: { vi: 'Vai trò', en: 'Roles' },
  unit: { vi: 'Đơn vị phụ trách', en: 'Unit in charge' },
  staff: { vi: 'Hồ sơ cán bộ', en: 'Staff record' },
}

/**
 * Payload silently drops a write to a field the user may not update; a person trying to give
 * themselves a role must hear "no" instead (and nothing is stored).
 */
export const rejectPrivilegeChanges: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'update' || !req.user || isSysadmin(actorOf(req))) return args
  const data = (args as { data?: Record<string, unknown> }).data
  const id = (args as { id?: number | string }).id
  if (!data) return args
  let changed: string[]
  if (id == null) {
    // A bulk update (PATCH /api/accounts?where=…) reaches at most one's own account for anyone but a system
    // administrator: naming a privileged field in it is that same attempt, refused the same way, not dropped.
    changed = PRIVILEGED.filter((f) => f in data)
  } else {
    // Only one's own account: for others, update access answers (no hint about their roles).
    if (String(id) !== String(req.user.id)) return args
    const original = await req.payload.findByID({ collection: 'accounts', id, depth: 0, overrideAccess: true, disableErrors: true, req })
    changed = changedFields(data, original as Record<string, unknown> | null, PRIVILEGED)
  }
  if (!changed.length) return args
  const en = req.i18n?.language === 'en'
  const names = changed.map((f) => (en ? LABELS[f]!.en : LABELS[f]!.vi)).join(', ')
  throw new APIError(
    en ? `Only a system administrator may change: ${names}` : `Chỉ quản trị hệ thống mới được thay đổi: ${names}`,
    403,
    { errors: changed.map((f) => ({ path: f, message: en ? 'Not allowed' : 'Không có quyền thay đổi' })) },
    true,
  )
}
