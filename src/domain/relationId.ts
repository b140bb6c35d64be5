/**
 * A relationship value as Payload hands it over — an id, or the related document when populated —
 * reduced to its numeric id (null when empty).
 */
export function relationId(v: unknown): number | null {
  if (v == null || v === '') return null
  if (typeof v === 'object') return 'id' in (v as object) ? relationId((v as { id: unknown }).id) : null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

/** The ids of a hasMany relationship value. */
export function relationIds(v: unknown): number[] {
  return Array.isArray(v) ? v.map(relationId).filter((x): x is number => x != null) : []
}
