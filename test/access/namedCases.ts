/**
 * Named cases, written by hand: one line a reader can check against README and the regulation. The oracle
 * (./oracle.ts) must agree with every line (test/unit/accessOracle.test.ts). Columns: may read the record,
 * may read its sensitive items (CCCD, ethnicity, religion, health, party, family details…), may update it.
 */
import type { OracleActor, OracleRecord } from './oracle'

export interface NamedCase {
  who: string
  actor: OracleActor
  record: OracleRecord
  read: boolean
  sensitive: boolean
  update: boolean
}

const mfa = (roles: string[]): OracleActor => ({ roles, secondFactor: true })
const noMfa = (roles: string[]): OracleActor => ({ roles, secondFactor: false })
const at = (relation: OracleRecord['relation'], extra: Partial<OracleRecord> = {}): OracleRecord => ({ own: false, relation, ...extra })

export const NAMED_CASES: readonly NamedCase[] = [
  // The person: reads their own record with every item; changes it only by declaring (not by update).
  { who: 'the person, own record', actor: noMfa(['staff']), record: { own: true, relation: 'same' }, read: true, sensitive: true, update: false },
  { who: 'the person, a colleague in the same unit', actor: noMfa(['staff']), record: at('same'), read: false, sensitive: false, update: false },
  // Unit HR officer (cán bộ tổ chức của đơn vị): the unit's subtree, all items, read and update.
  { who: 'unit HR, record of own unit', actor: mfa(['unit-hr']), record: at('same'), read: true, sensitive: true, update: true },
  { who: 'unit HR, record of a sub-unit', actor: mfa(['unit-hr']), record: at('descendant'), read: true, sensitive: true, update: true },
  { who: 'unit HR, record of the parent unit', actor: mfa(['unit-hr']), record: at('ancestor'), read: false, sensitive: false, update: false },
  { who: 'unit HR, record of a sibling unit (sibling HR)', actor: mfa(['unit-hr']), record: at('sibling'), read: false, sensitive: false, update: false },
  { who: 'unit HR, record of another department', actor: mfa(['unit-hr']), record: at('other'), read: false, sensitive: false, update: false },
  { who: 'unit HR without the second factor, own unit', actor: noMfa(['unit-hr']), record: at('same'), read: false, sensitive: false, update: false },
  // Unit head (thủ trưởng đơn vị): reads the subtree, no sensitive items, no changes.
  { who: 'unit head, record of own unit', actor: mfa(['unit-head']), record: at('same'), read: true, sensitive: false, update: false },
  { who: 'unit head, record of a sub-unit', actor: mfa(['unit-head']), record: at('descendant'), read: true, sensitive: false, update: false },
  { who: 'unit head, record of a sibling unit', actor: mfa(['unit-head']), record: at('sibling'), read: false, sensitive: false, update: false },
  { who: 'unit head without the second factor, own unit', actor: noMfa(['unit-head']), record: at('same'), read: false, sensitive: false, update: false },
  // Personal-data officer and archivist: no record by their role alone.
  { who: 'personal-data officer, any record', actor: mfa(['data-protection-officer']), record: at('same'), read: false, sensitive: false, update: false },
  // …except through the narrow access a data subject's request opens (approved by ministry HR, in date, request open):
  // the items the request names, sensitive ones included, read only.
  { who: 'personal-data officer, item of an approved open request', actor: mfa(['data-protection-officer']), record: at('other', { officerAccess: { state: 'active', covers: true } }), read: true, sensitive: true, update: false },
  { who: 'personal-data officer, item the request does not name', actor: mfa(['data-protection-officer']), record: at('other', { officerAccess: { state: 'active', covers: false } }), read: false, sensitive: false, update: false },
  { who: 'personal-data officer, access waiting for ministry HR', actor: mfa(['data-protection-officer']), record: at('other', { officerAccess: { state: 'pending', covers: true } }), read: false, sensitive: false, update: false },
  { who: 'personal-data officer, access past its time', actor: mfa(['data-protection-officer']), record: at('other', { officerAccess: { state: 'expired', covers: true } }), read: false, sensitive: false, update: false },
  { who: 'personal-data officer, request closed', actor: mfa(['data-protection-officer']), record: at('other', { officerAccess: { state: 'closed', covers: true } }), read: false, sensitive: false, update: false },
  { who: 'personal-data officer without the second factor, approved access', actor: noMfa(['data-protection-officer']), record: at('other', { officerAccess: { state: 'active', covers: true } }), read: false, sensitive: false, update: false },
  { who: 'archivist, any record', actor: mfa(['archivist']), record: at('same'), read: false, sensitive: false, update: false },
  // Ministry HR (Vụ Tổ chức cán bộ): every record, every item, with the second factor.
  { who: 'ministry HR, any department', actor: mfa(['ministry-hr']), record: at('other'), read: true, sensitive: true, update: true },
  { who: 'ministry HR without the second factor', actor: noMfa(['ministry-hr']), record: at('other'), read: false, sensitive: false, update: false },
  // Auditor and system administrator: no personal records.
  { who: 'auditor, any record', actor: mfa(['auditor']), record: at('same'), read: false, sensitive: false, update: false },
  { who: 'administrator, any record', actor: mfa(['sysadmin']), record: at('same'), read: false, sensitive: false, update: false },
  { who: 'administrator, own record', actor: mfa(['sysadmin']), record: { own: true, relation: 'same' }, read: true, sensitive: true, update: false },
  // Purpose-bound grants: open the record, never its sensitive items; only approved and in date.
  { who: 'read-grant holder, approved and in date', actor: mfa(['auditor']), record: at('other', { grants: [{ kind: 'read', state: 'active', covers: true }] }), read: true, sensitive: false, update: false },
  { who: 'update-grant holder, approved and in date', actor: noMfa(['staff']), record: at('other', { grants: [{ kind: 'update', state: 'active', covers: true }] }), read: true, sensitive: false, update: true },
  { who: 'unit HR with an update grant on a sibling unit', actor: mfa(['unit-hr']), record: at('sibling', { grants: [{ kind: 'update', state: 'active', covers: true }] }), read: true, sensitive: false, update: true },
  { who: 'read-grant holder, grant expired', actor: noMfa(['staff']), record: at('other', { grants: [{ kind: 'read', state: 'expired', covers: true }] }), read: false, sensitive: false, update: false },
  { who: 'read-grant holder, grant not yet in force', actor: noMfa(['staff']), record: at('other', { grants: [{ kind: 'read', state: 'future', covers: true }] }), read: false, sensitive: false, update: false },
  { who: 'read-grant holder, grant revoked', actor: noMfa(['staff']), record: at('other', { grants: [{ kind: 'read', state: 'revoked', covers: true }] }), read: false, sensitive: false, update: false },
  { who: 'read-grant holder, grant pending approval', actor: noMfa(['staff']), record: at('other', { grants: [{ kind: 'read', state: 'pending', covers: true }] }), read: false, sensitive: false, update: false },
  { who: 'grant holder, grant on another record', actor: noMfa(['staff']), record: at('other', { grants: [{ kind: 'update', state: 'active', covers: false }] }), read: false, sensitive: false, update: false },
  // A disabled account (left or transferred): nothing, not even the own record.
  { who: 'disabled account, own record', actor: { roles: ['staff'], secondFactor: false, disabled: true }, record: { own: true, relation: 'same' }, read: false, sensitive: false, update: false },
  { who: 'disabled unit HR, own unit', actor: { roles: ['unit-hr'], secondFactor: true, disabled: true }, record: at('same'), read: false, sensitive: false, update: false },
]
