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
