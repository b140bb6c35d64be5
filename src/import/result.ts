/**
 * The result of an import as a workbook: the uploaded file with two columns added to every data sheet — the
 * row's outcome and its problems in Vietnamese — so that an officer fixes the file where it went wrong.
 */
import ExcelJS from 'exceljs'
import type { PayloadRequest } from 'payload'

import { CODES_SHEET, GUIDE_SHEET, KEY_ROW, LABEL_ROW } from '../domain/import'
import { importActor, type RowStatus } from './plan'
import { batchFile } from './batches'
import { XLSX_TYPE } from './exportList'

const STATUS_VI: Record<RowStatus, string> = {
  new: 'Thêm mới',
  updated: 'Cập nhật',
  unchanged: 'Không đổi',
  refused: 'Bị từ chối',
  'possible-duplicate': 'Có thể trùng',
}

export async function resultWorkbookResponse(req: PayloadRequest, id: number): Promise<Response> {
  await importActor(req)
  const { file, batch } = await batchFile(req, id)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(file as unknown as ArrayBuffer)
  for (const ws of wb.worksheets) {
    if (ws.name === GUIDE_SHEET || ws.name === CODES_SHEET) continue
    const at = ws.columnCount + 1
    ws.getRow(LABEL_ROW).getCell(at).value = 'Kết quả nhập / Outcome'
    ws.getRow(LABEL_ROW).getCell(at + 1).value = 'Thông báo / Messages'
    ws.getRow(KEY_ROW).getCell(at).value = '_status'
    ws.getRow(KEY_ROW).getCell(at + 1).value = '_message'
    const messages = new Map<number, string[]>()
    for (const p of batch.problems) if (p.sheet === ws.name) (messages.get(p.row) ?? messages.set(p.row, []).get(p.row)!).push(`${p.column ? `[${p.column}] ` : ''}${p.vi}`)
    const outcome = new Map(batch.rows.filter((r) => r.sheet === ws.name).map((r) => [r.row, r]))
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (n <= KEY_ROW) return
      const o = outcome.get(n)
      const m = messages.get(n) ?? []
      row.getCell(at).value = o ? STATUS_VI[o.status] + (batch.status === 'committed' && (o.status === 'new' || o.status === 'updated') ? ' (đã ghi)' : '') : m.length ? 'Lỗi' : ''
      row.getCell(at + 1).value = m.join('\n') || (o?.duplicateOf ? `Có thể trùng với: ${o.duplicateOf.map((d) => d.staffCode ?? `dòng ${d.row}`).join(', ')}` : null)
    })
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  return new Response(buffer, {
    headers: { 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="ket-qua-nhap-${id}.xlsx"`, 'Cache-Control': 'no-store' },
  })
}
