/**
 * A statistical report as data: what it counts (population), by which rows (the units of a subtree, to a depth,
 * each row holding its whole subtree: a subtotal; the chosen unit's row is the grand total), and a tree of column
 * groups whose leaves are predicates over the person snapshot at the reporting date. Header and footer blocks
 * are the form's own text. A form code is given only where the form really has one (reports-and-rules.md §A:
 * codes of TT 18/2025 were not obtained and are never invented).
 */
import type { Predicate } from './predicate'
import { sensitiveGroupsOf } from './predicate'
import type { SensitiveGroup } from './snapshot'

export interface ColumnNode {
  /** Leaves only: the column key (drill-down `col=`), lower-case letters, digits and dashes. */
  key?: string
  label: string
  /** Leaves only: who is counted in the column, among the report's population. */
  when?: Predicate
  /** Groups only. */
  children?: ColumnNode[]
  /** Groups only: the group's leaves split the column with this key (each person in exactly one of them). */
  partitionOf?: string
}

export interface ReportDefinition {
  /** The report's code in the URL (`/api/reports/:code`). */
  code: string
  /** Raised at every change; editions keep the version they were made with. */
  version: number
  title: string
  /** The form's official code, only when the legal text gives one (e.g. "BM01/BNV"); null otherwise. */
  formCode: string | null
  /** The text the layout follows, as it is ("Theo mẫu BM01/BNV, Thông tư 11/2012/TT-BNV — …"). */
  legalBasis: string
  /** Who the report counts at all (e.g. công chức), among the people who worked here on D. */
  population: Predicate
  rows: {
    /** Unit levels shown below the chosen unit (0: the chosen unit only). */
    depth: number
  }
  columns: ColumnNode[]
  header: {
    /** Top left (form code, circular). */
    left: string[]
    /** Top right ("Đơn vị báo cáo: …", "Đơn vị nhận báo cáo: …", "Đơn vị tính: người"). */
    right: string[]
  }
  footer: {
    left: string[]
    right: string[]
  }
}

export interface Leaf {
  key: string
  label: string
  when: Predicate
  /** Labels of the groups above it, outermost first. */
  path: string[]
}

/** The leaves in column order. */
export function leavesOf(columns: readonly ColumnNode[], path: string[] = []): Leaf[] {
  return columns.flatMap((c) =>
    c.children ? leavesOf(c.children, [...path, c.label]) : [{ key: c.key!, label: c.label, when: c.when!, path }],
  )
}

/** The column tree without the leaves that read a group the reader may not read; groups left empty go too. */
export function visibleColumns(columns: readonly ColumnNode[], allowed: ReadonlySet<SensitiveGroup>): ColumnNode[] {
  const out: ColumnNode[] = []
  for (const c of columns) {
    if (c.children) {
      const children = visibleColumns(c.children, allowed)
      if (!children.length) continue
      // A split that lost a leaf no longer adds up to its total.
      const lost = leavesOf(children).length !== leavesOf(c.children).length
      out.push({ ...c, children, ...(lost ? { partitionOf: undefined } : {}) })
    } else if (c.when && sensitiveGroupsOf(c.when).every((g) => allowed.has(g))) {
      out.push(c)
    }
  }
  return out
}

/**
 * Splits to check: a group with `partitionOf` says that its parts add up to that column. Its parts are its leaf
 * children (but the total itself, when the total sits in the group) and, for a nested group that is itself a
 * split, that group's total ("Từ 51 đến tuổi nghỉ hưu" counts once in the age split, its Nữ/Nam split apart).
 */
export function partitionsOf(columns: readonly ColumnNode[]): Array<{ total: string; parts: string[] }> {
  return columns.flatMap((c) => {
    if (!c.children) return []
    const own = c.partitionOf
      ? [{ total: c.partitionOf, parts: c.children.flatMap((k) => (k.children ? (k.partitionOf ? [k.partitionOf] : []) : k.key === c.partitionOf ? [] : [k.key!])) }]
      : []
    return [...own, ...partitionsOf(c.children)]
  })
}

/** How many header rows the column tree needs (its depth). */
export function headerDepth(columns: readonly ColumnNode[]): number {
  return Math.max(1, ...columns.map((c) => (c.children ? 1 + headerDepth(c.children) : 1)))
}
