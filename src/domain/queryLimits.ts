import type { FieldIssue } from './errors'

/**
 * How much one list request may ask for: a page of at most `maxLimit` records, populated `maxDepth`
 * relationships deep, and the whole list at once (`pagination=false`) only for ministry HR, still at most
 * `maxLimit` records. Without these, one anonymous-looking request (`limit=0&pagination=false&depth=2`) made the
 * server populate every record and everything it links to while other users waited.
 */
export interface QueryBounds {
  maxLimit: number
  maxDepth: number
  unpaginated: boolean
}

export const PAGE_BOUNDS: QueryBounds = { maxLimit: 100, maxDepth: 2, unpaginated: false }
export const MINISTRY_HR_BOUNDS: QueryBounds = { maxLimit: 1000, maxDepth: 2, unpaginated: true }

export function queryBoundsFor(roles: readonly string[] | undefined): QueryBounds {
  return roles?.includes('ministry-hr') ? MINISTRY_HR_BOUNDS : PAGE_BOUNDS
}

/** The query parameters of a list or read request as they arrive (strings), or already parsed. */
export interface ListParams {
  page?: unknown
  limit?: unknown
  depth?: unknown
  pagination?: unknown
}

const whole = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN
  return Number.isSafeInteger(n) && n >= 0 ? n : null
}

/** The first parameter over the caller's bounds, named, or null when the request is within them. */
export function checkListParams(params: ListParams, bounds: QueryBounds): FieldIssue | null {
  const unpaginated = params.pagination === false || params.pagination === 'false'
  // A negative or fractional page reached the database as an OFFSET it refuses (a 500).
  if (params.page !== undefined && params.page !== '') {
    const page = whole(params.page)
    if (page === null || page === 0 || page > 1_000_000) {
      return { field: 'page', vi: 'Tham số page phải là số nguyên từ 1 trở lên', en: 'page must be a whole number from 1' }
    }
  }
  if (params.depth !== undefined && params.depth !== '') {
    const depth = whole(params.depth)
    if (depth === null || depth > bounds.maxDepth) {
      return { field: 'depth', vi: `Tham số depth phải là số nguyên từ 0 đến ${bounds.maxDepth}`, en: `depth must be a whole number from 0 to ${bounds.maxDepth}` }
    }
  }
  if (unpaginated && !bounds.unpaginated) {
    return {
      field: 'pagination',
      vi: `Chỉ Vụ Tổ chức cán bộ được lấy danh sách không phân trang (pagination=false); hãy lấy từng trang, tối đa ${bounds.maxLimit} bản ghi mỗi trang`,
      en: `Only ministry HR may ask for an unpaginated list (pagination=false); ask page by page, at most ${bounds.maxLimit} records each`,
    }
  }
  if (params.limit !== undefined && params.limit !== '') {
    const limit = whole(params.limit)
    // limit=0 means "no limit" to Payload.
    if (limit === null || limit === 0 || limit > bounds.maxLimit) {
      return { field: 'limit', vi: `Tham số limit phải là số nguyên từ 1 đến ${bounds.maxLimit}`, en: `limit must be a whole number from 1 to ${bounds.maxLimit}` }
    }
  } else if (unpaginated) {
    return { field: 'limit', vi: `Khi pagination=false cần tham số limit (tối đa ${bounds.maxLimit})`, en: `pagination=false needs a limit (at most ${bounds.maxLimit})` }
  }
  return null
}
