import { inTreeOrder, isWithinSubtree, subtreePattern, subtreeToken, wouldCreateCycle } from '../../src/domain/unitTree'

test('a subtree is every path containing the unit id fenced by dots', () => {
  expect(subtreeToken(7)).toBe('.7.')
  expect(subtreePattern(7)).toBe('%.7.%')
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

test('units in tree order: parents first, siblings by order then name, levels from the shown roots', () => {
  const units = [
    { id: 9, name: 'Phòng B', parent: 7, sortOrder: 2 },
    { id: 8, name: 'Phòng A', parent: 7, sortOrder: 1 },
    { id: 7, name: 'Vụ Công chức', parent: 1, sortOrder: 0 },
    { id: 10, name: 'Tổ 1', parent: 8 },
  ]
  // Unit 1 (the ministry) is not shown: unit 7 heads the tree at level 0.
  expect(inTreeOrder(units).map((u) => [u.id, u.level])).toEqual([[7, 0], [8, 1], [10, 2], [9, 1]])
  expect(inTreeOrder([{ id: 3, name: 'Đ', parent: null }, { id: 2, name: 'D', parent: null }, { id: 4, name: 'E', parent: null }]).map((u) => u.name)).toEqual(['D', 'Đ', 'E'])
})
