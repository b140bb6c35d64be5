import { checkListParams, MINISTRY_HR_BOUNDS, PAGE_BOUNDS, queryBoundsFor } from '../../src/domain/queryLimits'

test('ministry HR gets the wider bounds; everyone else a page', () => {
  expect(queryBoundsFor(['ministry-hr'])).toBe(MINISTRY_HR_BOUNDS)
  expect(queryBoundsFor(['unit-hr', 'staff'])).toBe(PAGE_BOUNDS)
  expect(queryBoundsFor(undefined)).toBe(PAGE_BOUNDS)
})

test.each([
  [{}, null],
  [{ limit: '25', depth: '1' }, null],
  [{ limit: '100', depth: '2' }, null],
  [{ limit: '101' }, 'limit'],
  [{ limit: '0' }, 'limit'],
  [{ limit: '-1' }, 'limit'],
  [{ limit: '1e3' }, 'limit'],
  [{ depth: '3' }, 'depth'],
  [{ depth: 'x' }, 'depth'],
  [{ pagination: 'false', limit: '10' }, 'pagination'],
  [{ pagination: 'true', limit: '10' }, null],
])('a page-bounded caller: %j → %s', (params, field) => {
  expect(checkListParams(params, PAGE_BOUNDS)?.field ?? null).toBe(field)
})

test.each([
  [{ pagination: 'false', limit: '1000' }, null],
  [{ pagination: false, limit: 500 }, null],
  [{ pagination: 'false' }, 'limit'],
  [{ pagination: 'false', limit: '0' }, 'limit'],
  [{ pagination: 'false', limit: '1001' }, 'limit'],
])('ministry HR: %j → %s', (params, field) => {
  expect(checkListParams(params, MINISTRY_HR_BOUNDS)?.field ?? null).toBe(field)
})

test('messages name the parameter and the bound, in Vietnamese and English', () => {
  expect(checkListParams({ limit: '500' }, PAGE_BOUNDS)).toEqual({
    field: 'limit',
    vi: 'Tham số limit phải là số nguyên từ 1 đến 100',
    en: 'limit must be a whole number from 1 to 100',
  })
})

test.each([['-1'], ['0'], ['1.5'], ['abc'], ['99999999999']])('page=%s is refused by name (it reached the database as an OFFSET it refuses)', (page) => {
  expect(checkListParams({ page }, PAGE_BOUNDS)).toEqual(expect.objectContaining({ field: 'page' }))
})

test('page=1 and page=37 are fine', () => {
  expect(checkListParams({ page: '1' }, PAGE_BOUNDS)).toBeNull()
  expect(checkListParams({ page: '37', limit: '10' }, PAGE_BOUNDS)).toBeNull()
})
