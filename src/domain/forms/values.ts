/** Turning record values into printed text: one place for blanks, dates, code names and "highest" items. */
import { formatDate, formatMonthYear, toDate, type DateInput } from '../dates'
import { formatCoefficient } from '../money'
import { BLANK, type FormOptions, type PrintRecord } from './model'

/** Text of a value, or the form's blank. Text is NFC-normalised (pdf-lib draws NFD marks beside the vowel). */
export function text(v: unknown): string {
  if (v == null) return BLANK
  const s = String(v).normalize('NFC').trim()
  return s === '' ? BLANK : s
}

/** Joins the non-empty parts with `sep`, or the blank when none. */
export function joined(parts: unknown[], sep = ', '): string {
  const kept = parts.map((p) => (p == null ? '' : String(p).trim())).filter((p) => p !== '')
  return kept.length ? text(kept.join(sep)) : BLANK
}

export const date = (v: DateInput): string => formatDate(v) || BLANK
export const month = (v: DateInput): string => formatMonthYear(v) || BLANK
export const coefficient = (v: number | null | undefined): string => (v == null ? BLANK : formatCoefficient(v))
export const number = (v: number | null | undefined): string => (v == null ? BLANK : String(v).replace('.', ','))

/** Name of a populated relationship (code, rank, unit); the blank when empty or not populated. */
export function nameOf(v: unknown): string {
  if (v && typeof v === 'object' && 'name' in v) return text((v as { name: unknown }).name)
  return BLANK
}

/** Raw name or '' (for joining). */
export function rawName(v: unknown): string {
  return v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name ?? '') : ''
}

export function codeOf(v: unknown): string {
  return v && typeof v === 'object' && 'code' in v ? text((v as { code: unknown }).code) : BLANK
}

/** A cell of a table: like text() but empty stays empty (a table row shows its blanks as empty cells). */
export function cell(v: unknown): string {
  if (v == null) return ''
  return String(v).normalize('NFC').trim()
}

export const cellMonth = (v: DateInput): string => formatMonthYear(v)
export const cellDate = (v: DateInput): string => formatDate(v)

export const GENDER: Record<string, string> = { male: 'Nam', female: 'Nữ' }

/** "Từ tháng, năm - đến tháng, năm" cell: "09/2007 - 06/2011", open end "09/2007 - nay". */
export function period(from: DateInput, to: DateInput): string {
  const f = formatMonthYear(from)
  const t = formatMonthYear(to)
  if (!f && !t) return ''
  return `${f || '…'} - ${t || 'nay'}`
}

/** The highest entry by the code list's `rank` (thu_tu), with its year: "Bằng khen cấp Bộ, năm 2021". */
export function highest<T>(rows: T[], form: (r: T) => unknown, year: (r: T) => number | null | undefined): string {
  let best: { rank: number; name: string; year: number | null | undefined } | null = null
  for (const r of rows) {
    const f = form(r) as { rank?: number | null; name?: string } | null
    if (!f || typeof f !== 'object' || !f.name) continue
    const rank = f.rank ?? 0
    const y = year(r)
    if (!best || rank > best.rank || (rank === best.rank && (y ?? 0) > (best.year ?? 0))) best = { rank, name: f.name, year: y }
  }
  if (!best) return BLANK
  return text(best.year ? `${best.name}, năm ${best.year}` : best.name)
}

export const yearOf = (d: DateInput): number | null => toDate(d)?.getUTCFullYear() ?? null

/** "Hà Nội, ngày 25 tháng 11 năm 2026"; blanks for handwriting where nothing is given. */
export function placeAndDate(o: FormOptions): string {
  const place = o.place?.trim() || '…………'
  if (!o.date) return `${place}, ngày …… tháng …… năm 20……`
  const d = o.date
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${place}, ngày ${pad(d.getUTCDate())} tháng ${pad(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`
}

/** Rows of a history, or none. */
export function rowsOf<K extends keyof PrintRecord>(record: PrintRecord, key: K): NonNullable<PrintRecord[K]> {
  return (record[key] ?? []) as NonNullable<PrintRecord[K]>
}

/** Current unit's name (populated relationship). */
export function unitName(record: PrintRecord): string {
  return nameOf(record.unit)
}

/** Upper case the Vietnamese way (item 1: "viết chữ in hoa"). */
export const upper = (s: string): string => (s === BLANK ? s : s.toLocaleUpperCase('vi'))
