/**
 * "Bản in rà soát thông tin": every item of a record, grouped as the admin's tabs, for the person or HR to
 * check on paper. Pending (unapproved) changes are printed beside the approved value they would replace.
 * Which items exist and their labels come from the collection configuration (`ReviewSchema`, built by
 * src/pdf/reviewSchema.ts), so the print never drifts from the admin.
 */
import { formatDate, formatMonthYear } from '../dates'
import type { FieldChange, RowChange } from '../recordDiff'
import { HISTORY_SLUGS, type Block, type FormDocument, type FormOptions, type HistoryName, type PrintRecord, type RowMark, type TableColumn } from './model'
import { GENDER, placeAndDate } from './values'

export interface ReviewField {
  /** Dot path in the record ("economy.incomeSalary"). */
  path: string
  label: string
  type: 'text' | 'textarea' | 'email' | 'date' | 'month' | 'number' | 'select' | 'relationship' | 'upload' | 'checkbox'
  /** Option labels of a select, by value. */
  options?: Record<string, string>
}

export interface ReviewSchema {
  groups: Array<{ title: string; fields: ReviewField[] }>
  histories: Array<{ name: HistoryName; title: string; fields: ReviewField[] }>
}

export interface PendingChanges {
  fields: FieldChange[]
  rows: RowChange[]
}

export const NO_PENDING: PendingChanges = { fields: [], rows: [] }

export const REVIEW_TITLE = 'BẢN IN RÀ SOÁT THÔNG TIN'
const NOT_DECLARED = '(chưa khai)'

export interface ReviewOptions {
  schema: ReviewSchema
  /** Printed in the footer of every page. */
  printedAt: Date
}

/** A value as text for the review print: dates dd/mm/yyyy, code names, option labels; '' when empty. */
export function reviewValue(field: ReviewField, v: unknown): string {
  if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return ''
  switch (field.type) {
    case 'date':
      return formatDate(v as string) || String(v)
    case 'month':
      return formatMonthYear(v as string) || String(v)
    case 'number':
      return typeof v === 'number' ? String(v).replace('.', ',') : String(v)
    case 'checkbox':
      return v ? 'Có' : 'Không'
    case 'select':
      return field.options?.[String(v)] ?? GENDER[String(v)] ?? String(v)
    case 'relationship':
    case 'upload':
      if (typeof v === 'object') {
        const o = v as { name?: string; code?: string; filename?: string; id?: unknown }
        if (o.name) return o.code && field.path === 'rank' ? `${o.name} (${o.code})` : o.name
        if (o.filename) return o.filename
        return o.id != null ? `(mã ${String(o.id)})` : ''
      }
      return `(mã ${String(v)})`
    default:
      return String(v).normalize('NFC').trim()
  }
}

function at(record: unknown, path: string): unknown {
  let v: unknown = record
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined
  return v
}

export function buildReviewPrint(record: PrintRecord, pending: PendingChanges = NO_PENDING, options: ReviewOptions): FormDocument {
  const { schema } = options
  const pendingByPath = new Map(pending.fields.map((c) => [c.field, c]))
  const columns: TableColumn[] = [
    { header: 'Thông tin', width: 34 },
    { header: 'Giá trị đã duyệt', width: 38 },
    { header: 'Thay đổi chờ duyệt', width: 28 },
  ]
  const blocks: Block[] = [
    { kind: 'title', text: REVIEW_TITLE, subtitle: `${record.fullName?.normalize('NFC') ?? ''} — Số hiệu ${record.staffCode ?? ''}` },
    {
      kind: 'paragraph',
      label: 'Đối chiếu từng mục; mục có thay đổi chờ duyệt được đánh dấu ở cột phải. Ô trống: chưa khai hoặc không được xem.',
      value: '',
    },
  ]
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX']
  let n = 0
  for (const group of schema.groups) {
    const rows: string[][] = []
    const marks: Array<RowMark | null> = []
    for (const field of group.fields) {
      const change = pendingByPath.get(field.path)
      rows.push([field.label, reviewValue(field, at(record, field.path)), change ? pendingText(field, change.after) : ''])
      marks.push(change ? { kind: 'changed', note: 'Chờ duyệt' } : null)
    }
    blocks.push({ kind: 'section', number: `${roman[n++]}.`, title: group.title.toLocaleUpperCase('vi') })
    blocks.push({ kind: 'table', columns, rows, marks })
  }
  // Pending changes to fields the schema does not list (should not happen) are still shown, never dropped.
  const known = new Set(schema.groups.flatMap((g) => g.fields.map((f) => f.path)))
  const stray = pending.fields.filter((c) => !known.has(c.field))
  if (stray.length) {
    blocks.push({ kind: 'subheading', text: 'Thay đổi chờ duyệt ở mục khác' })
    blocks.push({
      kind: 'table',
      columns,
      rows: stray.map((c) => [c.field, plain(c.before), plain(c.after)]),
      marks: stray.map(() => ({ kind: 'changed', note: 'Chờ duyệt' })),
    })
  }

  for (const h of schema.histories) {
    const slug = HISTORY_SLUGS[h.name]
    const rowsOfHistory = (record[h.name] ?? []) as unknown as Array<Record<string, unknown>>
    const changes = pending.rows.filter((c) => c.collection === slug)
    const hColumns: TableColumn[] = [
      ...h.fields.map((f) => ({ header: f.label, width: f.type === 'textarea' ? 24 : f.type === 'text' ? 16 : 10 })),
      { header: 'Thay đổi chờ duyệt', width: 18 },
    ]
    const rows: string[][] = []
    const marks: Array<RowMark | null> = []
    for (const row of rowsOfHistory) {
      const change = changes.find((c) => c.id != null && String(c.id) === String(row.id))
      rows.push([...h.fields.map((f) => reviewValue(f, row[f.path])), change ? rowChangeText(h.fields, change) : ''])
      marks.push(change ? { kind: change.kind, note: change.kind === 'removed' ? 'Đề nghị xóa' : 'Đề nghị sửa' } : null)
    }
    for (const change of changes.filter((c) => c.kind === 'added')) {
      rows.push([...h.fields.map((f) => reviewValue(f, change.after?.[f.path])), 'Đề nghị thêm mới'])
      marks.push({ kind: 'added', note: 'Đề nghị thêm mới' })
    }
    blocks.push({ kind: 'section', number: `${roman[n++]}.`, title: h.title.toLocaleUpperCase('vi') })
    if (!rows.length) blocks.push({ kind: 'paragraph', label: NOT_DECLARED, value: '' })
    else blocks.push({ kind: 'table', columns: hColumns, rows, marks })
  }
  return { form: 'review', title: `${REVIEW_TITLE} — ${record.fullName ?? ''}`, blocks, footer: `In ngày ${formatDate(options.printedAt)}` }
}

function pendingText(field: ReviewField, after: unknown): string {
  const v = reviewValue(field, after)
  return v === '' ? '(xóa giá trị)' : v
}

function plain(v: unknown): string {
  if (v == null) return ''
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}

function rowChangeText(fields: ReviewField[], change: RowChange): string {
  if (change.kind === 'removed') return 'Đề nghị xóa dòng này'
  const parts = (change.fields ?? []).map((c) => {
    const f = fields.find((x) => x.path === c.field)
    return f ? `${f.label}: ${pendingText(f, c.after)}` : `${c.field}: ${plain(c.after)}`
  })
  return parts.length ? `Đề nghị sửa — ${parts.join('; ')}` : 'Đề nghị sửa'
}

export const EXTRACT_TITLE = 'TRÍCH XUẤT HỒ SƠ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC'

/**
 * The full official record as a document the agency certifies (a signed export of "the full record"):
 * every item and history of the review print, without the pending-changes column, with the managing
 * agency's signature block at the end.
 */
export function buildRecordExtract(record: PrintRecord, options: ReviewOptions & FormOptions): FormDocument {
  const review = buildReviewPrint(record, NO_PENDING, options)
  const blocks: Block[] = review.blocks.map((b) =>
    b.kind === 'table' ? { ...b, columns: b.columns.slice(0, -1), rows: b.rows.map((r) => r.slice(0, -1)), marks: undefined } : b,
  )
  blocks[0] = { kind: 'title', text: EXTRACT_TITLE, subtitle: `${record.fullName?.normalize('NFC') ?? ''} — Số hiệu ${record.staffCode ?? ''}` }
  blocks[1] = { kind: 'paragraph', label: 'Thông tin chính thức (đã được duyệt) trong cơ sở dữ liệu hồ sơ tại thời điểm trích xuất. Ô trống: chưa khai.', value: '' }
  blocks.push({
    kind: 'signatures',
    left: { title: '', lines: [] },
    right: { placeDate: placeAndDate(options), title: 'Thủ trưởng cơ quan, đơn vị quản lý', lines: ['(Ký tên, đóng dấu)'] },
  })
  return { form: 'extract', title: `${EXTRACT_TITLE} — ${record.fullName ?? ''}`, blocks, footer: review.footer }
}
