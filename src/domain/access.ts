/**
 * Who may read and change personnel records: by duty and authority (QĐ 832/QĐ-BNV: "quyền cập nhật,
 * khai thác thông tin được cấp theo đúng chức trách, nhiệm vụ, quyền hạn"). Default deny.
 * Pure: Payload access predicates in access/ turn a Scope into a database `Where`.
 *
 * - staff        their own record
 * - unit-hr      records of their unit's subtree (read and update) and their own
 * - unit-head    records of their unit's subtree (read only) and their own
 * - ministry-hr  every record
 * - auditor      no personal data (reads the audit trail)
 * - sysadmin     no personal data by default (system settings and accounts)
 * - data-protection-officer, archivist   no record by role alone (src/domain/roles.ts)
 * plus, for anyone, approved in-date grants for a stated purpose (read, or read and update).
 */
import type { ActiveGrant } from './grants'
import type { Role } from './roles'
import { subtreeToken } from './unitTree'

export { ROLES, type Role } from './roles'

export interface Actor {
  roles: readonly string[]
  /** The unit an HR officer or head is responsible for. */
  unitId?: number | null
  /** The actor's own staff record. */
  staffId?: number | null
  /** Approved, in-date purpose-bound grants (src/domain/grants.ts). */
  grants?: readonly ActiveGrant[]
}

/** Records an actor may reach: all of them, none, or a union of unit subtrees and named records. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'some'; subtreeUnitIds: number[]; staffIds: number[] }

export type Action = 'read' | 'update'

const has = (a: Actor, r: Role) => a.roles.includes(r)

export function recordScope(actor: Actor | null | undefined, action: Action): Scope {
  if (!actor) return { kind: 'none' }
  if (has(actor, 'ministry-hr')) return { kind: 'all' }
  const subtrees: number[] = []
  const own: number[] = []
  if (actor.unitId != null && (has(actor, 'unit-hr') || (action === 'read' && has(actor, 'unit-head')))) subtrees.push(actor.unitId)
  // Reading one's own record is always allowed to its owner; changes go through self-declaration.
  if (action === 'read' && actor.staffId != null && actor.roles.length > 0) own.push(actor.staffId)
  for (const g of actor.grants ?? []) {
    if (action === 'update' && g.action !== 'update') continue
    subtrees.push(...g.unitIds)
    own.push(...g.staffIds)
  }
  if (!subtrees.length && !own.length) return { kind: 'none' }
  return { kind: 'some', subtreeUnitIds: subtrees, staffIds: own }
}

/** The same decision for one record, given its unit path: the oracle the property tests compare against. */
export function mayReach(actor: Actor | null | undefined, action: Action, record: { id: number; unitPath: string }): boolean {
  const scope = recordScope(actor, action)
  if (scope.kind === 'all') return true
  if (scope.kind === 'none') return false
  return scope.staffIds.includes(record.id) || scope.subtreeUnitIds.some((u) => record.unitPath.includes(subtreeToken(u)))
}

// Named role predicates: endpoints, components and access rules ask these instead of reading role lists.
type HasRoles = { roles: readonly string[] } | null | undefined
const holds = (a: HasRoles, role: Role) => Boolean(a && a.roles.includes(role))

export const isSysadmin = (a: HasRoles) => holds(a, 'sysadmin')
export const isAuditor = (a: HasRoles) => holds(a, 'auditor')
export const isMinistryHr = (a: HasRoles) => holds(a, 'ministry-hr')
/** An HR officer of a unit or of the ministry (cán bộ tổ chức): reviews declarations, requests signed exports. */
export const isHrOfficer = (a: HasRoles) => holds(a, 'unit-hr') || holds(a, 'ministry-hr')
export const mayManageOrganisation = (a: Actor | null | undefined) => Boolean(a && (has(a, 'sysadmin') || has(a, 'ministry-hr')))
