/**
 * Runs a report definition: one SQL query over the snapshot at D (counts per unit, one FILTER per visible column),
 * summed over the unit tree in src/domain/reports/rows.ts. The chosen units bound the rows; people are placed by
 * their unit on D.
 */
import type { Pool } from 'pg'

import { formatDate } from '../domain/dates'
import { DomainError } from '../domain/errors'
import {
  buildRows,
  compileCounts,
  compilePredicate,
  leavesOf,
  parameters,
  visibleColumns,
  type ColumnNode,
  type ReportDefinition,
  type ReportRow,
  type ReportUnit,
  type SensitiveGroup,
} from '../domain/reports'
import { snapshotSelect } from './snapshotSql'

export interface ReportResult {
  code: string
  version: number
  title: string
  formCode: string | null
  legalBasis: string
  /** YYYY-MM-DD */
  date: string
  header: { left: string[]; right: string[]; title: string; subtitle: string }
  footer: { left: string[]; right: string[] }
  columns: ColumnNode[]
  /** Leaves in order with their printed column number (1 …; STT and "Tên đơn vị" come before). */
  leaves: Array<{ key: string; label: string; path: string[]; number: number }>
  rows: ReportRow[]
  totals: Record<string, number>
  /** Sensitive column groups left out for this reader. */
  omittedGroups: SensitiveGroup[]
  scope: { unitIds: number[] }
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** The units of the chosen subtrees (nested roots folded into their ancestors). */
export async function subtreeUnits(pool: Pool, rootIds: readonly number[]): Promise<{ units: ReportUnit[]; roots: ReportUnit[] }> {
  const { rows } = await pool.query<{ id: number; path: string }>('SELECT id, path FROM units WHERE id = ANY($1::int[]) AND path IS NOT NULL', [rootIds])
  const roots = rows.filter((r) => !rows.some((o) => o.id !== r.id && r.path.startsWith(o.path)))
  if (!roots.length) return { units: [], roots: [] }
  const all = await pool.query<{ id: number; name: string; code: string; parent_id: number | null; path: string; sort_order: string | null }>(
    'SELECT id, name, code, parent_id, path, sort_order FROM units WHERE path LIKE ANY($1::text[])',
    [roots.map((r) => `${r.path}%`)],
  )
  const units = all.rows.map((u) => ({ id: u.id, name: u.name, code: u.code, parent: u.parent_id, path: u.path, sortOrder: u.sort_order == null ? 0 : Number(u.sort_order) }))
  return { units, roots: units.filter((u) => roots.some((r) => r.id === u.id)) }
}

export async function runReport(
  pool: Pool,
  definition: ReportDefinition,
  options: { date: Date; rootUnitIds: readonly number[]; allowed: ReadonlySet<SensitiveGroup> },
): Promise<ReportResult> {
  const columns = visibleColumns(definition.columns, options.allowed)
  const leaves = leavesOf(columns)
  const omittedGroups = (['party', 'ethnicity', 'religion', 'health'] as const).filter((g) => !options.allowed.has(g))
  const { units, roots } = await subtreeUnits(pool, options.rootUnitIds)
  if (!roots.length) throw new DomainError([{ field: 'unit', vi: 'Không tìm thấy đơn vị', en: 'Unit not found' }], 'not-found')
  const { params, param } = parameters()
  const at = param(options.date.toISOString())
  // The whole tree needs no path test; a part of it does (people outside it are not read).
  const whole = roots.every((r) => r.parent == null)
  const snap = snapshotSelect(`${at}::timestamptz`, param, options.date, whole ? undefined : roots.map((r) => r.path))
  const counts = compileCounts(leaves, param)
  // The chosen subtrees' units as a list: a hashed test per person, no join the planner could loop over.
  const sql = `WITH p AS (${snap})
    SELECT p.unit_id, ${counts}
    FROM p
    WHERE p.unit_id = ANY(${param(units.map((u) => u.id))}::int[]) AND ${compilePredicate(definition.population, param)}
    GROUP BY p.unit_id`
  const { rows } = await pool.query<Record<string, string | number>>(sql, params)
  const byUnit = new Map(rows.map((r) => [Number(r.unit_id), leaves.map((_, i) => Number(r[`c${i}`]))]))
  const built = buildRows(units, byUnit, leaves.map((l) => l.key), definition.rows.depth)
  const unitName = roots.map((r) => r.name).join('; ')
  return {
    code: definition.code,
    version: definition.version,
    title: definition.title,
    formCode: definition.formCode,
    legalBasis: definition.legalBasis,
    date: isoDay(options.date),
    header: {
      left: definition.header.left,
      right: definition.header.right.map((l) => l.replaceAll('{unit}', unitName)),
      title: definition.title,
      subtitle: `Tính đến ngày ${formatDate(options.date)}`,
    },
    footer: definition.footer,
    columns,
    leaves: leaves.map((l, i) => ({ key: l.key, label: l.label, path: l.path, number: i + 1 })),
    rows: built.rows,
    totals: built.totals,
    omittedGroups,
    scope: { unitIds: roots.map((r) => r.id) },
  }
}

export interface CellPerson {
  id: number
  staffCode: string
  fullName: string
  gender: string
  birthDate: string
  unitAtDate: number
  rankCode: string | null
}

/**
 * The people behind one cell: the row unit's subtree on D, the report's population, the column's predicate.
 * Only people the reader may read today are named (`readable` is the read scope's SQL condition on `s`);
 * the others are counted in `notReadable` (moved out of the reader's scope since D).
 */
export async function peopleInCell(
  pool: Pool,
  definition: ReportDefinition,
  options: { date: Date; rowUnitId: number; col: string; allowed: ReadonlySet<SensitiveGroup>; readable: (param: (v: unknown) => string) => string },
): Promise<{ people: CellPerson[]; total: number; notReadable: number }> {
  const leaf = leavesOf(visibleColumns(definition.columns, options.allowed)).find((l) => l.key === options.col)
  if (!leaf) throw new DomainError([{ field: 'col', vi: `Báo cáo không có cột "${options.col}"`, en: `The report has no column "${options.col}"` }], 'not-found')
  const { params, param } = parameters()
  const at = param(options.date.toISOString())
  const { units, roots } = await subtreeUnits(pool, [options.rowUnitId])
  const sql = `WITH p AS (${snapshotSelect(`${at}::timestamptz`, param, options.date, roots.map((r) => r.path))})
    SELECT s.id, s.staff_code, s.full_name, s.gender::text AS gender, s.birth_date, p.unit_id, p.rank_code, ${options.readable(param)} AS readable
    FROM p JOIN staff s ON s.id = p.id
    WHERE p.unit_id = ANY(${param(units.map((u) => u.id))}::int[]) AND ${compilePredicate(definition.population, param)} AND ${compilePredicate(leaf.when, param)}
    ORDER BY s.sort_name, s.id`
  const { rows } = await pool.query<{ id: number; staff_code: string; full_name: string; gender: string; birth_date: Date; unit_id: number; rank_code: string | null; readable: boolean }>(sql, params)
  const people = rows.filter((r) => r.readable).map((r) => ({
    id: r.id, staffCode: r.staff_code, fullName: r.full_name, gender: r.gender, birthDate: isoDay(r.birth_date), unitAtDate: r.unit_id, rankCode: r.rank_code,
  }))
  return { people, total: rows.length, notReadable: rows.length - people.length }
}
