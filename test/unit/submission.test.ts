import { DomainError } from '../../src/domain/errors'
import {
  allowedActions,
  checkOfficialUnchanged,
  checkRevision,
  checkSubmission,
  isOpenStatus,
  stepsBeforeEdit,
  STATUS_LABELS,
  SUBMISSION_ACTIONS,
  SUBMISSION_STATUSES,
  transition,
  type SubmissionAction,
  type SubmissionActor,
  type SubmissionStatus,
} from '../../src/domain/submission'

// Unit tree: 1 (ministry) > 7 (department) > 42 (office); 8 is a sibling department of 7.
const submission = { authorAccountId: 100, staffId: 500, unitPath: '.1.7.42.' }

const author: SubmissionActor = { accountId: 100, roles: ['staff'], staffId: 500 }
const hrOf7: SubmissionActor = { accountId: 200, roles: ['staff', 'unit-hr'], unitId: 7, staffId: 600 }
const hrOf42: SubmissionActor = { accountId: 201, roles: ['unit-hr'], unitId: 42, staffId: 601 }
const hrOf8: SubmissionActor = { accountId: 202, roles: ['unit-hr'], unitId: 8, staffId: 602 }
const ministryHr: SubmissionActor = { accountId: 300, roles: ['ministry-hr'], staffId: 700 }
const headOf7: SubmissionActor = { accountId: 400, roles: ['unit-head'], unitId: 7, staffId: 800 }
const stranger: SubmissionActor = { accountId: 900, roles: ['staff'], staffId: 901 }
const grantee: SubmissionActor = {
  accountId: 910,
  roles: ['staff'],
  staffId: 911,
  grants: [{ action: 'update', unitIds: [7], staffIds: [500], purpose: 'Rà soát hồ sơ' }],
}
const hrOf8WithGrant: SubmissionActor = { ...hrOf8, accountId: 203, grants: [{ action: 'update', unitIds: [7], staffIds: [], purpose: 'Rà soát hồ sơ' }] }
const sysadmin: SubmissionActor = { accountId: 950, roles: ['sysadmin'] }

function error(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (e) {
    if (e instanceof DomainError) return e
    throw e
  }
  throw new Error('expected a DomainError')
}

const run = (status: SubmissionStatus, action: SubmissionAction, actor: SubmissionActor, reason?: string | null, sub = submission) =>
  transition({ status, action, actor, submission: sub, reason })

describe('allowed transitions', () => {
  test('author submits a draft', () => expect(run('draft', 'submit', author)).toEqual({ status: 'submitted' }))
  test('HR of an ancestor unit approves', () => expect(run('submitted', 'approve', hrOf7)).toEqual({ status: 'approved' }))
  test('HR of the record\'s own unit approves', () => expect(run('submitted', 'approve', hrOf42)).toEqual({ status: 'approved' }))
  test('ministry HR approves anywhere', () => expect(run('submitted', 'approve', ministryHr)).toEqual({ status: 'approved' }))
  test('HR returns with a reason', () => expect(run('submitted', 'return', hrOf7, 'Thiếu bản scan bằng')).toEqual({ status: 'returned' }))
  test('author withdraws a submitted request', () => expect(run('submitted', 'withdraw', author)).toEqual({ status: 'withdrawn' }))
  test('author reopens a returned request', () => expect(run('returned', 'reopen', author)).toEqual({ status: 'draft' }))
})

describe('transitions not allowed from the current status', () => {
  const allowed = new Set(['draft:submit', 'submitted:approve', 'submitted:return', 'submitted:withdraw', 'returned:reopen'])
  const cases = SUBMISSION_STATUSES.flatMap((s) => SUBMISSION_ACTIONS.map((a) => [s, a] as const)).filter(([s, a]) => !allowed.has(`${s}:${a}`))

  test.each(cases)('%s --%s--> refused, naming the status', (status, action) => {
    // The most privileged plausible actor for the action, so only the status can be the reason.
    const actor = action === 'approve' || action === 'return' ? ministryHr : author
    const e = error(() => run(status, action, actor, 'lý do'))
    expect(e.issues).toHaveLength(1)
    expect(e.issues[0]!.field).toBe('status')
    expect(e.issues[0]!.vi).toContain(`"${STATUS_LABELS[status].vi}"`)
    expect(e.issues[0]!.en).toContain(`"${STATUS_LABELS[status].en}"`)
  })

  test('the message names the action and the status', () => {
    const e = error(() => run('draft', 'approve', ministryHr))
    expect(e.issues[0]).toEqual({
      field: 'status',
      vi: 'Không thể duyệt hồ sơ đang ở trạng thái "Nháp"',
      en: 'Cannot approve a request with status "Draft"',
    })
    expect(e.message).toBe('Không thể duyệt hồ sơ đang ở trạng thái "Nháp"')
  })

  test('approved and withdrawn are final', () => {
    for (const status of ['approved', 'withdrawn'] as const) {
      expect(allowedActions({ status, actor: author, submission })).toEqual([])
      expect(allowedActions({ status, actor: ministryHr, submission })).toEqual([])
    }
  })
})

describe('author-only actions', () => {
  test.each([
    ['draft', 'submit'],
    ['submitted', 'withdraw'],
    ['returned', 'reopen'],
  ] as const)('%s --%s--> by someone else is refused, even ministry HR', (status, action) => {
    for (const actor of [ministryHr, hrOf7, stranger]) {
      const e = error(() => run(status, action, actor))
      expect(e.issues[0]!.field).toBe('status')
      expect(e.issues[0]!.vi).toMatch(/^Chỉ người lập yêu cầu mới được/)
      expect(e.issues[0]!.en).toMatch(/^Only the author/)
    }
  })
})

describe('nobody approves their own', () => {
  // An HR officer of unit 7 who declares changes to their own record (staff 600) and submits them.
  const ownSubmission = { authorAccountId: hrOf7.accountId, staffId: hrOf7.staffId!, unitPath: '.1.7.' }
  const otherHrOf7: SubmissionActor = { accountId: 210, roles: ['unit-hr'], unitId: 7, staffId: 610 }

  test('the HR officer can submit their own changes', () => {
    expect(run('draft', 'submit', hrOf7, null, ownSubmission)).toEqual({ status: 'submitted' })
  })

  test.each(['approve', 'return'] as const)('but cannot %s them', (action) => {
    const e = error(() => run('submitted', action, hrOf7, 'lý do', ownSubmission))
    expect(e.issues[0]!.field).toBe('status')
    expect(e.issues[0]!.vi).toContain('Không ai được tự')
    expect(e.issues[0]!.en).toContain('Nobody may')
    expect(allowedActions({ status: 'submitted', actor: hrOf7, submission: ownSubmission })).toEqual(['withdraw'])
  })

  test('another HR officer of the same subtree can', () => {
    expect(run('submitted', 'approve', otherHrOf7, null, ownSubmission)).toEqual({ status: 'approved' })
    expect(run('submitted', 'return', otherHrOf7, 'Sai năm sinh', ownSubmission)).toEqual({ status: 'returned' })
  })

  test('nobody approves a request on their own record, even one written by someone else', () => {
    const onMyRecord = { authorAccountId: 999, staffId: ministryHr.staffId!, unitPath: '.1.' }
    const e = error(() => run('submitted', 'approve', ministryHr, null, onMyRecord))
    expect(e.issues[0]!.vi).toBe('Không ai được tự duyệt yêu cầu thay đổi trên hồ sơ của chính mình')
    expect(e.issues[0]!.en).toBe('Nobody may approve a change request on their own record')
  })

  test('ministry HR cannot approve a request they wrote on someone else\'s record', () => {
    const written = { ...submission, authorAccountId: ministryHr.accountId }
    const e = error(() => run('submitted', 'approve', ministryHr, null, written))
    expect(e.issues[0]!.vi).toBe('Không ai được tự duyệt yêu cầu thay đổi do chính mình lập')
  })
})

describe('HR authority', () => {
  test.each([
    ['HR of a sibling unit', hrOf8],
    ['a unit head (read-only)', headOf7],
    ['a plain staff member', stranger],
    ['a staff member with an update grant', grantee],
    ['HR of a sibling unit with an update grant on the record', hrOf8WithGrant],
    ['a sysadmin', sysadmin],
  ])('%s cannot approve or return', (_, actor) => {
    for (const action of ['approve', 'return'] as const) {
      const e = error(() => run('submitted', action, actor, 'lý do'))
      expect(e.issues[0]!.field).toBe('status')
      expect(e.issues[0]!.vi).toMatch(/^Bạn không có thẩm quyền/)
      expect(e.issues[0]!.en).toMatch(/no HR authority/)
    }
  })

  test('HR without a unit cannot approve', () => {
    const e = error(() => run('submitted', 'approve', { accountId: 5, roles: ['unit-hr'] }))
    expect(e.issues[0]!.vi).toMatch(/thẩm quyền/)
  })

  test('unit paths match by whole ids: HR of unit 4 does not reach unit 42', () => {
    const hrOf4: SubmissionActor = { accountId: 6, roles: ['unit-hr'], unitId: 4 }
    expect(() => run('submitted', 'approve', hrOf4)).toThrow(DomainError)
  })
})

describe('return requires a reason', () => {
  test.each([undefined, null, '', '   \n\t'])('reason %p is refused', (reason) => {
    const e = error(() => run('submitted', 'return', hrOf7, reason as string | null | undefined))
    expect(e.issues).toEqual([{ field: 'reason', vi: 'Phải nêu lý do khi trả lại yêu cầu', en: 'A reason is required to return a request' }])
  })

  test('approve needs no reason', () => expect(run('submitted', 'approve', hrOf7)).toEqual({ status: 'approved' }))
})

describe('allowedActions matches transition', () => {
  const actors: Array<[string, SubmissionActor]> = [
    ['author', author],
    ['hrOf7', hrOf7],
    ['hrOf42', hrOf42],
    ['hrOf8', hrOf8],
    ['ministryHr', ministryHr],
    ['headOf7', headOf7],
    ['stranger', stranger],
    ['grantee', grantee],
    ['hrOf8WithGrant', hrOf8WithGrant],
    ['sysadmin', sysadmin],
    ['author who is also HR of 7', { ...hrOf7, accountId: author.accountId, staffId: 501 }],
    ['HR of 7 whose own record it is', { ...hrOf7, staffId: submission.staffId }],
  ]
  const grid = SUBMISSION_STATUSES.flatMap((s) => actors.map(([name, a]) => [s, name, a] as const))

  test.each(grid)('status %s, actor %s', (status, _, actor) => {
    const expected = SUBMISSION_ACTIONS.filter((action) => {
      try {
        transition({ status, action, actor, submission, reason: 'lý do' })
        return true
      } catch (e) {
        if (e instanceof DomainError) return false
        throw e
      }
    })
    expect(allowedActions({ status, actor, submission })).toEqual(expected)
  })

  test('examples', () => {
    expect(allowedActions({ status: 'draft', actor: author, submission })).toEqual(['submit'])
    expect(allowedActions({ status: 'submitted', actor: author, submission })).toEqual(['withdraw'])
    expect(allowedActions({ status: 'submitted', actor: hrOf7, submission })).toEqual(['approve', 'return'])
    expect(allowedActions({ status: 'submitted', actor: hrOf8, submission })).toEqual([])
    expect(allowedActions({ status: 'returned', actor: author, submission })).toEqual(['reopen'])
    expect(allowedActions({ status: 'returned', actor: ministryHr, submission })).toEqual([])
  })
})

test('status labels', () => {
  expect(Object.fromEntries(Object.entries(STATUS_LABELS).map(([k, v]) => [k, v.vi]))).toEqual({
    draft: 'Nháp',
    submitted: 'Chờ duyệt',
    approved: 'Đã duyệt',
    returned: 'Trả lại',
    withdrawn: 'Đã rút',
  })
})

describe('the state machine names the kind of each refusal (the endpoint answers 409, 403 or 400 by it)', () => {
  it('no edge from the status is a conflict; no authority is forbidden; a missing reason is invalid', () => {
    expect(error(() => run('approved', 'approve', hrOf7)).kind).toBe('conflict')
    expect(error(() => run('submitted', 'approve', hrOf8)).kind).toBe('forbidden')
    expect(error(() => run('submitted', 'submit', author)).kind).toBe('conflict')
    expect(error(() => run('draft', 'submit', stranger)).kind).toBe('forbidden')
    const noReason = error(() => run('submitted', 'return', hrOf7, '  '))
    expect([noReason.kind, noReason.issues[0]!.field]).toEqual(['invalid', 'reason'])
  })
})

describe('open requests and the rules around editing, submitting and approving', () => {
  it('draft, submitted and returned are open; approved and withdrawn are not', () => {
    expect(SUBMISSION_STATUSES.filter(isOpenStatus)).toEqual(['draft', 'submitted', 'returned'])
  })

  it('a request awaiting approval cannot be edited; a returned one is reopened first; a draft is edited as it is', () => {
    const e = error(() => stepsBeforeEdit('submitted'))
    expect([e.kind, e.issues[0]!.field]).toEqual(['conflict', 'status'])
    expect(e.issues[0]!.vi).toContain('chờ duyệt')
    expect(stepsBeforeEdit('returned')).toEqual(['reopen'])
    expect(stepsBeforeEdit('draft')).toEqual([])
    expect(stepsBeforeEdit(undefined)).toEqual([])
  })

  it('submitting needs something declared, against the official record as it is now', () => {
    const empty = error(() => checkSubmission({ empty: true, baseStamp: 'a', officialStamp: 'a' }))
    expect([empty.kind, empty.issues[0]!.field]).toEqual(['invalid', 'proposal'])
    const stale = error(() => checkSubmission({ empty: false, baseStamp: 'a', officialStamp: 'b' }))
    expect([stale.kind, stale.issues[0]!.field]).toEqual(['conflict', 'stamp'])
    expect(() => checkSubmission({ empty: false, baseStamp: 'a', officialStamp: 'a' })).not.toThrow()
  })

  it('a stale stamp or revision is a conflict naming what changed', () => {
    expect(error(() => checkOfficialUnchanged(null, 'b')).issues[0]!.en).toContain('official record has changed')
    expect(() => checkOfficialUnchanged('b', 'b')).not.toThrow()
    const r = error(() => checkRevision(3, 2))
    expect([r.kind, r.issues[0]!.field]).toEqual(['conflict', 'revision'])
    expect(error(() => checkRevision(undefined, 2)).kind).toBe('conflict')
    expect(() => checkRevision(2, 2)).not.toThrow()
  })
})
