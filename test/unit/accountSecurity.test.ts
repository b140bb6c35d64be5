import { bulkSecurityRefusal, mayDecideSecurityRequest, passwordChangeRefusal, readsPersonalData, unitMoveWaits } from '../../src/domain/accountSecurity'
import { csvCell } from '../../src/domain/csv'
import { signInThrottled } from '../../src/domain/signIn'

describe('account security rules', () => {
  test('only the holder sets a password', () => {
    expect(passwordChangeRefusal(7, 7)).toBeNull()
    expect(passwordChangeRefusal(1, 7)).toMatchObject({ field: 'password' })
    expect(passwordChangeRefusal(1, null)).toMatchObject({ field: 'password' })
  })

  test('an account reads personal data through a personal-data role or its own record', () => {
    expect(readsPersonalData({ roles: ['sysadmin'], staffId: null })).toBe(false)
    expect(readsPersonalData({ roles: ['staff'], staffId: 12 })).toBe(true)
    expect(readsPersonalData({ roles: ['unit-hr'], staffId: null })).toBe(true)
  })

  test('bulk updates name no security field', () => {
    expect(bulkSecurityRefusal(['displayName'])).toBeNull()
    for (const f of ['password', 'email', 'disabled']) expect(bulkSecurityRefusal(['displayName', f])).toMatchObject({ field: f })
  })

  test('ministry HR decides, never the requester nor the holder', () => {
    const request = { accountId: 5, requestedBy: 1 }
    expect(mayDecideSecurityRequest({ id: 9, roles: ['ministry-hr'] }, request)).toBeNull()
    expect(mayDecideSecurityRequest({ id: 1, roles: ['ministry-hr'] }, request)).toMatchObject({ field: 'status' })
    expect(mayDecideSecurityRequest({ id: 5, roles: ['ministry-hr'] }, request)).toMatchObject({ field: 'status' })
    expect(mayDecideSecurityRequest({ id: 9, roles: ['sysadmin'] }, request)).toMatchObject({ field: 'status' })
    expect(unitMoveWaits(0)).toBe(false)
    expect(unitMoveWaits(3)).toBe(true)
  })

  test('the throttle message names minutes and no account', () => {
    expect(signInThrottled(61).vi).toContain('2 phút')
    expect(signInThrottled(1).en).toContain('1 min')
  })
})

describe('CSV cells (OWASP CSV injection)', () => {
  test.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['Nguyễn "An"', `"Nguyễn ""An"""`],
    [null, '""'],
    [42, '"42"'],
    [-3, '"-3"'],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('%p → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })
})
