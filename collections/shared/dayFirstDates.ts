import type { CollectionConfig, Field } from 'payload'

/** How a person in Việt Nam reads each kind of date: day first (Payload's picker defaults to MM/dd/yyyy). */
const FORMATS: Record<string, string> = { dayOnly: 'dd/MM/yyyy', default: 'dd/MM/yyyy', dayAndTime: 'dd/MM/yyyy HH:mm', monthOnly: 'MM/yyyy' }

function dayFirst(fields: Field[]): Field[] {
  return fields.map((field) => {
    const f = { ...field } as Field & { fields?: Field[]; tabs?: Array<{ fields: Field[] }>; blocks?: Array<{ fields: Field[] }> }
    if (f.type === 'date') {
      const date = f.admin?.date ?? {}
      const format = FORMATS[(date as { pickerAppearance?: string }).pickerAppearance ?? 'default']
      if (format && !(date as { displayFormat?: string }).displayFormat) f.admin = { ...f.admin, date: { ...date, displayFormat: format } }
    }
    if (Array.isArray(f.fields)) f.fields = dayFirst(f.fields)
    if (Array.isArray(f.tabs)) f.tabs = f.tabs.map((t) => ({ ...t, fields: dayFirst(t.fields) }))
    if (Array.isArray(f.blocks)) f.blocks = f.blocks.map((b) => ({ ...b, fields: dayFirst(b.fields) }))
    return f as Field
  })
}

/** Every date field of every collection shown day first (dd/mm/yyyy), unless the field names its own format. */
export const withDayFirstDates = (collections: CollectionConfig[]): CollectionConfig[] => collections.map((c) => ({ ...c, fields: dayFirst(c.fields) }))
