import { staffDeletionRefusals } from '../../src/domain/staffDeletion'

test('a record with no account and no signed export may be deleted', () => {
  expect(staffDeletionRefusals({ accounts: 0, signedExports: 0 })).toEqual([])
})

test('an account refuses the deletion and says to disable the account instead, in Vietnamese and English', () => {
  const [issue, ...rest] = staffDeletionRefusals({ accounts: 1, signedExports: 0 })
  expect(rest).toEqual([])
  expect(issue!.vi).toMatch(/có tài khoản.*khóa/)
  expect(issue!.en).toMatch(/account.*Disable/)
})

test('signed exports refuse the deletion with their number; both reasons are given together', () => {
  const issues = staffDeletionRefusals({ accounts: 2, signedExports: 3 })
  expect(issues).toHaveLength(2)
  expect(issues[1]!.vi).toContain('3 văn bản ký số')
  expect(issues[1]!.en).toContain('3 signed document(s)')
})
