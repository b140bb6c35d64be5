import type { PayloadRequest } from 'payload'

import { actorOf } from '../accounts/actor'
import { recordAuditEvent } from '../audit/record'
import { isHrOfficer, mayReach } from '../domain/access'
import { refuse } from '../domain/errors'
import { chooseForm } from '../domain/forms'
import { EXPORT_FORMS, type ExportForm } from '../domain/signing/signedExport'
import { kickSigningQueue, requestExports } from './service'

/** At most this many records per request (a larger batch is split by the admin). */
export const MAX_BATCH = 500

/**
 * HR asks for the signed sơ yếu lý lịch (or full record) of records in their scope: `staff` ids and `form`
 * ('auto' picks 2C or HS02 by employment type). All or nothing: one record outside the scope (or missing)
 * refuses the whole request and creates nothing. Returns the batch and the new rows; the signing job runs next.
 */
export async function requestSignedExports(req: PayloadRequest, body: { staff?: unknown; form?: unknown } | null) {
  if (!req.user) refuse('unauthenticated', 'account', 'Cần đăng nhập', 'Login required')
  const actor = actorOf(req)
  if (!isHrOfficer(actor)) {
    refuse('forbidden', 'account', 'Chỉ cán bộ tổ chức (đã xác thực hai bước) được yêu cầu văn bản ký số', 'Only HR officers (with the second factor) may request signed exports')
  }
  const ids = Array.isArray(body?.staff) ? [...new Set(body!.staff.map(Number))] : []
  const form = body?.form ?? 'auto'
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id <= 0)) refuse('invalid', 'staff', 'Chọn ít nhất một hồ sơ', 'Select at least one record')
  if (ids.length > MAX_BATCH) refuse('invalid', 'staff', `Mỗi lần tối đa ${MAX_BATCH} hồ sơ`, `At most ${MAX_BATCH} records per request`)
  if (form !== 'auto' && !EXPORT_FORMS.includes(form as ExportForm)) refuse('invalid', 'form', 'Biểu mẫu chỉ nhận auto, 2c, hs02 hoặc full', 'form must be auto, 2c, hs02 or full')
  const found = await req.payload.find({
    collection: 'staff',
    where: { id: { in: ids } },
    select: { unitPath: true, employmentType: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const reachable = found.docs.filter((d) => mayReach(actor, 'update', { id: d.id, unitPath: d.unitPath ?? '' }))
  if (reachable.length !== ids.length) {
    refuse('not-found', 'staff', 'Có hồ sơ không tồn tại hoặc ngoài phạm vi quản lý; không tạo văn bản nào', 'A record does not exist or is outside your scope; nothing was created')
  }
  const items = reachable.map((d) => ({ staffId: d.id, form: form === 'auto' ? chooseForm(d) : (form as ExportForm) }))
  const { batch, ids: created } = await requestExports(req.payload, items, Number(req.user!.id))
  await recordAuditEvent(req, { operation: 'export', collection: 'staff', recordIds: ids, detail: { signedExport: true, batch, count: ids.length } })
  kickSigningQueue(req.payload)
  return { batch, ids: created }
}
