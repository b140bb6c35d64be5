/**
 * A report as the paper form in a spreadsheet (exceljs): header blocks left and right, the title and "Tính đến
 * ngày", the multi-level column headers as merged cells, the column-number row (A, B, 1, 2 …), the grand total,
 * one row per unit indented by its level, the footer's signature blocks.
 */
import ExcelJS from 'exceljs'

import { headerDepth, type ColumnNode } from '../domain/reports'
import type { ReportResult } from './run'

const FONT = 'Times New Roman'
const thin = { style: 'thin' as const }
const BORDER = { top: thin, left: thin, bottom: thin, right: thin }
const FIRST_LEAF_COLUMN = 3

export async function reportWorkbook(result: ReportResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'hoso'
  const ws = wb.addWorksheet(result.code.slice(0, 31), {
    pageSetup: { orientation: 'landscape', paperSize: 9 as ExcelJS.PaperSize /* A4, fitted to the page width */, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  const n = result.leaves.length
  const last = FIRST_LEAF_COLUMN + n - 1
  ws.getColumn(1).width = 6
  ws.getColumn(2).width = 40
  for (let c = FIRST_LEAF_COLUMN; c <= last; c++) ws.getColumn(c).width = 9
  const style = (cell: ExcelJS.Cell, opts: { bold?: boolean; size?: number; center?: boolean; border?: boolean; italic?: boolean } = {}) => {
    cell.font = { name: FONT, size: opts.size ?? 11, bold: opts.bold, italic: opts.italic }
    cell.alignment = { vertical: 'middle', horizontal: opts.center ? 'center' : 'left', wrapText: true }
    if (opts.border) cell.border = BORDER
  }
  const rightStart = Math.max(FIRST_LEAF_COLUMN, last - 5)

  // Header blocks.
  let row = 1
  const lines = Math.max(result.header.left.length, result.header.right.length)
  for (let i = 0; i < lines; i++, row++) {
    if (result.header.left[i]) {
      ws.mergeCells(row, 1, row, 2)
      ws.getCell(row, 1).value = result.header.left[i]!
      style(ws.getCell(row, 1), { bold: i === 0 })
    }
    if (result.header.right[i]) {
      ws.mergeCells(row, rightStart, row, last)
      ws.getCell(row, rightStart).value = result.header.right[i]!
      style(ws.getCell(row, rightStart))
    }
  }
  row++
  for (const [text, bold] of [[result.header.title, true], [result.header.subtitle, false]] as const) {
    ws.mergeCells(row, 1, row, last)
    ws.getCell(row, 1).value = text
    style(ws.getCell(row, 1), { bold, size: bold ? 14 : 12, center: true, italic: !bold })
    row++
  }
  row++

  // Column headers.
  const depth = headerDepth(result.columns)
  const top = row
  for (const [col, label] of [[1, 'STT'], [2, 'Tên đơn vị']] as const) {
    ws.mergeCells(top, col, top + depth - 1, col)
    ws.getCell(top, col).value = label
    style(ws.getCell(top, col), { bold: true, center: true, border: true })
  }
  let column = FIRST_LEAF_COLUMN
  const place = (nodes: readonly ColumnNode[], level: number) => {
    for (const node of nodes) {
      const start = column
      if (node.children) {
        place(node.children, level + 1)
        const end = column - 1
        if (end > start) ws.mergeCells(top + level, start, top + level, end)
        ws.getCell(top + level, start).value = node.label
      } else {
        if (top + depth - 1 > top + level) ws.mergeCells(top + level, start, top + depth - 1, start)
        ws.getCell(top + level, start).value = node.label
        column++
      }
    }
  }
  place(result.columns, 0)
  for (let r = top; r < top + depth; r++) for (let c = 1; c <= last; c++) style(ws.getCell(r, c), { bold: true, center: true, border: true, size: 10 })
  ws.getRow(top + depth - 1).height = 60
  row = top + depth

  // Column numbers.
  ws.getCell(row, 1).value = 'A'
  ws.getCell(row, 2).value = 'B'
  result.leaves.forEach((l) => (ws.getCell(row, FIRST_LEAF_COLUMN + l.number - 1).value = l.number))
  for (let c = 1; c <= last; c++) style(ws.getCell(row, c), { italic: true, center: true, border: true, size: 10 })
  row++

  // Grand total, then units.
  const writeCounts = (r: number, cells: Record<string, number>, bold: boolean) => {
    result.leaves.forEach((l) => {
      const cell = ws.getCell(r, FIRST_LEAF_COLUMN + l.number - 1)
      cell.value = cells[l.key] ?? 0
      style(cell, { bold, center: true, border: true })
      cell.numFmt = '#,##0'
    })
  }
  ws.getCell(row, 2).value = 'Tổng cộng'
  style(ws.getCell(row, 1), { border: true })
  style(ws.getCell(row, 2), { bold: true, border: true })
  writeCounts(row, result.totals, true)
  row++
  result.rows.forEach((r, i) => {
    ws.getCell(row, 1).value = i + 1
    style(ws.getCell(row, 1), { center: true, border: true })
    const name = ws.getCell(row, 2)
    name.value = r.unit.name
    style(name, { bold: r.level === 0, border: true })
    name.alignment = { ...name.alignment, indent: r.level * 2 }
    writeCounts(row, r.cells, r.level === 0)
    row++
  })
  row++

  // Footer.
  const footerLines = Math.max(result.footer.left.length, result.footer.right.length)
  for (let i = 0; i < footerLines; i++, row++) {
    if (result.footer.left[i]) {
      ws.getCell(row, 2).value = result.footer.left[i]!
      style(ws.getCell(row, 2), { bold: i === 0, center: true, italic: i > 0 })
    }
    if (result.footer.right[i]) {
      ws.mergeCells(row, rightStart, row, last)
      ws.getCell(row, rightStart).value = result.footer.right[i]!
      style(ws.getCell(row, rightStart), { bold: i === 1, center: true, italic: i !== 1 })
    }
  }
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: top + depth }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}
