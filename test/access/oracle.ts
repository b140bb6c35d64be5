/**
 * An independent model of who may read and change a personnel record, written from the rules as README and
 * the regulation state them (QĐ 832/QĐ-BNV: rights by duty, authority and purpose; NĐ 356/2025 Điều 4.1:
 * sensitive items). It imports nothing from access/ or src/domain/: the generated properties compare the
 * server with this model, so they prove the rule, not only the plumbing that carries the application's own.
 *
 * A decision depends on: the actor's roles, whether they passed the second factor, whether the account is
 * disabled; where the record's unit lies relative to the actor's own unit; whether it is the actor's own
 * record; the grants that name it (kind and state); and whether the item asked for is sensitive.
 */

/** Where a record's unit lies relative to the actor's own unit. */
export type Relation = 'same' | 'descendant' | 'ancestor' | 'sibling' | 'other' | 'no-unit'
export const RELATIONS: readonly Relation[] = ['same', 'descendant', 'ancestor', 'sibling', 'other', 'no-unit']

export type GrantKind = 'read' | 'update'
export type GrantState = 'active' | 'expired' | 'future' | 'pending' | 'revoked'
export const GRANT_STATES: readonly GrantState[] = ['active', 'expired', 'future', 'pending', 'revoked']

export type Action = 'read' | 'update'
export type Item = 'plain' | 'sensitive'

export interface RoleRule {
  /** Units (relative to the role holder's own unit) whose records the role reads by duty. */
  reads: readonly Relation[]
  /** … and updates by duty. */
  updates: readonly Relation[]
  /** … and whose sensitive items it reads by duty. */
  sensitive: readonly Relation[]
  /** Every record of the ministry (read, update and sensitive items). */
  ministryWide?: boolean
  /** The role counts only once the session passed the second factor. */
  secondFactor: boolean
  /** A system role: its account may exist without a staff record. */
  system?: boolean
}

const SUBTREE: readonly Relation[] = ['same', 'descendant']
const NONE: readonly Relation[] = []

/**
 * One line per role. README: "a staff member reads their own record; a unit HR officer reads and updates the
 * records of their unit's subtree; a unit head reads that subtree; ministry HR reads and updates all; the
 * system administrator and the auditor read no personal records". Sensitive items: "readable only by the
 * person, unit HR and ministry HR — not by unit heads". Second factor: every role that reads personal data
 * or runs the system — every role but staff, unit heads included. The personal-data officer and the archivist
 * read no record by their role alone. A role added to the application is one more line here.
 */
export const ROLE_RULES: Readonly<Record<string, RoleRule>> = {
  staff: { reads: NONE, updates: NONE, sensitive: NONE, secondFactor: false },
  'unit-hr': { reads: SUBTREE, updates: SUBTREE, sensitive: SUBTREE, secondFactor: true },
  'unit-head': { reads: SUBTREE, updates: NONE, sensitive: NONE, secondFactor: true },
  'ministry-hr': { reads: NONE, updates: NONE, sensitive: NONE, ministryWide: true, secondFactor: true },
  auditor: { reads: NONE, updates: NONE, sensitive: NONE, secondFactor: true, system: true },
  sysadmin: { reads: NONE, updates: NONE, sensitive: NONE, secondFactor: true, system: true },
  'data-protection-officer': { reads: NONE, updates: NONE, sensitive: NONE, secondFactor: true },
  archivist: { reads: NONE, updates: NONE, sensitive: NONE, secondFactor: true },
}
export const ORACLE_ROLES: readonly string[] = Object.keys(ROLE_RULES)

export interface OracleActor {
  roles: readonly string[]
  /** The session passed the second factor. */
  secondFactor: boolean
  disabled?: boolean
}

export interface OracleGrant {
  kind: GrantKind
  state: GrantState
  /** The grant names this record, or a unit whose subtree holds it. */
  covers: boolean
}

/**
 * The personal-data officer's narrow access (NĐ 356/2025 Điều 14): opened by a data subject's request, approved by
 * ministry HR, in date, while the request is open; it covers the items the request names — sensitive ones too.
 */
export interface OracleOfficerAccess {
  state: 'active' | 'pending' | 'expired' | 'closed'
  /** The request names the item asked about. */
  covers: boolean
}

export interface OracleRecord {
  /** The actor's own staff record. */
  own: boolean
  /** A data subject's request about this record opened the officer's access. */
  officerAccess?: OracleOfficerAccess
  /** Where the record's unit lies relative to the actor's own unit. */
  relation: Relation
  grants?: readonly OracleGrant[]
}

/** The roles that count for this session: a role that needs the second factor counts only after it. */
export function effectiveRoles(actor: OracleActor): string[] {
  if (actor.disabled) return []
  return actor.roles.filter((r) => ROLE_RULES[r] && (actor.secondFactor || !ROLE_RULES[r]!.secondFactor))
}

/** May the actor take `action` on `item`s of the record? */
export function allowed(actor: OracleActor, record: OracleRecord, action: Action, item: Item = 'plain'): boolean {
  const roles = effectiveRoles(actor).map((r) => ROLE_RULES[r]!)
  // An account whose roles do not count (second factor not passed) reaches nothing, not even its own record.
  if (!roles.length) return false
  const ministry = roles.some((r) => r.ministryWide)
  const byDuty = (pick: (r: RoleRule) => readonly Relation[]) => roles.some((r) => pick(r).includes(record.relation))
  // Grants open plain items only, and only while approved and in date; an update grant also reads.
  const granted = (record.grants ?? []).some((g) => g.covers && g.state === 'active' && (action === 'read' || g.kind === 'update'))

  const reads = ministry || record.own || byDuty((r) => r.reads) || granted
  // The officer reads (never changes) exactly the items a request covers, sensitive or not, while its access is on.
  const officer = effectiveRoles(actor).includes('data-protection-officer') && record.officerAccess?.state === 'active' && record.officerAccess.covers
  if (action === 'read' && officer) return true
  if (action === 'read') {
    if (item === 'plain') return reads
    return ministry || record.own || byDuty((r) => r.sensitive)
  }
  // Changes to one's own record go through self-declaration, not an update.
  const updates = ministry || byDuty((r) => r.updates) || granted
  if (item === 'plain') return updates
  return updates && (ministry || byDuty((r) => r.sensitive))
}

/** A unit tree as the test reads it from the database (id → parent id). */
export type UnitParents = ReadonlyMap<number, number | null>

function ancestors(tree: UnitParents, unit: number): number[] {
  const chain: number[] = []
  for (let u = tree.get(unit) ?? null; u != null; u = tree.get(u) ?? null) chain.push(u)
  return chain
}

/** Where `recordUnit` lies relative to `actorUnit`, walking the parent links. */
export function relationOf(tree: UnitParents, actorUnit: number | null | undefined, recordUnit: number): Relation {
  if (actorUnit == null) return 'no-unit'
  if (actorUnit === recordUnit) return 'same'
  if (ancestors(tree, recordUnit).includes(actorUnit)) return 'descendant'
  if (ancestors(tree, actorUnit).includes(recordUnit)) return 'ancestor'
  if ((tree.get(actorUnit) ?? null) === (tree.get(recordUnit) ?? null)) return 'sibling'
  return 'other'
}

/** Is `unit` inside the subtree of `root` (the root itself included)? */
export const withinSubtree = (tree: UnitParents, root: number, unit: number): boolean => unit === root || ancestors(tree, unit).includes(root)

/** A grant's state from its stored status and dates, at `now`. */
export function grantState(status: 'approved' | 'pending' | 'revoked', validFrom: Date, validTo: Date, now: Date): GrantState {
  if (status !== 'approved') return status
  if (now < validFrom) return 'future'
  if (now > validTo) return 'expired'
  return 'active'
}
