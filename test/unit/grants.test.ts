import { mayReach } from '../../src/domain/access'
import { activeGrants, grantApprovalRefusal, validateGrant } from '../../src/domain/grants'

const now = new Date('2026-11-25T08:00:00Z')
const base = { status: 'approved' as const, action: 'read' as const, purpose: 'Thẩm định hồ sơ bổ nhiệm', unitIds: [7], staffIds: [] }

test('only approved grants inside their period count', () => {
  expect(activeGrants([{ ...base, validFrom: '2026-11-01', validTo: '2026-12-01' }], now)).toHaveLength(1)
  expect(activeGrants([{ ...base, validFrom: '2026-10-01', validTo: '2026-11-01' }], now)).toHaveLength(0)
  expect(activeGrants([{ ...base, validFrom: '2026-12-01', validTo: '2027-01-01' }], now)).toHaveLength(0)
  expect(activeGrants([{ ...base, status: 'pending', validFrom: '2026-11-01', validTo: '2026-12-01' }], now)).toHaveLength(0)
  expect(activeGrants([{ ...base, status: 'revoked', validFrom: '2026-11-01', validTo: '2026-12-01' }], now)).toHaveLength(0)
})

test('a read grant opens the subtree for reading, not for updating', () => {
  const grants = activeGrants([{ ...base, validFrom: '2026-11-01', validTo: '2026-12-01' }], now)
  const actor = { roles: ['auditor'], grants }
  expect(mayReach(actor, 'read', { id: 1, unitPath: '.1.7.9.' })).toBe(true)
  expect(mayReach(actor, 'read', { id: 2, unitPath: '.1.8.' })).toBe(false)
  expect(mayReach(actor, 'update', { id: 1, unitPath: '.1.7.9.' })).toBe(false)
  const upd = activeGrants([{ ...base, action: 'update', unitIds: [], staffIds: [5], validFrom: '2026-11-01', validTo: '2026-12-01' }], now)
  expect(mayReach({ roles: ['staff'], grants: upd }, 'update', { id: 5, unitPath: '.1.8.' })).toBe(true)
})

test('a grant needs a purpose, a target and a sensible period; nobody approves their own', () => {
  expect(validateGrant({ purpose: ' ', unitIds: [], staffIds: [], validFrom: '2026-12-01', validTo: '2026-11-01' }).map((i) => i.field)).toEqual([
    'purpose',
    'units',
    'validTo',
  ])
  expect(validateGrant({ ...base, validFrom: '2026-11-01', validTo: '2026-12-01' })).toEqual([])
  expect(grantApprovalRefusal({ id: 3, roles: ['ministry-hr'] }, { grantee: 3 })?.en).toMatch(/themselves/)
  expect(grantApprovalRefusal({ id: 4, roles: ['ministry-hr'] }, { grantee: 3 })).toBeNull()
})

test('only ministry HR approves a grant: not a system administrator, who could open records to an account they control', () => {
  expect(grantApprovalRefusal({ id: 4, roles: ['sysadmin'] }, { grantee: 3 })?.vi).toMatch(/Chỉ cán bộ tổ chức cấp Bộ/)
  expect(grantApprovalRefusal({ id: 4, roles: ['unit-hr'] }, { grantee: 3 })).not.toBeNull()
  expect(grantApprovalRefusal(null, { grantee: 3 })).not.toBeNull()
})
