import { bodyIssue, queryIssue } from '../../src/domain/wellFormedInput'

describe('queryIssue', () => {
  it('accepts an ordinary filter', () => {
    expect(queryIssue({ where: { and: [{ fullName: { like: 'Hường' } }, { unit: { in: ['1', '2'] } }] }, limit: '10' })).toBeNull()
  })
  it('names a NUL anywhere in the query, keys included', () => {
    expect(queryIssue({ where: { fullName: { equals: 'a\u0000b' } } })?.field).toBe('where')
    expect(queryIssue({ where: { or: [{ ['full\u0000Name']: { equals: 'x' } }] } })?.field).toBe('where')
    expect(queryIssue({ sort: 'name\u0000' })?.en).toMatch(/NUL/)
  })
  it.each(['near', 'within', 'intersects'])('refuses the geometry operator %s, also nested', (op) => {
    expect(queryIssue({ where: { or: [{ and: [{ fullName: { [op]: '1,2' } }] }] } })?.vi).toContain(`"${op}"`)
  })
})

describe('bodyIssue', () => {
  it('accepts a JSON object', () => expect(bodyIssue({ position: 'Chuyên viên', rows: [{ note: 'x' }] })).toBeNull())
  it.each([null, [1], 3, 'text', true])('refuses a body that is not an object: %p', (body) => {
    expect(bodyIssue(body)?.field).toBe('body')
  })
  it('refuses a NUL inside a nested string', () => {
    expect(bodyIssue({ rows: [{ note: 'a\u0000' }] })?.en).toMatch(/NUL/)
  })
})
