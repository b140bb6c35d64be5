import { decideTransfer, mayTransfer, transferRefusalIssue } from '../../src/domain/transfer'

// Tree: 1 (ministry) → 7 (department) → 42 (its office); 1 → 8 (another department).
const paths = { ministry: '.1.', dept: '.1.7.', office: '.1.7.42.', other: '.1.8.' }
const grant = { action: 'update' as const, purpose: 'x', unitIds: [8], staffIds: [] }

describe('transfer rule', () => {
  it('lets ministry HR move anyone anywhere', () => {
    expect(decideTransfer({ roles: ['ministry-hr'] }, { fromUnitPath: paths.other, toUnitPath: paths.office })).toEqual({ allowed: true, by: 'ministry-hr' })
  })

  it('lets unit HR move a record inside their own subtree only', () => {
    const hr = { roles: ['unit-hr'], unitId: 7 }
    expect(decideTransfer(hr, { fromUnitPath: paths.dept, toUnitPath: paths.office })).toEqual({ allowed: true, by: 'unit-hr' })
    expect(decideTransfer(hr, { fromUnitPath: paths.office, toUnitPath: paths.other })).toEqual({ allowed: false, reason: 'destination-outside-duty' })
    expect(decideTransfer(hr, { fromUnitPath: paths.other, toUnitPath: paths.office })).toEqual({ allowed: false, reason: 'source-outside-duty' })
  })

  it('never counts a grant as duty', () => {
    // An update grant over unit 8 does not let unit 7's HR pull a record from 8 into 7, nor push one into 8.
    const hr = { roles: ['unit-hr'], unitId: 7, grants: [grant] }
    expect(mayTransfer(hr, { fromUnitPath: paths.other, toUnitPath: paths.dept })).toBe(false)
    expect(mayTransfer(hr, { fromUnitPath: paths.dept, toUnitPath: paths.other })).toBe(false)
  })

  it.each([['unit-head'], ['auditor'], ['sysadmin'], ['staff'], ['archivist'], ['data-protection-officer']])('refuses %s', (role) => {
    expect(decideTransfer({ roles: [role], unitId: 1 }, { fromUnitPath: paths.dept, toUnitPath: paths.office })).toEqual({ allowed: false, reason: 'not-hr' })
  })

  it('refuses no actor and unit HR without a unit', () => {
    expect(mayTransfer(null, { fromUnitPath: paths.dept, toUnitPath: paths.office })).toBe(false)
    expect(mayTransfer({ roles: ['unit-hr'], unitId: null }, { fromUnitPath: paths.dept, toUnitPath: paths.office })).toBe(false)
  })

  it('names the refusal in Vietnamese and English on the unit field', () => {
    const issue = transferRefusalIssue('destination-outside-duty')
    expect(issue.field).toBe('unit')
    expect(issue.vi).toMatch(/Vụ Tổ chức cán bộ/)
    expect(issue.en).toMatch(/ministry HR/)
  })
})
