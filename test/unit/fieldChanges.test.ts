import { changedFields } from '../../src/domain/fieldChanges'

test('reports only fields whose value really changes (ids, arrays in any order, null vs missing)', () => {
  const original = { roles: ['staff', 'unit-hr'], unit: { id: 7 }, staff: null }
  expect(changedFields({ roles: ['unit-hr', 'staff'], unit: 7 }, original, ['roles', 'unit', 'staff'])).toEqual([])
  expect(changedFields({ roles: ['ministry-hr'] }, original, ['roles', 'unit'])).toEqual(['roles'])
  expect(changedFields({ unit: 8, staff: 3 }, original, ['roles', 'unit', 'staff'])).toEqual(['unit', 'staff'])
  expect(changedFields({ displayName: 'x' }, original, ['roles'])).toEqual([])
})
