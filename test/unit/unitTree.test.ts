import { isWithinSubtree, subtreeToken, wouldCreateCycle } from '../../src/domain/unitTree'

test('a subtree is every path containing the unit id fenced by dots', () => {
  expect(subtreeToken(7)).toBe('.7.')
  expect(isWithinSubtree('.1.7.42.', 7)).toBe(true)
  expect(isWithinSubtree('.1.7.', 7)).toBe(true)
  expect(isWithinSubtree('.1.17.', 7)).toBe(false)
  expect(isWithinSubtree('.1.70.', 7)).toBe(false)
  expect(isWithinSubtree('.1.', 7)).toBe(false)
})

test('moving a unit under its own descendant is a cycle; under a sibling is not', () => {
  expect(wouldCreateCycle(7, '.1.7.42.')).toBe(true)
  expect(wouldCreateCycle(7, '.1.8.')).toBe(false)
})
