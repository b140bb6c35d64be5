/**
 * The Excel layout of the import template and of the staff export (issue 22), as data. One workbook:
 * - "Hướng dẫn": how to fill it in, and the template version (cell B1) — a file of another version is refused;
 * - "Hồ sơ": one row per person; row 1 the Vietnamese labels, row 2 the machine keys (`identity.fullName`, the
 *   canonical record's group and item, src/domain/record/schema.ts), data from row 3;
 * - one sheet per history (Quá trình công tác, Đào tạo bồi dưỡng, Quan hệ gia đình …), same two header rows, each
 *   row naming its person (system id, or staff number for a person new in the file), its own row id (blank = new)
 *   and an action column (XÓA = delete the row);
 * - "Danh mục": the code lists feeding the drop-downs.
 * The keys are those of the canonical record "hoso.record/1": no second shape of a record exists.
 */
import { HISTORIES, STAFF_GROUPS, type FieldSpec, type HistorySpec } from '../record/schema'

/** Changes when a file of the old layout could be read differently (a key renamed, a marker changed). */
export const TEMPLATE_VERSION = 'hoso.import/1'

export const GUIDE_SHEET = 'Hướng dẫn'
export const RECORDS_SHEET = 'Hồ sơ'
export const CODES_SHEET = 'Danh mục'

/** First data row (row 1: labels, row 2: machine keys). */
export const FIRST_DATA_ROW = 3
export const LABEL_ROW = 1
export const KEY_ROW = 2

/**
 * A cell holding exactly this clears the item (an empty cell leaves it unchanged: an export omits what its reader
 * may not see, and the same file imported back must not wipe it).
 */
export const CLEAR_MARKER = '[XÓA]'
/** In a history sheet's action column: delete this row (a row missing from the sheet is left unchanged). */
export const DELETE_MARKER = 'XÓA'

export interface Label {
  vi: string
  en: string
}

export type ColumnRole =
  | { kind: 'recordId' }
  | { kind: 'field'; group: string; field: FieldSpec }
  | { kind: 'staffId' }
  | { kind: 'staffCode' }
  | { kind: 'rowId' }
  | { kind: 'action' }
  | { kind: 'rowField'; field: FieldSpec }

export interface ImportColumn {
  /** Machine key in row 2. */
  key: string
  label: Label
  role: ColumnRole
  sensitive: boolean
}

export interface SheetLayout {
  /** 'records' or the history's key in the canonical record (`trainingRecords` …). */
  key: string
  name: string
  history: HistorySpec | null
  columns: ImportColumn[]
}

/** Labels of the record's items as the form shows them (the caller reads them from the collections). */
export type LabelOf = (collection: string, path: string) => Label | null

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (vi: string) => vi.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31)

const fallback = (key: string): Label => ({ vi: key, en: key })

/**
 * The workbook's sheets for a writer. Sensitive items (NĐ 356/2025 Điều 4.1) appear only when `sensitive` is true
 * (the writer may write them): the sensitive groups, the disciplines sheet, family members' details.
 */
export function importLayout(options: { sensitive: boolean; labelOf: LabelOf }): SheetLayout[] {
  const { sensitive, labelOf } = options
  const records: ImportColumn[] = [
    { key: 'id', label: { vi: 'Mã hồ sơ (hệ thống; để trống khi thêm mới)', en: 'Record id (system; blank for a new record)' }, role: { kind: 'recordId' }, sensitive: false },
  ]
  for (const group of STAFF_GROUPS) {
    if (group.sensitive && !sensitive) continue
    for (const field of group.fields) {
      records.push({
        key: `${group.key}.${field.key}`,
        label: labelOf('staff', field.path ?? field.key) ?? fallback(field.key),
        role: { kind: 'field', group: group.key, field },
        sensitive: group.sensitive,
      })
    }
  }
  const sheets: SheetLayout[] = [{ key: 'records', name: RECORDS_SHEET, history: null, columns: records }]
  for (const history of HISTORIES) {
    if (history.sensitive === 'rows' && !sensitive) continue
    const columns: ImportColumn[] = [
      { key: 'staff.id', label: { vi: 'Mã hồ sơ (hệ thống)', en: 'Record id (system)' }, role: { kind: 'staffId' }, sensitive: false },
      { key: 'staff.staffCode', label: { vi: 'Số hiệu cán bộ (khi hồ sơ mới trong tệp)', en: 'Staff number (for a record new in the file)' }, role: { kind: 'staffCode' }, sensitive: false },
      { key: 'id', label: { vi: 'Mã dòng (để trống khi thêm mới)', en: 'Row id (blank for a new row)' }, role: { kind: 'rowId' }, sensitive: false },
      { key: 'action', label: { vi: `Thao tác (${DELETE_MARKER} để xóa dòng)`, en: `Action (${DELETE_MARKER} deletes the row)` }, role: { kind: 'action' }, sensitive: false },
    ]
    for (const field of history.fields) {
      const fieldSensitive = history.sensitive === 'rows' || history.sensitive.includes(field.key)
      if (fieldSensitive && !sensitive) continue
      columns.push({ key: field.key, label: labelOf(history.slug, field.path ?? field.key) ?? fallback(field.key), role: { kind: 'rowField', field }, sensitive: fieldSensitive })
    }
    sheets.push({ key: history.key, name: sheetName(history.label.vi), history, columns })
  }
  return sheets
}

/** The guide sheet's lines (column A), in Vietnamese then English. */
export function guideLines(): string[] {
  return [
    'Cách điền / How to fill in',
    `Dòng 1 là tên mục, dòng 2 là mã máy (không sửa, không xóa); dữ liệu bắt đầu từ dòng ${FIRST_DATA_ROW}. / Row 1: labels; row 2: machine keys (do not edit); data from row ${FIRST_DATA_ROW}.`,
    'Ngày ghi dạng dd/mm/yyyy (hoặc ô kiểu ngày của Excel); tháng ghi mm/yyyy. Giá trị có thể đọc theo kiểu mm/dd bị từ chối, không đoán. / Dates dd/mm/yyyy (or an Excel date cell); months mm/yyyy. A value that reads as mm/dd is refused, never guessed.',
    `Ô để trống: giữ nguyên giá trị đang lưu. Muốn xóa một mục, ghi ${CLEAR_MARKER}. / An empty cell leaves the item unchanged; ${CLEAR_MARKER} clears it.`,
    'Cột không có trong tệp: giữ nguyên. / A column absent from the sheet leaves that item unchanged.',
    `Các sheet quá trình: mỗi dòng ghi Mã hồ sơ (hoặc Số hiệu cán bộ nếu hồ sơ mới trong tệp); Mã dòng để trống là dòng mới; ghi ${DELETE_MARKER} ở cột Thao tác để xóa dòng. Dòng không có trong tệp được giữ nguyên. / History sheets: each row names its record; blank row id = new row; ${DELETE_MARKER} in Action deletes it; rows missing from the sheet are unchanged.`,
    'Cột danh mục: chọn trong danh sách (mã - tên), danh mục đầy đủ ở sheet "Danh mục". / List columns: pick from the drop-down (code - name); full lists on the "Danh mục" sheet.',
    'Không dùng công thức, không gộp ô, không ẩn sheet, không đặt mật khẩu. / No formulas, merged cells, hidden sheets or passwords.',
    'Luôn chạy thử (xem trước) trước khi ghi: số hồ sơ mới / cập nhật / không đổi / bị từ chối / có thể trùng. / Always dry-run first.',
  ]
}
