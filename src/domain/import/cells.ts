/**
 * One Excel cell ↔ one item of the canonical record. Dates are real Excel dates or dd/mm/yyyy text; a text that
 * could be read as mm/dd (month above 12, a two-digit year, a bare serial number) is refused by name, never
 * guessed. List columns take "code - name" (what the drop-down offers), the code alone or the exact name.
 */
import { searchKey } from '../names'
import type { Json } from '../record/canonical'
import type { FieldSpec } from '../record/schema'
import { CLEAR_MARKER } from './layout'

/** Reference data a cell may name: code lists, units, ranks, select labels. */
export interface ReferenceLists {
  codes(list: string): ReadonlyArray<{ code: string; name: string }>
  units(): ReadonlyArray<{ code: string; name: string }>
  ranks(): ReadonlyArray<{ code: string; name: string }>
  /** Labels of a select's values (Nam/Nữ …), by the field's key. */
  selectLabels(key: string): ReadonlyArray<{ value: string; label: string }>
}

export type CellReading = { kind: 'empty' } | { kind: 'clear' } | { kind: 'value'; value: Json } | { kind: 'problem'; vi: string; en: string }

/** A cell's plain value as exceljs gives it (rich text joined; a formula is refused before this). */
export type RawCell = string | number | boolean | Date | null | undefined

const pad2 = (n: number) => String(n).padStart(2, '0')
const isoDay = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()

const problem = (vi: string, en: string): CellReading => ({ kind: 'problem', vi, en })

/** An Excel date cell: exceljs gives the day as UTC midnight. */
const dayOfDate = (d: Date) => isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())

function readDate(raw: RawCell): CellReading {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return problem('không phải ngày hợp lệ', 'is not a valid date')
    // Excel stores a date; a time part (e.g. 23:59:59.999 from a conversion) is rounded to the nearest day.
    return { kind: 'value', value: dayOfDate(new Date(Math.round(raw.getTime() / 86_400_000) * 86_400_000)) }
  }
  if (typeof raw === 'number') return problem('là một số, không rõ là ngày nào: ghi dạng dd/mm/yyyy', 'is a number, not clearly a date: write dd/mm/yyyy')
  const s = String(raw).trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    return validDay(y, m, d) ? { kind: 'value', value: isoDay(y, m, d) } : problem(`"${s}" không phải ngày có thật`, `"${s}" is not a real day`)
  }
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s)
  if (!vn) return problem(`"${s}" không đúng dạng dd/mm/yyyy`, `"${s}" is not in the form dd/mm/yyyy`)
  const [d, m, yText] = [Number(vn[1]), Number(vn[2]), vn[3]!]
  if (yText.length === 2) return problem(`"${s}": năm phải đủ 4 chữ số (dd/mm/yyyy)`, `"${s}": the year needs 4 digits (dd/mm/yyyy)`)
  const y = Number(yText)
  if (m > 12 && d <= 12) return problem(`"${s}" có dạng tháng/ngày (mm/dd); hãy ghi ngày/tháng/năm (dd/mm/yyyy)`, `"${s}" looks like mm/dd; write dd/mm/yyyy`)
  return validDay(y, m, d) ? { kind: 'value', value: isoDay(y, m, d) } : problem(`"${s}" không phải ngày có thật`, `"${s}" is not a real day`)
}

function readMonth(raw: RawCell): CellReading {
  if (raw instanceof Date) {
    const r = readDate(raw)
    return r.kind === 'value' ? { kind: 'value', value: (r.value as string).slice(0, 7) } : r
  }
  if (typeof raw === 'number') return problem('là một số, không rõ là tháng nào: ghi dạng mm/yyyy', 'is a number, not clearly a month: write mm/yyyy')
  const s = String(raw).trim()
  const iso = /^(\d{4})-(\d{2})$/.exec(s)
  const vn = /^(\d{1,2})[/.-](\d{4})$/.exec(s)
  const [y, m] = iso ? [Number(iso[1]), Number(iso[2])] : vn ? [Number(vn[2]), Number(vn[1])] : [0, 0]
  if (!iso && !vn) {
    const day = readDate(raw)
    return day.kind === 'value' ? { kind: 'value', value: (day.value as string).slice(0, 7) } : problem(`"${s}" không đúng dạng mm/yyyy`, `"${s}" is not in the form mm/yyyy`)
  }
  return m >= 1 && m <= 12 ? { kind: 'value', value: `${y}-${pad2(m)}` } : problem(`"${s}": tháng phải từ 1 đến 12`, `"${s}": the month must be 1 to 12`)
}

function readNumber(raw: RawCell, integer: boolean): CellReading {
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(',', '.'))
  if (typeof raw === 'boolean' || raw instanceof Date || !Number.isFinite(n)) return problem(`"${String(raw)}" không phải là số`, `"${String(raw)}" is not a number`)
  if (integer && !Number.isInteger(n)) return problem(`"${String(raw)}" phải là số nguyên`, `"${String(raw)}" must be a whole number`)
  return { kind: 'value', value: n }
}

/** "code - name", the code, or the name (accents and case ignored). */
function pickFrom(entries: ReadonlyArray<{ code: string; name: string }>, text: string): string | null {
  const code = text.includes(' - ') ? text.slice(0, text.indexOf(' - ')).trim() : text
  const byCode = entries.find((e) => e.code === code)
  if (byCode) return byCode.code
  const key = searchKey(text)
  const byName = entries.filter((e) => searchKey(e.name) === key)
  return byName.length === 1 ? byName[0]!.code : null
}

const asText = (raw: RawCell) => (raw instanceof Date ? dayOfDate(raw) : String(raw)).normalize('NFC').trim()

/** Reads one cell of an item. */
export function readCell(field: FieldSpec, raw: RawCell, refs: ReferenceLists): CellReading {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { kind: 'empty' }
  if (typeof raw === 'string' && raw.trim().toUpperCase() === CLEAR_MARKER.toUpperCase()) return { kind: 'clear' }
  const type = field.type
  switch (type.kind) {
    case 'date':
      return readDate(raw)
    case 'month':
      return readMonth(raw)
    case 'number':
      return readNumber(raw, false)
    case 'integer':
      return readNumber(raw, true)
    case 'text':
    case 'email':
      return { kind: 'value', value: asText(raw) }
    case 'select': {
      const text = asText(raw)
      const labels = refs.selectLabels(field.key)
      const hit = type.options.find((o) => o === text) ?? labels.find((l) => searchKey(l.label) === searchKey(text))?.value
      return hit && type.options.includes(hit)
        ? { kind: 'value', value: hit }
        : problem(`"${text}" không phải một lựa chọn (${(labels.length ? labels.map((l) => l.label) : type.options).join(', ')})`, `"${text}" is not one of the options`)
    }
    case 'code': {
      const text = asText(raw)
      const code = pickFrom(refs.codes(type.list), text)
      return code ? { kind: 'value', value: { list: type.list, code } } : problem(`"${text}" không có trong danh mục`, `"${text}" is not in the code list`)
    }
    case 'unit':
    case 'rank': {
      const text = asText(raw)
      const code = pickFrom(type.kind === 'unit' ? refs.units() : refs.ranks(), text)
      return code
        ? { kind: 'value', value: { code } }
        : problem(`"${text}" không có trong danh mục ${type.kind === 'unit' ? 'đơn vị' : 'ngạch'}`, `"${text}" is not a known ${type.kind}`)
    }
  }
}

/** The drop-down's text of a code-like value ("code - name"). */
export const optionText = (code: string, name: string) => `${code} - ${name}`

/** An item's value as its cell shows it in an export (dates as Excel dates at UTC midnight, months mm/yyyy). */
export function cellOf(field: FieldSpec, value: Json | undefined, refs: ReferenceLists): string | number | Date | null {
  if (value === null || value === undefined) return null
  const type = field.type
  switch (type.kind) {
    case 'date': {
      const [y, m, d] = (value as string).split('-').map(Number)
      return new Date(Date.UTC(y!, m! - 1, d!))
    }
    case 'month': {
      const [y, m] = (value as string).split('-')
      return `${m}/${y}`
    }
    case 'number':
    case 'integer':
      return value as number
    case 'select':
      return refs.selectLabels(field.key).find((l) => l.value === value)?.label ?? (value as string)
    case 'code': {
      const c = (value as { code: string }).code
      const name = refs.codes(type.list).find((e) => e.code === c)?.name
      return name ? optionText(c, name) : c
    }
    case 'unit':
    case 'rank': {
      const c = (value as { code: string }).code
      const name = (type.kind === 'unit' ? refs.units() : refs.ranks()).find((e) => e.code === c)?.name
      return name ? optionText(c, name) : c
    }
    default:
      return String(value)
  }
}
