import type { CollectionConfig, PayloadRequest } from 'payload'

import { readConsents } from '../../access/consents'
import { nobody } from '../../access/nobody'
import { giveConsent, withdrawConsent } from '../../src/dataRequests/consents'
import { refuse } from '../../src/domain/errors'
import { handle } from '../shared/responses'
import { label } from '../shared/fields'

async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const body = (await req.json?.()) ?? {}
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // fall through
  }
  refuse('invalid', 'body', 'Dữ liệu gửi lên phải là một đối tượng JSON', 'The request body must be a JSON object')
}

const at = (name: string, vi: string, en: string) =>
  ({ name, type: 'date', label: label(vi, en), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm:ss' } } }) as const

/**
 * Sự đồng ý của chủ thể dữ liệu (NĐ 356/2025 Điều 6) — the proof of consent for the items the ministry holds only by
 * consent: which item, the text agreed, when, and the withdrawal. Written only by the person through the endpoints:
 *   POST /api/consents/mine           {item, text, agree: true}
 *   POST /api/consents/:id/withdraw   the item is removed from the record at once
 */
export const Consents: CollectionConfig = {
  slug: 'consents',
  labels: { singular: label('Sự đồng ý xử lý dữ liệu', 'Consent'), plural: label('Sự đồng ý xử lý dữ liệu', 'Consents') },
  defaultSort: '-givenAt',
  disableDuplicate: true,
  admin: { useAsTitle: 'item', defaultColumns: ['item', 'staff', 'givenAt', 'withdrawnAt'], group: label('Dữ liệu cá nhân', 'Personal data') },
  access: { read: readConsents, create: nobody, update: nobody, delete: nobody },
  endpoints: [
    { path: '/mine', method: 'post', handler: handle(async (req) => giveConsent(req, await bodyOf(req))) },
    {
      path: '/:id/withdraw',
      method: 'post',
      handler: handle(async (req) => {
        const id = Number(req.routeParams?.id)
        if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) refuse('not-found', 'id', 'Không tìm thấy sự đồng ý', 'Consent not found')
        return withdrawConsent(req, id)
      }),
    },
  ],
  fields: [
    { name: 'staff', type: 'relationship', relationTo: 'staff', required: true, index: true, label: label('Chủ thể dữ liệu', 'Data subject'), admin: { readOnly: true } },
    { name: 'item', type: 'text', required: true, label: label('Mục dữ liệu', 'Item'), admin: { readOnly: true } },
    { name: 'text', type: 'textarea', required: true, label: label('Nội dung được đồng ý', 'Text agreed to'), admin: { readOnly: true } },
    at('givenAt', 'Đồng ý lúc', 'Given at'),
    { name: 'givenBy', type: 'relationship', relationTo: 'accounts', label: label('Tài khoản', 'Account'), admin: { readOnly: true, hidden: true } },
    at('withdrawnAt', 'Rút lại lúc', 'Withdrawn at'),
  ],
}
