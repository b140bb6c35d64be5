import type { CollectionConfig, Endpoint } from 'payload'

import { breachHandlers } from '../../access/breaches'
import { nobody } from '../../access/nobody'
import { auditChangesHook } from '../../hooks/audit/auditChanges'
import { clockOf, keptUntilOf, notifyByOf, validateBreachRecord } from '../../hooks/breaches/breachRules'
import { BREACH_CLOCK_LABELS, buildBreachNotice, type BreachClock, type BreachInput } from '../../src/domain/breaches'
import { recordAuditEvent } from '../../src/audit/record'
import { renderInPool } from '../../src/workers/pools'
import { bilingualError, handle } from '../shared/responses'
import { label } from '../shared/fields'

const when = (name: string, vi: string, en: string, required = false) =>
  ({ name, type: 'date', required, label: label(vi, en), admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } }) as const
const computed = { readOnly: true, position: 'sidebar' as const }

/** GET /api/breaches/:id/notice.pdf — the notice to the competent authority (NĐ 356/2025 Điều 28 content). */
const noticeEndpoint: Endpoint = {
  path: '/:id/notice.pdf',
  method: 'get',
  handler: handle(async (req) => {
    const id = Number(req.routeParams?.id)
    const found = Number.isSafeInteger(id) && id > 0 && id <= 2 ** 31 - 1
      ? await req.payload.find({ collection: 'breaches', where: { id: { equals: id } }, depth: 0, limit: 1, overrideAccess: false, user: req.user, req })
      : { docs: [] }
    const breach = found.docs[0] as unknown as (BreachInput & { id: number }) | undefined
    if (!breach) return bilingualError(404, 'Không tìm thấy vụ việc', 'Breach not found')
    const bytes = await renderInPool(buildBreachNotice(breach, process.env.HOSO_AGENCY_NAME ?? 'Bộ Nội vụ'))
    await recordAuditEvent(req, { operation: 'export', collection: 'breaches', recordIds: [id], detail: { what: 'breach-notice' } })
    return new Response(bytes as unknown as BodyInit, {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="thong-bao-vi-pham-${id}.pdf"`, 'Cache-Control': 'no-store' },
    })
  }),
}

/**
 * Vi phạm quy định bảo vệ dữ liệu cá nhân — the breach register (Luật 91/2025 Điều 23; NĐ 356/2025 Điều 28–29): what
 * happened, when it was found, the data and number of people concerned, the measures, the 72-hour clock for notifying
 * the competent authority, and how long the file is kept. Never deleted through the API; every change audited.
 */
export const Breaches: CollectionConfig = {
  slug: 'breaches',
  labels: { singular: label('Vi phạm bảo vệ dữ liệu cá nhân', 'Personal-data breach'), plural: label('Vi phạm bảo vệ dữ liệu cá nhân', 'Personal-data breaches') },
  defaultSort: '-foundAt',
  disableDuplicate: true,
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'foundAt', 'affectedCount', 'clock'],
    group: label('Dữ liệu cá nhân', 'Personal data'),
    description: label(
      'Thông báo cơ quan chuyên trách trong 72 giờ kể từ khi phát hiện (Luật Bảo vệ dữ liệu cá nhân Điều 23). Hồ sơ vi phạm được lưu ít nhất 5 năm.',
      'Notify the competent authority within 72 hours of finding the breach (Personal Data Protection Law Art. 23). The file is kept at least 5 years.',
    ),
  },
  access: { read: breachHandlers, create: breachHandlers, update: breachHandlers, delete: nobody },
  endpoints: [noticeEndpoint],
  hooks: { beforeChange: [validateBreachRecord], afterChange: [auditChangesHook(() => false)] },
  fields: [
    { name: 'summary', type: 'text', required: true, label: label('Tóm tắt vi phạm', 'Summary') },
    { name: 'nature', type: 'textarea', label: label('Diễn biến, hành vi vi phạm', 'What happened') },
    { type: 'row', fields: [when('occurredAt', 'Thời điểm xảy ra', 'Occurred at'), when('foundAt', 'Thời điểm phát hiện', 'Found at', true)] },
    { name: 'place', type: 'text', label: label('Địa điểm, hệ thống', 'Place, system') },
    { name: 'categories', type: 'textarea', required: true, label: label('Loại dữ liệu cá nhân liên quan', 'Categories of personal data') },
    { name: 'affectedCount', type: 'number', required: true, min: 0, label: label('Số người bị ảnh hưởng (ước tính)', 'People affected (estimate)') },
    { name: 'consequences', type: 'textarea', label: label('Hậu quả, thiệt hại có thể xảy ra', 'Likely consequences') },
    { name: 'measures', type: 'textarea', label: label('Biện pháp xử lý, giảm thiểu tác hại', 'Measures taken') },
    { name: 'contact', type: 'text', label: label('Liên hệ bộ phận bảo vệ dữ liệu cá nhân', 'Personal-data officer contact') },
    { type: 'row', fields: [when('notifiedAt', 'Đã thông báo cơ quan chuyên trách lúc', 'Authority notified at'), { name: 'notifiedTo', type: 'text', label: label('Cơ quan được thông báo', 'Authority notified') }] },
    when('resolvedAt', 'Khắc phục xong lúc', 'Resolved at'),
    {
      name: 'clock',
      type: 'select',
      virtual: true,
      label: label('Thời hạn 72 giờ', '72-hour clock'),
      options: (Object.keys(BREACH_CLOCK_LABELS) as BreachClock[]).map((k) => ({ value: k, label: BREACH_CLOCK_LABELS[k] })),
      hooks: { afterRead: [clockOf] },
      admin: computed,
    },
    { ...when('notifyBy', 'Hạn thông báo', 'Notify by'), virtual: true, hooks: { afterRead: [notifyByOf] }, admin: { ...computed, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
    { ...when('keptUntil', 'Lưu hồ sơ đến', 'Kept until'), virtual: true, hooks: { afterRead: [keptUntilOf] }, admin: { ...computed, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy' } } },
  ],
}
