/**
 * The import workbook on disk: writing the template and the export (exceljs's streaming writer, one row at a time)
 * and reading an uploaded file after checking that it is one — a real xlsx (not a password-protected or old .xls
 * file, not a zip bomb), visible sheets only, no merged cells, no formulas, a bounded number of rows, and the
 * template version this server reads. Every refusal is a 400 with a Vietnamese/English message, before anything
 * is written.
 */
import type { Writable } from 'node:stream'

import ExcelJS from 'exceljs'

import {
  CODES_SHEET,
  FIRST_DATA_ROW,
  GUIDE_SHEET,
  KEY_ROW,
  LABEL_ROW,
  RECORDS_SHEET,
  TEMPLATE_VERSION,
  cellOf,
  guideLines,
  importLayout,
  optionText,
  type ImportColumn,
  type RawCell,
  type ReferenceLists,
  type SheetLayout,
} from '../domain/import'
import { DomainError } from '../domain/errors'
import type { CanonicalRecord, Json, RowJson } from '../domain/record'
import { MAX_IMPORT_BYTES } from './limits'
import type { ImportReferences } from './references'

/** Largest upload read (bytes), uncompressed content, and rows per sheet. */
export const MAX_FILE_BYTES = MAX_IMPORT_BYTES
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
export const MAX_ROWS = 200_000
/** A part compressed more than this ratio (and larger than 1 MB) is a zip bomb, not a spreadsheet. */
const MAX_RATIO = 200

const refuseFile = (vi: string, en: string): never => {
  throw new DomainError([{ field: 'file', vi, en }], 'invalid')
}

/** Drop-down sources on the code-list sheet: one column per list. */
interface ListColumn {
  id: string
  title: string
  values: string[]
}

function listColumns(refs: ReferenceLists, layout: SheetLayout[]): Map<string, ListColumn> {
  const out = new Map<string, ListColumn>()
  for (const sheet of layout) {
    for (const c of sheet.columns) {
      if (c.role.kind !== 'field' && c.role.kind !== 'rowField') continue
      const t = c.role.field.type
      const id = t.kind === 'code' ? `code:${t.list}` : t.kind === 'unit' || t.kind === 'rank' ? t.kind : t.kind === 'select' ? `select:${c.role.field.key}` : null
      if (!id || out.has(id)) continue
      const values =
        t.kind === 'code'
          ? refs.codes(t.list).map((e) => optionText(e.code, e.name))
          : t.kind === 'unit'
            ? refs.units().map((e) => optionText(e.code, e.name))
            : t.kind === 'rank'
              ? refs.ranks().map((e) => optionText(e.code, e.name))
              : (refs.selectLabels(c.role.field.key).map((l) => l.label) as string[])
      if (values.length) out.set(id, { id, title: id.replace(/^\w+:/, ''), values })
    }
  }
  return out
}

const listIdOf = (c: ImportColumn): string | null => {
  if (c.role.kind !== 'field' && c.role.kind !== 'rowField') return null
  const t = c.role.field.type
  return t.kind === 'code' ? `code:${t.list}` : t.kind === 'unit' || t.kind === 'rank' ? t.kind : t.kind === 'select' ? `select:${c.role.field.key}` : null
}

const columnLetter = (n: number): string => {
  let s = ''
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s
  return s
}

/** Values of one sheet row from a record (the records sheet) or a history row. */
function rowValues(sheet: SheetLayout, refs: ReferenceLists, record: CanonicalRecord, row?: RowJson): Array<string | number | Date | null> {
  return sheet.columns.map((c) => {
    switch (c.role.kind) {
      case 'recordId':
      case 'staffId':
        return record.id
      case 'staffCode':
        return ((record.identity as Record<string, Json> | undefined)?.staffCode as string | null) ?? null
      case 'rowId':
        return row?.id ?? null
      case 'action':
        return null
      case 'field': {
        const group = record[c.role.group] as Record<string, Json> | undefined
        return group ? cellOf(c.role.field, group[c.role.field.key], refs) : null
      }
      case 'rowField':
        return cellOf(c.role.field, row?.[c.role.field.key], refs)
    }
  })
}

/**
 * Writes the workbook — the empty template when `records` is empty, the export otherwise — to `out`, streaming:
 * rows are committed as they come, so 100 000 records never sit in memory at once.
 */
export async function writeImportWorkbook(
  out: Writable,
  options: { sensitive: boolean; refs: ImportReferences; records?: AsyncIterable<CanonicalRecord> },
): Promise<{ records: number }> {
  const { refs } = options
  const layout = importLayout({ sensitive: options.sensitive, labelOf: refs.labelOf })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'hoso'

  const guide = wb.addWorksheet(GUIDE_SHEET)
  guide.getColumn(1).width = 24
  guide.getColumn(2).width = 120
  guide.addRow(['Phiên bản mẫu / Template version', TEMPLATE_VERSION]).commit()
  for (const line of guideLines()) guide.addRow(['', line]).commit()
  guide.commit()

  const lists = listColumns(refs, layout)
  const listRanges = new Map<string, string>()
  let li = 0
  for (const l of lists.values()) {
    li += 1
    listRanges.set(l.id, `'${CODES_SHEET}'!$${columnLetter(li)}$2:$${columnLetter(li)}$${l.values.length + 1}`)
  }

  const sheets = layout.map((s) => {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: KEY_ROW }] })
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1)
      col.width = Math.min(40, Math.max(12, c.label.vi.length + 2))
      const kind = c.role.kind === 'field' || c.role.kind === 'rowField' ? c.role.field.type.kind : 'id'
      if (kind === 'date') col.numFmt = 'dd/mm/yyyy'
      if (kind === 'text' || kind === 'month') col.numFmt = '@'
    })
    const labels = ws.addRow(s.columns.map((c) => c.label.vi))
    labels.font = { bold: true }
    labels.commit()
    const keys = ws.addRow(s.columns.map((c) => c.key))
    keys.font = { italic: true, color: { argb: 'FF808080' } }
    keys.commit()
    return { layout: s, ws, rows: 0 }
  })
  const [recordsSheet, ...historySheets] = sheets

  let count = 0
  for await (const record of options.records ?? []) {
    count += 1
    recordsSheet!.ws.addRow(rowValues(recordsSheet!.layout, refs, record)).commit()
    recordsSheet!.rows += 1
    const histories = (record.histories ?? {}) as Record<string, RowJson[]>
    for (const h of historySheets) {
      for (const row of histories[h.layout.key] ?? []) {
        h.ws.addRow(rowValues(h.layout, refs, record, row)).commit()
        h.rows += 1
      }
    }
  }

  // Drop-downs over the data rows (and room to add), fed from the code-list sheet.
  for (const s of sheets) {
    const last = FIRST_DATA_ROW + Math.max(s.rows, 0) + 1000
    s.layout.columns.forEach((c, i) => {
      const id = listIdOf(c)
      const range = id ? listRanges.get(id) : null
      if (!range) return
      const letter = columnLetter(i + 1)
      ;(s.ws as unknown as { dataValidations: { add(address: string, v: object): void } }).dataValidations.add(`${letter}${FIRST_DATA_ROW}:${letter}${last}`, {
        type: 'list',
        allowBlank: true,
        showErrorMessage: false,
        formulae: [range],
      })
    })
    s.ws.commit()
  }

  const codes = wb.addWorksheet(CODES_SHEET)
  const listArray = [...lists.values()]
  codes.addRow(listArray.map((l) => l.title)).commit()
  const longest = Math.max(0, ...listArray.map((l) => l.values.length))
  for (let r = 0; r < longest; r += 1) codes.addRow(listArray.map((l) => l.values[r] ?? null)).commit()
  codes.commit()
  await wb.commit()
  return { records: count }
}

// ---------------------------------------------------------------- reading

export interface SheetRows {
  name: string
  /** Machine keys of row 2, by column number. */
  keys: Array<string | null>
  rows: Array<{ row: number; cells: Record<string, RawCell> }>
}

export interface ImportWorkbook {
  sheets: Map<string, SheetRows>
}

/** Uncompressed sizes of a zip's entries, from its central directory (no entry is inflated). */
function zipEntries(buf: Buffer): Array<{ name: string; compressed: number; uncompressed: number }> | null {
  const min = Math.max(0, buf.length - 65_557)
  let eocd = -1
  for (let i = buf.length - 22; i >= min; i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const entries = buf.readUInt16LE(eocd + 10)
  let at = buf.readUInt32LE(eocd + 16)
  const out: Array<{ name: string; compressed: number; uncompressed: number }> = []
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null
    const compressed = buf.readUInt32LE(at + 20)
    const uncompressed = buf.readUInt32LE(at + 24)
    const nameLen = buf.readUInt16LE(at + 28)
    const extraLen = buf.readUInt16LE(at + 30)
    const commentLen = buf.readUInt16LE(at + 32)
    out.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), compressed, uncompressed })
    at += 46 + nameLen + extraLen + commentLen
  }
  return out
}

/** The file's outer checks, before a spreadsheet library touches it. */
export function checkImportFile(buf: Buffer): void {
  if (buf.length === 0) refuseFile('Tệp rỗng', 'The file is empty')
  if (buf.length > MAX_FILE_BYTES) refuseFile(`Tệp quá lớn (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB)`, `The file is too large (${MAX_FILE_BYTES / 1024 / 1024} MB at most)`)
  // An OLE compound file: an Excel file with a password (encrypted package) or the old .xls format.
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    refuseFile(
      'Tệp có đặt mật khẩu hoặc là tệp .xls cũ: hãy bỏ mật khẩu và lưu dưới dạng .xlsx',
      'The file is password-protected or an old .xls file: remove the password and save it as .xlsx',
    )
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) refuseFile('Tệp không phải là tệp Excel .xlsx', 'The file is not an Excel .xlsx file')
  const entries = zipEntries(buf)
  if (!entries) refuseFile('Tệp .xlsx bị hỏng (không đọc được cấu trúc)', 'The .xlsx file is damaged (its structure cannot be read)')
  if (!entries!.some((e) => e.name === 'xl/workbook.xml')) refuseFile('Tệp không phải là tệp Excel .xlsx', 'The file is not an Excel .xlsx file')
  let total = 0
  for (const e of entries!) {
    total += e.uncompressed
    // 0xFFFFFFFF: a ZIP64 size, larger than anything a template produces.
    if (e.uncompressed === 0xffffffff || total > MAX_UNCOMPRESSED_BYTES || (e.uncompressed > 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > MAX_RATIO)) {
      refuseFile('Tệp bị từ chối: nội dung giải nén quá lớn so với kích thước tệp (có thể là "bom nén")', 'File refused: its content unpacks far beyond its size (a zip bomb)')
    }
  }
}

/** A cell's value as the import reads it; a formula is refused by the caller. */
function rawOf(value: ExcelJS.CellValue): RawCell | { formula: true } {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  const v = value as unknown as Record<string, unknown>
  if ('formula' in v || 'sharedFormula' in v) return { formula: true }
  if (Array.isArray(v.richText)) return (v.richText as Array<{ text: string }>).map((t) => t.text).join('')
  if (typeof v.text === 'string') return v.text
  if ('error' in v) return String(v.error)
  return String(value)
}

/**
 * Reads an uploaded workbook into rows keyed by machine key, after the file checks. Refuses (400) hidden sheets,
 * merged cells, formulas, too many rows, a missing or different template version, unknown sheets or keys.
 */
export async function readImportWorkbook(buf: Buffer): Promise<ImportWorkbook> {
  checkImportFile(buf)
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer)
  } catch {
    refuseFile('Không đọc được tệp .xlsx (tệp hỏng hoặc không đúng định dạng)', 'The .xlsx file cannot be read (damaged or not a workbook)')
  }
  const guide = wb.getWorksheet(GUIDE_SHEET)
  const version = guide ? rawOf(guide.getCell('B1').value) : null
  if (version !== TEMPLATE_VERSION) {
    refuseFile(
      `Tệp không theo mẫu nhập phiên bản ${TEMPLATE_VERSION} (sheet "${GUIDE_SHEET}", ô B1): hãy tải mẫu mới`,
      `The file does not follow import template version ${TEMPLATE_VERSION} (sheet "${GUIDE_SHEET}", cell B1): download the current template`,
    )
  }
  const full = importLayout({ sensitive: true, labelOf: () => null })
  const known = new Map(full.map((s) => [s.name, s]))
  const sheets = new Map<string, SheetRows>()
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') refuseFile(`Sheet "${ws.name}" đang bị ẩn: hãy hiện hoặc xóa nó`, `Sheet "${ws.name}" is hidden: unhide or delete it`)
    const merges = Object.keys((ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {})
    if (merges.length) refuseFile(`Sheet "${ws.name}" có ô gộp (${merges.slice(0, 3).join(', ')}): hãy bỏ gộp ô`, `Sheet "${ws.name}" has merged cells (${merges.slice(0, 3).join(', ')}): unmerge them`)
    if (ws.rowCount > MAX_ROWS) refuseFile(`Sheet "${ws.name}" có quá nhiều dòng (tối đa ${MAX_ROWS})`, `Sheet "${ws.name}" has too many rows (${MAX_ROWS} at most)`)
    if (ws.name === GUIDE_SHEET || ws.name === CODES_SHEET) continue
    const layout = known.get(ws.name)
    if (!layout) refuseFile(`Sheet "${ws.name}" không thuộc mẫu nhập`, `Sheet "${ws.name}" is not part of the import template`)
    const allowed = new Set(layout!.columns.map((c) => c.key))
    const keys: Array<string | null> = []
    const seen = new Set<string>()
    ws.getRow(KEY_ROW).eachCell({ includeEmpty: false }, (cell, col) => {
      const key = rawOf(cell.value)
      if (typeof key !== 'string' || !key.trim()) return
      const k = key.trim()
      if (!allowed.has(k)) refuseFile(`Sheet "${ws.name}", cột ${columnLetter(col)}: mã cột "${k}" không có trong mẫu`, `Sheet "${ws.name}", column ${columnLetter(col)}: key "${k}" is not in the template`)
      if (seen.has(k)) refuseFile(`Sheet "${ws.name}": cột "${k}" xuất hiện hai lần`, `Sheet "${ws.name}": column "${k}" appears twice`)
      seen.add(k)
      keys[col] = k
    })
    const rows: SheetRows['rows'] = []
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber < FIRST_DATA_ROW) return
      const cells: Record<string, RawCell> = {}
      let any = false
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const raw = rawOf(cell.value)
        if (raw && typeof raw === 'object' && 'formula' in raw) {
          refuseFile(`Sheet "${ws.name}", ô ${columnLetter(col)}${rowNumber} chứa công thức: hãy dán giá trị`, `Sheet "${ws.name}", cell ${columnLetter(col)}${rowNumber} holds a formula: paste values instead`)
        }
        const key = keys[col]
        if (!key) return
        cells[key] = raw as RawCell
        if (raw !== null && !(typeof raw === 'string' && raw.trim() === '')) any = true
      })
      if (any) rows.push({ row: rowNumber, cells })
    })
    sheets.set(ws.name, { name: ws.name, keys, rows })
  }
  if (!sheets.has(RECORDS_SHEET)) refuseFile(`Tệp thiếu sheet "${RECORDS_SHEET}"`, `The file has no "${RECORDS_SHEET}" sheet`)
  return { sheets }
}

export { columnLetter }
