/** Which of `fields` a write would change: the caller refuses the write when the actor may not change them. */
const norm = (v: unknown): unknown => {
  if (v && typeof v === 'object' && !Array.isArray(v) && 'id' in (v as object)) return (v as { id: unknown }).id
  if (Array.isArray(v)) return [...v.map(norm)].map(String).sort().join('\u0000')
  return v ?? null
}

export function changedFields(data: Record<string, unknown>, original: Record<string, unknown> | null | undefined, fields: readonly string[]): string[] {
  return fields.filter((f) => f in data && String(norm(data[f])) !== String(norm(original?.[f])))
}
