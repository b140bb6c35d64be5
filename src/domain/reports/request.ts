/** The query of a report request, checked before anything runs: a bad value is refused by name (400). */
import { formatDate, todayInVietnam } from '../dates'
import { DomainError, type FieldIssue } from '../errors'
import type { SensitiveGroup } from './snapshot'

export interface ReportQuery {
  /** The reporting date, UTC midnight. */
  date: Date
  unitId: number | null
  format: 'json' | 'xlsx'
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

export function parseDay(value: string | null, now: Date, field = 'date'): Date {
  if (value == null || value === '') return todayInVietnam(now)
  const m = DAY.exec(value)
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
  if (!m || !d || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]) || Number(m[1]) < 1900) {
    throw new DomainError([{ field, vi: `Ngày báo cáo "${value}" không hợp lệ (dạng YYYY-MM-DD)`, en: `The reporting date "${value}" is not valid (YYYY-MM-DD)` }])
  }
  if (d.getTime() > todayInVietnam(now).getTime()) {
    throw new DomainError([{ field, vi: `Ngày báo cáo ${formatDate(d)} ở tương lai`, en: `The reporting date ${formatDate(d)} is in the future` }])
  }
  return d
}

export function parseId(value: string | null, field: string, label: { vi: string; en: string }): number | null {
  if (value == null || value === '') return null
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) {
    throw new DomainError([{ field, vi: `${label.vi} "${value}" không hợp lệ`, en: `${label.en} "${value}" is not valid` }])
  }
  return Number(value)
}

const KNOWN = new Set(['date', 'unit', 'format'])

export function parseReportQuery(params: URLSearchParams, now: Date): ReportQuery {
  const issues: FieldIssue[] = []
  for (const k of params.keys()) if (!KNOWN.has(k)) issues.push({ field: k, vi: `Tham số "${k}" không được hỗ trợ`, en: `Unknown parameter "${k}"` })
  const format = params.get('format') ?? 'json'
  if (format !== 'json' && format !== 'xlsx') issues.push({ field: 'format', vi: `Định dạng "${format}" không được hỗ trợ (json, xlsx)`, en: `Unsupported format "${format}" (json, xlsx)` })
  if (issues.length) throw new DomainError(issues)
  return { date: parseDay(params.get('date'), now), unitId: parseId(params.get('unit'), 'unit', { vi: 'Mã đơn vị', en: 'The unit id' }), format: format as 'json' | 'xlsx' }
}

export interface CellQuery {
  date: Date
  rowUnitId: number
  col: string
}

export function parseCellQuery(params: URLSearchParams, now: Date): CellQuery {
  const issues: FieldIssue[] = []
  for (const k of params.keys()) if (!['date', 'row', 'col'].includes(k)) issues.push({ field: k, vi: `Tham số "${k}" không được hỗ trợ`, en: `Unknown parameter "${k}"` })
  if (!params.get('row')) issues.push({ field: 'row', vi: 'Thiếu đơn vị của dòng (row)', en: 'The row unit (row) is missing' })
  if (!params.get('col')) issues.push({ field: 'col', vi: 'Thiếu mã cột (col)', en: 'The column key (col) is missing' })
  if (issues.length) throw new DomainError(issues)
  return {
    date: parseDay(params.get('date'), now),
    rowUnitId: parseId(params.get('row'), 'row', { vi: 'Mã đơn vị của dòng', en: 'The row unit id' })!,
    col: params.get('col')!,
  }
}

/** Which sensitive groups a reader may see in a report over units they read by their own duty. */
export function allowedGroups(maySeeSensitive: boolean): Set<SensitiveGroup> {
  return new Set<SensitiveGroup>(maySeeSensitive ? ['party', 'ethnicity', 'religion', 'health'] : [])
}
