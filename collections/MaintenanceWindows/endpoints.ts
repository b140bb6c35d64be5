import type { Endpoint, PayloadRequest } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { isMinistryHr, isSysadmin } from '../../src/domain/access'
import { refuse } from '../../src/domain/errors'
import { effectiveEnd, type MaintenanceWindow } from '../../src/domain/maintenance'
import { handle } from '../shared/responses'

async function windowOf(req: PayloadRequest): Promise<MaintenanceWindow & { id: number }> {
  const id = Number(req.routeParams?.id)
  if (!Number.isSafeInteger(id) || id <= 0) refuse('not-found', 'id', 'Không có lần tạm dừng này', 'No such maintenance window')
  const doc = await req.payload.findByID({ collection: 'maintenance-windows', id, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!doc) refuse('not-found', 'id', 'Không có lần tạm dừng này', 'No such maintenance window')
  return doc as unknown as MaintenanceWindow & { id: number }
}

/** POST /api/maintenance-windows/:id/approve — ministry HR approves a short notice; the window is announced then. */
export const approveShortNoticeEndpoint: Endpoint = {
  path: '/:id/approve',
  method: 'post',
  handler: handle(async (req) => {
    if (!isMinistryHr(actorOf(req))) refuse('forbidden', 'account', 'Chỉ Vụ Tổ chức cán bộ phê duyệt thông báo gấp', 'Only ministry HR approves a short notice')
    const w = await windowOf(req)
    if (!w.shortNoticeReason) refuse('conflict', 'shortNoticeReason', 'Lần tạm dừng này được thông báo đủ sớm, không cần phê duyệt', 'This window was announced in time; nothing to approve')
    if (w.shortNoticeApprovedAt) refuse('conflict', 'shortNoticeApprovedAt', 'Thông báo gấp này đã được phê duyệt', 'This short notice is already approved')
    if (w.cancelledAt) refuse('conflict', 'cancelledAt', 'Lần tạm dừng này đã bị huỷ', 'This window was cancelled')
    return req.payload.update({
      collection: 'maintenance-windows',
      id: w.id,
      data: { shortNoticeApprovedAt: new Date().toISOString(), shortNoticeApprovedBy: (req.user as { id: number }).id } as never,
      overrideAccess: true,
      req,
    })
  }),
}

/** POST /api/maintenance-windows/:id/end — the system administrator ends a window in force early (the work is done). */
export const endWindowEndpoint: Endpoint = {
  path: '/:id/end',
  method: 'post',
  handler: handle(async (req) => {
    if (!isSysadmin(actorOf(req))) refuse('forbidden', 'account', 'Chỉ quản trị hệ thống kết thúc bảo trì', 'Only a system administrator ends maintenance')
    const w = await windowOf(req)
    const now = Date.now()
    if (Date.parse(w.startsAt) > now || effectiveEnd(w) <= now || w.cancelledAt) {
      refuse('conflict', 'endedAt', 'Lần tạm dừng này không đang diễn ra', 'This window is not in force')
    }
    return req.payload.update({ collection: 'maintenance-windows', id: w.id, data: { endedAt: new Date(now).toISOString() } as never, overrideAccess: true, req })
  }),
}
