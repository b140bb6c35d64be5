import { checkRolesWithoutStaff, isBootstrap, mayDecideRoleRequest, splitRoleChange } from '../../src/domain/roleChanges'

test('adding a role that reads personal data waits for ministry HR; the rest applies now', () => {
  const s = splitRoleChange({ roles: ['staff'], unitId: null }, { roles: ['staff', 'unit-hr'], unitId: 7 })
  expect(s.immediate).toEqual({ roles: ['staff'], unitId: null })
  expect(s.pending).toEqual({ roles: ['staff', 'unit-hr'], unitId: 7 })
  expect(s.approverRoles).toEqual(['ministry-hr'])
})

test('system roles wait too, for ministry HR or another system administrator', () => {
  const s = splitRoleChange({ roles: [], unitId: null }, { roles: ['sysadmin'], unitId: null })
  expect(s.immediate.roles).toEqual(['staff'])
  expect(s.approverRoles).toEqual(['ministry-hr', 'sysadmin'])
  expect(splitRoleChange({ roles: ['staff'], unitId: null }, { roles: ['auditor'], unitId: null }).pending).toEqual({ roles: ['auditor'], unitId: null })
})

test('moving the unit of an HR officer is a new scope; removing roles and renaming apply at once', () => {
  const move = splitRoleChange({ roles: ['unit-hr'], unitId: 7 }, { roles: ['unit-hr'], unitId: 1 })
  expect(move.immediate).toEqual({ roles: ['unit-hr'], unitId: 7 })
  expect(move.pending).toEqual({ roles: ['unit-hr'], unitId: 1 })
  expect(splitRoleChange({ roles: ['unit-hr', 'staff'], unitId: 7 }, { roles: ['staff'], unitId: 7 }).pending).toBeNull()
  expect(splitRoleChange({ roles: ['staff'], unitId: 7 }, { roles: ['staff'], unitId: 9 }).pending).toBeNull()
  expect(splitRoleChange({ roles: ['unit-hr'], unitId: 7 }, { roles: ['unit-hr'], unitId: null }).pending).toBeNull()
})

test('the approver is authorised and neither the requester nor the account holder', () => {
  const req = { accountId: 5, requestedBy: 1, approverRoles: ['ministry-hr'] }
  expect(mayDecideRoleRequest({ id: 9, roles: ['ministry-hr'] }, req)).toBeNull()
  expect(mayDecideRoleRequest({ id: 1, roles: ['ministry-hr', 'sysadmin'] }, req)?.vi).toMatch(/Người đề nghị/)
  expect(mayDecideRoleRequest({ id: 5, roles: ['ministry-hr'] }, req)?.vi).toMatch(/chính tài khoản/)
  expect(mayDecideRoleRequest({ id: 2, roles: ['sysadmin'] }, req)?.en).toMatch(/Only ministry HR/)
  expect(mayDecideRoleRequest({ id: 2, roles: ['sysadmin'] }, { ...req, approverRoles: ['ministry-hr', 'sysadmin'] })).toBeNull()
})

test('first run only: nobody else could approve and nothing was ever approved', () => {
  expect(isBootstrap({ otherApprovers: 0, approvedRequests: 0 })).toBe(true)
  expect(isBootstrap({ otherApprovers: 1, approvedRequests: 0 })).toBe(false)
  expect(isBootstrap({ otherApprovers: 0, approvedRequests: 3 })).toBe(false)
})

test('an account without a staff record holds system roles only', () => {
  expect(checkRolesWithoutStaff(['sysadmin', 'auditor'], null)).toBeNull()
  expect(checkRolesWithoutStaff(['ministry-hr'], null)?.field).toBe('staff')
  expect(checkRolesWithoutStaff(['staff'], null)).toBeNull()
  expect(checkRolesWithoutStaff(['sysadmin', 'unit-head'], null)).not.toBeNull()
  expect(checkRolesWithoutStaff(['unit-hr', 'staff'], 12)).toBeNull()
})

test('linking an account to a staff record waits for ministry HR; keeping the link does not', () => {
  const link = splitRoleChange({ roles: ['staff'], unitId: null, staffId: null }, { roles: ['staff'], unitId: null, staffId: 42 })
  expect(link.immediate.staffId).toBeNull()
  expect(link.pending?.staffId).toBe(42)
  expect(link.approverRoles).toEqual(['ministry-hr'])
  expect(splitRoleChange({ roles: ['staff'], unitId: null, staffId: 42 }, { roles: ['staff'], unitId: 3, staffId: 42 }).pending).toBeNull()
  expect(splitRoleChange({ roles: ['staff'], unitId: null, staffId: 42 }, { roles: ['staff'], unitId: null, staffId: null }).pending).toBeNull()
})
