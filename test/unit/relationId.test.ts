import { relationId, relationIds } from '../../src/domain/relationId'

test('ids and populated documents reduce to numeric ids', () => {
  expect(relationId(7)).toBe(7)
  expect(relationId('7')).toBe(7)
  expect(relationId({ id: 7, name: 'x' })).toBe(7)
  expect(relationId(null)).toBeNull()
  expect(relationId(undefined)).toBeNull()
  expect(relationIds([1, { id: 2 }, null, '3'])).toEqual([1, 2, 3])
  expect(relationIds(undefined)).toEqual([])
})
