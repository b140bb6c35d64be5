import { buildSchema, parse, validate } from 'graphql'

import { costLimitRule } from '../../src/graphql/costLimit'

// The shape of Payload's generated schema: collection queries with `limit`/`pagination`, a page type with docs and
// totalDocs, single relationships, a hasMany relationship list and a join field with its own limit.
const schema = buildSchema(`
  type Unit { name: String parent: Unit staff(limit: Int): StaffPage }
  type Staff { fullName: String unit: Unit tags: [Unit] }
  type StaffPage { docs: [Staff] totalDocs: Int }
  type UnitPage { docs: [Unit] totalDocs: Int }
  type Query { Staffs(limit: Int, pagination: Boolean): StaffPage Units(limit: Int): UnitPage }
`)

const errors = (query: string, max = 1000, variables = {}) => validate(schema, parse(query), [costLimitRule(max, variables)]).map((e) => e.message)

test('a page of records with their unit is within budget', () => {
  expect(errors('{ Staffs(limit: 25) { docs { fullName unit { name parent { name } } } totalDocs } }')).toEqual([])
})

test('lists nested in lists multiply and are refused with the estimate', () => {
  // 100 units × (their unit + a join of 100 staff each with a unit)
  const [m] = errors('{ Units(limit: 100) { docs { name staff(limit: 100) { docs { fullName unit { name } } } } } }')
  expect(m).toMatch(/^Truy vấn quá lớn: ước tính (\d+) bản ghi, tối đa 1000/)
  expect(Number(/ước tính (\d+)/.exec(m!)![1])).toBeGreaterThan(100 * 100)
})

test('an unbounded list (pagination: false, limit: 0) never fits', () => {
  expect(errors('{ Staffs(pagination: false) { docs { fullName } } }')).toHaveLength(1)
  expect(errors('{ Staffs(limit: 0) { docs { fullName } } }')).toHaveLength(1)
})

test('lists without a limit count as ten; fragments and variables are followed', () => {
  expect(errors('{ Staffs(limit: 10) { docs { tags { name } } } }', 200)).toEqual([]) // 10 × (1 + 1 + 10 × 1) = 120
  expect(errors('{ Staffs(limit: 20) { docs { tags { name } } } }', 200)).toHaveLength(1) // 240
  expect(errors('query($n: Int) { Staffs(limit: $n) { docs { ...F } } } fragment F on Staff { unit { name } }', 100, { n: 50 })).toHaveLength(1) // 50 × 3
  expect(errors('query($n: Int) { Staffs(limit: $n) { docs { ...F } } } fragment F on Staff { unit { name } }', 100, { n: 20 })).toEqual([]) // 60
})
