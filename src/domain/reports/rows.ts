/**
 * Rows of a report: the units of the chosen subtrees to a depth, in tree order, each row counting its whole
 * subtree (a subtotal, people of deeper units included), and the grand total over the roots. Pure: the database
 * gives one count vector per unit (src/reports/run.ts), the tree is summed here.
 */
import { inTreeOrder } from '../unitTree'

export interface ReportUnit {
  id: number
  name: string
  code: string
  parent: number | null
  path: string
  sortOrder?: number | null
}

export interface ReportRow {
  unit: { id: number; name: string; code: string; parent: number | null }
  /** 0 for a chosen unit, 1 for its children … */
  level: number
  /** Counts of the row's whole subtree, by column key. */
  cells: Record<string, number>
  /** Counts of people attached to the unit itself (not below it): a row's cells = its own + its children's cells. */
  own: Record<string, number>
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>

/**
 * `units`: every unit of the chosen subtrees (their roots are the units whose parent is not in the list);
 * `counts`: unit id → one count per key (units without people may be missing).
 */
export function buildRows(
  units: readonly ReportUnit[],
  counts: ReadonlyMap<number, readonly number[]>,
  keys: readonly string[],
  depth: number,
): { rows: ReportRow[]; totals: Record<string, number> } {
  const ordered = inTreeOrder(units)
  const shown = ordered.filter((u) => u.level <= depth)
  const rows: ReportRow[] = shown.map((u) => ({
    unit: { id: u.id, name: u.name, code: u.code, parent: u.parent },
    level: u.level,
    cells: zeros(keys),
    own: zeros(keys),
  }))
  const byPath = shown.map((u, i) => ({ path: u.path, row: rows[i]! }))
  const byId = new Map(shown.map((u, i) => [u.id, rows[i]!]))
  const totals = zeros(keys)
  const known = new Map(units.map((u) => [u.id, u]))
  for (const [unitId, vector] of counts) {
    const unit = known.get(unitId)
    if (!unit) continue
    const own = byId.get(unitId)
    for (const { path, row } of byPath) {
      if (!unit.path.startsWith(path)) continue
      keys.forEach((k, i) => (row.cells[k]! += vector[i] ?? 0))
    }
    if (own) keys.forEach((k, i) => (own.own[k]! += vector[i] ?? 0))
    keys.forEach((k, i) => (totals[k]! += vector[i] ?? 0))
  }
  return { rows, totals }
}
