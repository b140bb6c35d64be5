import {
  checkApproval,
  checkDecision,
  checkRevocation,
  countsAsActive,
  DECISION_KIND_LABELS,
  DECISION_KINDS,
  hasLeft,
  initialState,
  isDue,
  isUpcoming,
  mayReadArchived,
  needsFourEyes,
  statusAt,
  workedHereOn,
  type DecisionFacts,
} from '../../src/domain/lifecycle'
import { withArchivedRule } from '../../access/archivedRecords'
import { DomainError } from '../../src/domain/errors'
import { parseStaffListQuery } from '../../src/domain/staffListQuery'

// 16:59 UTC on 14/03/2027 is 23:59 in Hà Nội; 17:00 UTC is already 00:00 on 15/03/2027.
const beforeMidnight = new Date('2027-03-14T16:59:59Z')
const atMidnight = new Date('2027-03-14T17:00:00Z')

describe('decision kinds', () => {
  it('has a Vietnamese label for every kind', () => {
    expect(DECISION_KINDS.length).toBeGreaterThan(10)
    for (const k of DECISION_KINDS) expect(DECISION_KIND_LABELS[k].vi).toMatch(/\S/)
    expect(DECISION_KIND_LABELS['transfer-out'].vi).toBe('Chuyển công tác')
    expect(DECISION_KIND_LABELS['rank-promotion'].vi).toBe('Nâng ngạch / thăng hạng')
  })

  it('asks a second person for leaving, transfer out and dismissal only', () => {
    const fourEyes = DECISION_KINDS.filter(needsFourEyes)
    expect(fourEyes.sort()).toEqual(['death', 'dismissal', 'resignation', 'retirement', 'transfer-out'])
    expect(initialState('retirement')).toBe('pending-approval')
    expect(initialState('reassignment')).toBe('approved')
  })
})

describe('effective date', () => {
  const transfer = { state: 'approved' as const, effectiveDate: '2027-03-15' }

  it('is due at 00:00 Việt Nam time on its day, not a second before', () => {
    expect(isDue(transfer, beforeMidnight)).toBe(false)
    expect(isUpcoming(transfer, beforeMidnight)).toBe(true)
    expect(isDue(transfer, atMidnight)).toBe(true)
    expect(isUpcoming(transfer, atMidnight)).toBe(false)
  })

  it('never makes a decision awaiting approval or revoked due', () => {
    expect(isDue({ ...transfer, state: 'pending-approval' }, atMidnight)).toBe(false)
    expect(isDue({ ...transfer, state: 'revoked' }, atMidnight)).toBe(false)
    expect(isUpcoming({ ...transfer, state: 'pending-approval' }, beforeMidnight)).toBe(true)
  })

  it('makes a late decision due at once', () => {
    expect(isDue({ state: 'approved', effectiveDate: '2026-01-01' }, atMidnight)).toBe(true)
  })
})

describe('employment status from decisions', () => {
  const career: DecisionFacts[] = [
    { id: 3, kind: 'retirement', state: 'approved', effectiveDate: '2027-06-01' },
    { id: 1, kind: 'recruitment', state: 'applied', effectiveDate: '2001-09-01', changes: { unitId: 7 } },
    { id: 2, kind: 'secondment', state: 'applied', effectiveDate: '2010-01-01' },
    { id: 4, kind: 'secondment-end', state: 'applied', effectiveDate: '2012-01-01', changes: { unitId: 7 } },
    { id: 5, kind: 'resignation', state: 'revoked', effectiveDate: '2015-01-01' },
  ]

  it('follows the decisions in effect on each day', () => {
    expect(statusAt(career, '2000-01-01')).toEqual({ status: 'active', since: null, toAgency: null })
    expect(statusAt(career, '2011-05-05').status).toBe('seconded')
    expect(statusAt(career, '2016-01-01').status).toBe('active') // the revoked resignation counts for nothing
    expect(statusAt(career, '2027-05-31').status).toBe('active')
    expect(statusAt(career, '2027-06-01')).toEqual({ status: 'retired', since: new Date(Date.UTC(2027, 5, 1)), toAgency: null })
  })

  it('counts the person for dates before leaving only', () => {
    expect(workedHereOn(career, '2027-05-31')).toBe(true)
    expect(workedHereOn(career, '2027-06-01')).toBe(false)
    expect(workedHereOn(career, '2011-05-05')).toBe(true) // seconded people are still ours
  })

  it('names the receiving agency of a transfer out', () => {
    const s = statusAt([{ kind: 'transfer-out', state: 'applied', effectiveDate: '2026-12-01', changes: { toAgency: 'Bộ Tài chính' } }], '2026-12-07')
    expect(s).toMatchObject({ status: 'transferred', toAgency: 'Bộ Tài chính' })
    expect(hasLeft(s.status)).toBe(true)
    expect(countsAsActive('seconded')).toBe(true)
    expect(countsAsActive(null)).toBe(true)
  })
})

describe('checks', () => {
  it('asks each kind for what it changes and refuses what it does not', () => {
    expect(checkDecision({ kind: 'reassignment', signedDate: '2027-01-02', effectiveDate: '2027-02-01', changes: { unitId: 7 } })).toEqual([])
    expect(checkDecision({ kind: 'reassignment', signedDate: '2027-01-02', effectiveDate: '2027-02-01', changes: {} }).map((i) => i.field)).toEqual(['changes.unit'])
    expect(checkDecision({ kind: 'transfer-out', signedDate: '2027-01-02', effectiveDate: '2027-02-01', changes: {} }).map((i) => i.field)).toEqual(['changes.toAgency'])
    expect(checkDecision({ kind: 'retirement', signedDate: '2027-01-02', effectiveDate: '2027-02-01', changes: { unitId: 9 } }).map((i) => i.field)).toEqual(['changes.unit'])
    expect(checkDecision({ kind: 'salary-step', signedDate: '31/02/2027', effectiveDate: '2027-02-01', changes: { salaryStep: 3, salaryCoefficient: 3.0 } }).map((i) => i.field)).toEqual(['signedDate'])
  })

  it('refuses an approval by the officer who entered the decision', () => {
    const pending = { state: 'pending-approval' as const, enteredBy: 11 }
    expect(() => checkApproval({ roles: ['unit-hr'], unitId: 7, accountId: 11 }, pending)).toThrow(DomainError)
    try {
      checkApproval({ roles: ['unit-hr'], unitId: 7, accountId: 11 }, pending)
    } catch (e) {
      expect((e as DomainError).kind).toBe('forbidden')
      expect((e as DomainError).issues[0]!.vi).toContain('không được tự phê duyệt')
    }
    expect(() => checkApproval({ roles: ['unit-hr'], unitId: 7, accountId: 12 }, pending)).not.toThrow()
    expect(() => checkApproval({ roles: ['staff'], accountId: 12 }, pending)).toThrow(/Chỉ cán bộ tổ chức/)
    expect(() => checkApproval({ roles: ['ministry-hr'], accountId: 12 }, { state: 'approved', enteredBy: 11 })).toThrow(/không ở trạng thái chờ/)
  })

  it('asks a revocation for a reason and refuses a second one', () => {
    expect(() => checkRevocation({ roles: ['ministry-hr'] }, { state: 'applied' }, ' ')).toThrow(/lý do/)
    expect(() => checkRevocation({ roles: ['ministry-hr'] }, { state: 'revoked' }, 'nhầm')).toThrow(/đã bị hủy bỏ/)
    expect(() => checkRevocation({ roles: ['ministry-hr'] }, { state: 'applied' }, 'nhầm')).not.toThrow()
  })

  it('opens archived records to ministry HR and the archivist only', () => {
    expect(mayReadArchived({ roles: ['ministry-hr'] })).toBe(true)
    expect(mayReadArchived({ roles: ['archivist'] })).toBe(true)
    expect(mayReadArchived({ roles: ['unit-hr'] })).toBe(false)
    expect(mayReadArchived(null)).toBe(false)
  })
})

describe('archived records in access filters', () => {
  const duty = { unitPath: { like: '.7.' } }

  it('narrows a duty to people who work here, keeps ministry HR whole, opens archived records to the archivist', () => {
    expect(withArchivedRule({ roles: ['ministry-hr'] }, true)).toBe(true)
    expect(withArchivedRule({ roles: ['unit-hr'], unitId: 7 }, duty)).toEqual({ and: [duty, { employmentStatus: { in: ['active', 'seconded'] } }] })
    expect(withArchivedRule({ roles: ['archivist'] }, false)).toEqual({ employmentStatus: { in: ['retired', 'resigned', 'transferred', 'deceased'] } })
    expect(withArchivedRule({ roles: ['unit-hr', 'archivist'], unitId: 7 }, duty, 'staff.')).toEqual({
      or: [{ and: [duty, { 'staff.employmentStatus': { in: ['active', 'seconded'] } }] }, { 'staff.employmentStatus': { in: ['retired', 'resigned', 'transferred', 'deceased'] } }],
    })
    expect(withArchivedRule(null, false)).toBe(false)
  })

  it('lists archived records on request only', () => {
    expect(parseStaffListQuery([['archived', 'true']])).toMatchObject({ filter: { archived: true } })
    expect(parseStaffListQuery([])).toMatchObject({ filter: {} })
    expect(parseStaffListQuery([['archived', 'yes']])).toHaveProperty('error')
  })
})
