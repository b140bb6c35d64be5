import { pagination, parseStaffListQuery } from '../../src/domain/staffListQuery'

const parse = (q: string) => parseStaffListQuery(new URLSearchParams(q))

test('defaults: first page of 25 in name order, no filter', () => {
  expect(parse('')).toEqual({ filter: {}, page: 1, limit: 25, sort: 'name' })
})

test('every filter of the panel, a page, a size and a sort', () => {
  expect(parse('unit=12&rank=3&position=Trưởng phòng&gender=female&ageBand=retiring-12m&partyMember=false&page=4&limit=100&sort=-birthDate')).toEqual({
    filter: { unitId: 12, rankId: 3, position: 'Trưởng phòng', gender: 'female', ageBand: 'retiring-12m', partyMember: false },
    page: 4,
    limit: 100,
    sort: '-birthDate',
  })
})

test.each([
  ['unitId=3', /Tham số không được hỗ trợ: "unitId"/],
  ['unit=0', /"unit" không hợp lệ: cần một mã số nguyên dương/],
  ['unit=3.5', /không hợp lệ/],
  ['rank=-1', /không hợp lệ/],
  ['limit=101', /từ 1 đến 100/],
  ['limit=0', /từ 1 đến 100/],
  ['page=abc', /cần số trang/],
  ['gender=Nam', /dùng male hoặc female/],
  ['ageBand=60', /dùng một trong under-30/],
  ['partyMember=yes', /dùng true hoặc false/],
  ['sort=fullName', /dùng một trong name, -name/],
  ['position=', /cần tên chức vụ/],
  ['gender=male&gender=female', /"gender" được truyền nhiều lần/],
])('%s is refused with a Vietnamese message naming the parameter, and an English one', (q, vi) => {
  const r = parse(q)
  expect('error' in r && r.error.vi).toMatch(vi)
  expect('error' in r && r.error.en).toMatch(/parameter|Invalid value|more than once/i)
})

test('pagination in Payload\'s shape', () => {
  expect(pagination(51, 2, 25)).toEqual({ totalDocs: 51, limit: 25, page: 2, totalPages: 3, pagingCounter: 26, hasPrevPage: true, hasNextPage: true, prevPage: 1, nextPage: 3 })
  expect(pagination(0, 1, 25)).toMatchObject({ totalPages: 1, hasNextPage: false, nextPage: null, hasPrevPage: false })
})
