import type { FieldIssue } from './errors'

/**
 * Input shapes that otherwise reach PostgreSQL or Payload's query builder and end in a 500: a NUL character
 * (PostgreSQL text cannot hold one), the geometry operators `near`, `within` and `intersects` (no collection
 * has a point field, so Payload builds SQL the database refuses), and a body that is not a JSON object
 * (`null`, an array, a number). Each gets a 400 naming what is wrong; nothing is stored.
 */
const GEOMETRY_OPERATORS = new Set(['near', 'within', 'intersects'])

const hasNul = (value: unknown, depth = 0): boolean => {
  if (typeof value === 'string') return value.includes('\u0000')
  if (depth > 32 || value === null || typeof value !== 'object') return false
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1))
}

const geometryOperator = (where: unknown, depth = 0): string | null => {
  if (depth > 32 || where === null || typeof where !== 'object') return null
  for (const [k, v] of Object.entries(where as Record<string, unknown>)) {
    if (GEOMETRY_OPERATORS.has(k)) return k
    const inner = geometryOperator(v, depth + 1)
    if (inner) return inner
  }
  return null
}

const NUL_ISSUE = (field: string): FieldIssue => ({
  field,
  vi: 'Dữ liệu gửi lên chứa ký tự NUL (\\u0000), không được chấp nhận',
  en: 'The request contains a NUL character (\\u0000), which is not accepted',
})

/** The first problem of a request's query (`where` and the rest), or null. */
export function queryIssue(query: Record<string, unknown> | undefined): FieldIssue | null {
  if (!query) return null
  if (hasNul(query)) return NUL_ISSUE('where')
  const op = geometryOperator(query.where)
  if (op) {
    return {
      field: 'where',
      vi: `Toán tử "${op}" chỉ dùng cho trường tọa độ; hồ sơ không có trường nào như vậy`,
      en: `The operator "${op}" applies to point fields only; no field here is one`,
    }
  }
  return null
}

/** The first problem of a create or update body, or null. `data` is the body as parsed. */
export function bodyIssue(data: unknown): FieldIssue | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { field: 'body', vi: 'Nội dung yêu cầu phải là một đối tượng JSON ({ … })', en: 'The request body must be a JSON object ({ … })' }
  }
  if (hasNul(data)) return NUL_ISSUE('body')
  return null
}
