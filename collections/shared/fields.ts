import type { DateField, Field } from 'payload'

/** Bilingual label: Vietnamese first (the admin's default), English for `en`. */
export const label = (vi: string, en: string) => ({ vi, en })

/** A calendar date shown dd/mm/yyyy; stored as UTC midnight. */
export function dateField(name: string, vi: string, en: string, extra: Partial<DateField> = {}): Field {
  return {
    name,
    type: 'date',
    label: label(vi, en),
    ...extra,
    admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' }, ...extra.admin },
  } as Field
}

/** A month-precision date for history tables ("Từ tháng, năm"), shown mm/yyyy. */
export function monthField(name: string, vi: string, en: string, required = false): Field {
  return {
    name,
    type: 'date',
    required,
    label: label(vi, en),
    admin: { date: { pickerAppearance: 'monthOnly', displayFormat: 'MM/yyyy' } },
  }
}

export const textField = (name: string, vi: string, en: string, extra: Record<string, unknown> = {}): Field =>
  ({ name, type: 'text', label: label(vi, en), ...extra }) as Field

export const textareaField = (name: string, vi: string, en: string, extra: Record<string, unknown> = {}): Field =>
  ({ name, type: 'textarea', label: label(vi, en), ...extra }) as Field

/** A value from one code list (dân tộc, tôn giáo, trình độ …) in the `codes` collection. */
export function codeField(name: string, list: string, vi: string, en: string, extra: Record<string, unknown> = {}): Field {
  return {
    name,
    type: 'relationship',
    relationTo: 'codes',
    label: label(vi, en),
    filterOptions: { list: { equals: list } },
    ...extra,
  } as Field
}

/**
 * The decision fields of a request that waits for a second person (role requests, security requests): who asked,
 * its state, who decided and when — set by the hooks only — and a note.
 */
export function approvalFields(): Field[] {
  const fixed = { create: () => false, update: () => false }
  return [
    { name: 'requestedBy', type: 'relationship', relationTo: 'accounts', access: fixed, label: label('Người đề nghị', 'Requested by') },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      label: label('Trạng thái', 'Status'),
      options: [
        { value: 'pending', label: label('Chờ phê duyệt', 'Pending approval') },
        { value: 'approved', label: label('Đã phê duyệt', 'Approved') },
        { value: 'refused', label: label('Từ chối', 'Refused') },
        { value: 'superseded', label: label('Thay bằng đề nghị sau', 'Superseded') },
      ],
    },
    { name: 'decidedBy', type: 'relationship', relationTo: 'accounts', access: fixed, label: label('Người quyết định', 'Decided by') },
    { name: 'decidedAt', type: 'date', access: fixed, label: label('Thời điểm quyết định', 'Decided at') },
    textareaField('note', 'Ghi chú', 'Note'),
  ]
}
