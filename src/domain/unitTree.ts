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

/** True when the unit or staff row with `path` is `rootId` itself or lies below it. */
export function isWithinSubtree(path: string, rootId: number | string): boolean {
  return path.includes(subtreeToken(rootId))
}

/** Moving unit `unitId` under a parent whose path is `newParentPath` would make it its own ancestor. */
export function wouldCreateCycle(unitId: number | string, newParentPath: string): boolean {
  return isWithinSubtree(newParentPath, unitId)
}
