/**
 * The unit tree is stored as a materialized path of ids with a dot on each side: ".1.", ".1.7.",
 * ".1.7.42." (kept by database triggers, migrations/…_search_and_unit_tree). Because every id is
 * fenced by dots, "unit 7 or below" is exactly "the path contains .7." — the form Payload's `like`
 * operator can express, served by a trigram index.
 */

/** The path fragment that marks unit `unitId` and everything below it. */
export function subtreeToken(unitId: number | string): string {
  return `.${unitId}.`
}

/** The SQL LIKE pattern of unit `unitId`'s subtree, for a path column (served by its trigram index). */
export function subtreePattern(unitId: number | string): string {
  return `%${subtreeToken(unitId)}%`
}

/** True when the unit or staff row with `path` is `rootId` itself or lies below it. */
export function isWithinSubtree(path: string, rootId: number | string): boolean {
  return path.includes(subtreeToken(rootId))
}

/** Moving unit `unitId` under a parent whose path is `newParentPath` would make it its own ancestor. */
export function wouldCreateCycle(unitId: number | string, newParentPath: string): boolean {
  return isWithinSubtree(newParentPath, unitId)
}

export interface TreeUnit {
  id: number
  name: string
  parent: number | null
  sortOrder?: number | null
}

/**
 * Units in tree order — each parent before its children, siblings by sortOrder then name (Vietnamese
 * collation) — with `level` counted from the shown roots: the units whose parent is not in the list
 * (a unit HR officer's own unit heads their part of the tree).
 */
export function inTreeOrder<T extends TreeUnit>(units: readonly T[]): Array<T & { level: number }> {
  const ids = new Set(units.map((u) => u.id))
  const children = new Map<number | null, T[]>()
  for (const u of units) {
    const key = u.parent != null && ids.has(u.parent) ? u.parent : null
    children.set(key, [...(children.get(key) ?? []), u])
  }
  const order = (a: T, b: T) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.name.localeCompare(b.name, 'vi')
  const out: Array<T & { level: number }> = []
  const walk = (parent: number | null, level: number) => {
    for (const u of [...(children.get(parent) ?? [])].sort(order)) {
      out.push({ ...u, level })
      walk(u.id, level + 1)
    }
  }
  walk(null, 0)
  return out
}
