/**
 * The auditor's filters (person, actor, unit, operation, collection, period) for the CSV export, parsed
 * from query parameters into a validated form. Pure; src/audit/query.ts turns it into SQL.
 * Days are Vietnamese calendar days: `from=2026-11-01&to=2026-11-30` covers 00:00 on the 1st to 24:00 on
 * the 30th in Asia/Ho_Chi_Minh.
 */
import { formatDate, startOfVietnamDay } from './dates'
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

/** The query parameters of a filter: what the export link and the admin's filter panel carry. */
export type AuditFilterParams = Partial<Record<'person' | 'actor' | 'unit' | 'operation' | 'collection' | 'from' | 'to', string>>

/** A list `where` in Payload's shape (plain data; the admin list and REST take it as it is). */
export type AuditListWhere = { and: Array<Record<string, Record<string, string | number>>> }

/**
 * The filter as the admin list's `where`, the same conditions as src/audit/query.ts's SQL: person and unit
 * as `like '.ID.'` on the dotted id lists, the period as an instant range (`from` inclusive, `until` exclusive).
 */
export function auditFilterWhere(f: AuditFilter): AuditListWhere {
  const and: AuditListWhere['and'] = []
  if (f.person) and.push({ subjects: { like: `.${f.person}.` } })
  if (f.unit) and.push({ subjectUnits: { like: `.${f.unit}.` } })
  if (f.actor) and.push({ actorId: { equals: f.actor } })
  if (f.operation) and.push({ operation: { equals: f.operation } })
  if (f.collection) and.push({ targetCollection: { equals: f.collection } })
  if (f.from) and.push({ occurredAt: { greater_than_equal: f.from.toISOString() } })
  if (f.until) and.push({ occurredAt: { less_than: f.until.toISOString() } })
  return { and }
}

/** The Vietnamese calendar day of an instant, as the admin shows dates ("dd/mm/yyyy"). */
const vietnamDay = (t: Date) => formatDate(new Date(t.getTime() + 7 * 3_600_000))

/**
 * Back from a list `where` (as read from the admin's URL, values as strings) to the filter's parameters, so
 * the panel shows what the list is filtered by after a reload. Conditions of other shapes are ignored.
 */
export function auditFilterParamsOf(where: unknown): AuditFilterParams {
  const out: AuditFilterParams = {}
  const and = (where as { and?: unknown } | null)?.and
  const conditions = Array.isArray(and) ? and : typeof and === 'object' && and ? Object.values(and) : []
  const dotted = (v: unknown) => /^\.(\d+)\.$/.exec(String(v ?? ''))?.[1]
  for (const c of conditions as Array<Record<string, Record<string, unknown>>>) {
    if (!c || typeof c !== 'object') continue
    const [field, ops] = Object.entries(c)[0] ?? []
    if (!field || !ops || typeof ops !== 'object') continue
    const [op, value] = Object.entries(ops)[0] ?? []
    if (field === 'subjects' && op === 'like' && dotted(value)) out.person = dotted(value)
    else if (field === 'subjectUnits' && op === 'like' && dotted(value)) out.unit = dotted(value)
    else if (field === 'actorId' && op === 'equals') out.actor = String(value)
    else if (field === 'operation' && op === 'equals') out.operation = String(value)
    else if (field === 'targetCollection' && op === 'equals') out.collection = String(value)
    else if (field === 'occurredAt' && (op === 'greater_than_equal' || op === 'less_than')) {
      const t = new Date(String(value))
      if (Number.isNaN(t.getTime())) continue
      if (op === 'greater_than_equal') out.from = vietnamDay(t)
      else out.to = vietnamDay(new Date(t.getTime() - DAY_MS))
    }
  }
  return out
}
