/**
 * The query of the unit staff list endpoint (GET /api/staff/list): the list filter panel's filter
 * (src/domain/staffListFilter.ts), a page and a sort, read from URL parameters. Pure: a parameter
 * that is not understood is an error naming it, in Vietnamese and English, never silently ignored
 * (a misspelt `unitId=` must not return the whole ministry).
 */
import { AGE_BANDS, type AgeBand, type StaffListFilter } from './staffListFilter'

export const LIST_SORTS = ['name', '-name', 'staffCode', '-staffCode', 'birthDate', '-birthDate'] as const
export type ListSort = (typeof LIST_SORTS)[number]

export const LIST_MAX_LIMIT = 100

export interface StaffListQuery {
  filter: StaffListFilter
  page: number
  limit: number
  sort: ListSort
}

export interface ListQueryError {
  vi: string
  en: string
}

const PARAMS = ['unit', 'rank', 'position', 'gender', 'ageBand', 'partyMember', 'archived', 'page', 'limit', 'sort'] as const

const positiveInt = (v: string): number | null => (/^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null)

/** Reads the URL parameters (one value each) into a list query, or the first error found. */
export function parseStaffListQuery(params: Iterable<[string, string]>): StaffListQuery | { error: ListQueryError } {
  const seen = new Map<string, string>()
  for (const [k, v] of params) {
    if (!(PARAMS as readonly string[]).includes(k)) {
      return { error: { vi: `Tham số không được hỗ trợ: "${k}" (dùng: ${PARAMS.join(', ')})`, en: `Unsupported parameter "${k}" (use: ${PARAMS.join(', ')})` } }
    }
    if (seen.has(k)) return { error: { vi: `Tham số "${k}" được truyền nhiều lần`, en: `Parameter "${k}" is given more than once` } }
    seen.set(k, v.trim())
  }
  const bad = (k: string, vi: string, en: string) => ({ error: { vi: `Giá trị "${seen.get(k)}" của tham số "${k}" không hợp lệ: ${vi}`, en: `Invalid value "${seen.get(k)}" for "${k}": ${en}` } })
  const filter: StaffListFilter = {}
  const out: StaffListQuery = { filter, page: 1, limit: 25, sort: 'name' }
  for (const [k, v] of seen) {
    switch (k) {
      case 'unit':
      case 'rank': {
        const id = positiveInt(v)
        if (id === null) return bad(k, 'cần một mã số nguyên dương', 'a positive integer id is expected')
        if (k === 'unit') filter.unitId = id
        else filter.rankId = id
        break
      }
      case 'position':
        if (!v || v.length > 200) return bad(k, 'cần tên chức vụ (tối đa 200 ký tự)', 'a position name (at most 200 characters) is expected')
        filter.position = v
        break
      case 'gender':
        if (v !== 'male' && v !== 'female') return bad(k, 'dùng male hoặc female', 'use male or female')
        filter.gender = v
        break
      case 'ageBand':
        if (!AGE_BANDS.some((b) => b.id === v)) return bad(k, `dùng một trong ${AGE_BANDS.map((b) => b.id).join(', ')}`, `use one of ${AGE_BANDS.map((b) => b.id).join(', ')}`)
        filter.ageBand = v as AgeBand
        break
      case 'partyMember':
        if (v !== 'true' && v !== 'false') return bad(k, 'dùng true hoặc false', 'use true or false')
        filter.partyMember = v === 'true'
        break
      case 'archived':
        if (v !== 'true' && v !== 'false') return bad(k, 'dùng true hoặc false', 'use true or false')
        filter.archived = v === 'true'
        break
      case 'page': {
        const n = positiveInt(v)
        if (n === null) return bad(k, 'cần số trang từ 1 trở lên', 'a page number from 1 is expected')
        out.page = n
        break
      }
      case 'limit': {
        const n = positiveInt(v)
        if (n === null || n > LIST_MAX_LIMIT) return bad(k, `cần số dòng từ 1 đến ${LIST_MAX_LIMIT}`, `a row count from 1 to ${LIST_MAX_LIMIT} is expected`)
        out.limit = n
        break
      }
      case 'sort':
        if (!(LIST_SORTS as readonly string[]).includes(v)) return bad(k, `dùng một trong ${LIST_SORTS.join(', ')}`, `use one of ${LIST_SORTS.join(', ')}`)
        out.sort = v as ListSort
        break
    }
  }
  return out
}

/** Payload's pagination fields for a page of `totalDocs` rows. */
export function pagination(totalDocs: number, page: number, limit: number) {
  const totalPages = Math.max(1, Math.ceil(totalDocs / limit))
  return {
    totalDocs,
    limit,
    page,
    totalPages,
    pagingCounter: (page - 1) * limit + 1,
    hasPrevPage: page > 1,
    hasNextPage: page < totalPages,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: page < totalPages ? page + 1 : null,
  }
}
