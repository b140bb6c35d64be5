/**
 * The auditor's filters (person, actor, unit, operation, collection, period) for the CSV export, parsed
 * from query parameters into a validated form. Pure; src/audit/query.ts turns it into SQL.
 * Days are Vietnamese calendar days: `from=2026-11-01&to=2026-11-30` covers 00:00 on the 1st to 24:00 on
 * the 30th in Asia/Ho_Chi_Minh.
 */
import { startOfVietnamDay } from './dates'
import type { FieldIssue } from './errors'
import { AUDIT_OPERATIONS, type AuditOperation } from './auditOperations'

export interface AuditFilter {
  person?: number
  actor?: number
  unit?: number
  operation?: AuditOperation
  collection?: string
  from?: Date
  /** Exclusive upper bound. */
  until?: Date
}

const DAY_MS = 86_400_000

export function parseAuditFilter(params: URLSearchParams): { filter: AuditFilter; issues: FieldIssue[] } {
  const filter: AuditFilter = {}
  const issues: FieldIssue[] = []
  const id = (name: 'person' | 'actor' | 'unit', vi: string, en: string) => {
    const raw = params.get(name)
    if (raw == null || raw === '') return
    const n = Number(raw)
    if (Number.isInteger(n) && n > 0) filter[name] = n
    else issues.push({ field: name, vi: `${vi} phải là số định danh (ID) hợp lệ`, en: `${en} must be a valid id` })
  }
  id('person', 'Hồ sơ', 'Person')
  id('actor', 'Người thực hiện', 'Actor')
  id('unit', 'Đơn vị', 'Unit')
  const op = params.get('operation')
  if (op) {
    if ((AUDIT_OPERATIONS as readonly string[]).includes(op)) filter.operation = op as AuditOperation
    else issues.push({ field: 'operation', vi: `Thao tác không hợp lệ: ${op}`, en: `Unknown operation: ${op}` })
  }
  const collection = params.get('collection')
  if (collection) {
    if (/^[a-z-]{1,64}$/.test(collection)) filter.collection = collection
    else issues.push({ field: 'collection', vi: 'Loại dữ liệu không hợp lệ', en: 'Invalid collection' })
  }
  const day = (name: 'from' | 'to', vi: string, en: string) => {
    const raw = params.get(name)
    if (!raw) return
    const d = startOfVietnamDay(raw)
    if (!d) issues.push({ field: name, vi: `${vi} không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)`, en: `${en} is not a valid date` })
    else if (name === 'from') filter.from = d
    else filter.until = new Date(d.getTime() + DAY_MS)
  }
  day('from', 'Từ ngày', 'From date')
  day('to', 'Đến ngày', 'To date')
  if (filter.from && filter.until && filter.until <= filter.from) {
    issues.push({ field: 'to', vi: 'Đến ngày phải không trước Từ ngày', en: 'The end date must not be before the start date' })
  }
  return { filter, issues }
}
