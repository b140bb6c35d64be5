import { diffRecord, diffRows, isEmptyDiff } from '../../src/domain/recordDiff'

describe('diffRecord', () => {
  test('a scalar change is reported with before and after', () => {
    expect(diffRecord({ fullName: 'Nguyễn Văn A', gender: 'male' }, { fullName: 'Nguyễn Văn Á', gender: 'male' })).toEqual([
      { field: 'fullName', before: 'Nguyễn Văn A', after: 'Nguyễn Văn Á' },
    ])
  })

  test('unchanged values give no changes', () => {
    const rec = { fullName: 'Trần Thị B', birthYear: 1980, isPartyMember: true, tags: ['a', 'b'] }
    expect(diffRecord(rec, { ...rec, tags: ['a', 'b'] })).toEqual([])
    expect(diffRecord({}, {})).toEqual([])
  })

  test('null, undefined, empty string and empty list are the same empty value', () => {
    expect(diffRecord({ a: null, b: '', c: undefined, d: [] }, { a: '', b: undefined, c: null })).toEqual([])
    expect(diffRecord({ a: null }, { a: 'x' })).toEqual([{ field: 'a', before: null, after: 'x' }])
    expect(diffRecord({ a: 'x' }, {})).toEqual([{ field: 'a', before: 'x', after: null }])
  })

  test('booleans and zero are values, not empty', () => {
    expect(diffRecord({ a: null, b: null }, { a: false, b: 0 })).toHaveLength(2)
    expect(diffRecord({ a: true }, { a: false })).toHaveLength(1)
  })

  test('numbers equal the same number as a string, but strings are not reinterpreted', () => {
    expect(diffRecord({ n: 5 }, { n: '5' })).toEqual([])
    expect(diffRecord({ phone: '0912345678' }, { phone: '912345678' })).toHaveLength(1)
  })

  test('a relationship compares by id, populated or not', () => {
    expect(diffRecord({ ethnicity: { id: 1, name: 'Kinh' } }, { ethnicity: 1 })).toEqual([])
    expect(diffRecord({ ethnicity: 1 }, { ethnicity: { id: 1, name: 'Kinh (đổi tên)' } })).toEqual([])
    expect(diffRecord({ ethnicity: '1' }, { ethnicity: 1 })).toEqual([])
    expect(diffRecord({ ethnicity: { id: 1, name: 'Kinh' } }, { ethnicity: { id: 2, name: 'Tày' } })).toEqual([
      { field: 'ethnicity', before: { id: 1, name: 'Kinh' }, after: { id: 2, name: 'Tày' } },
    ])
    expect(diffRecord({ ethnicity: { id: 1 } }, { ethnicity: null })).toHaveLength(1)
  })

  test('hasMany relationships compare as sets of ids', () => {
    expect(diffRecord({ languages: [{ id: 1 }, { id: 2 }] }, { languages: [2, 1] })).toEqual([])
    expect(diffRecord({ languages: [1, 2] }, { languages: [1, 3] })).toHaveLength(1)
  })

  test('dates compare by instant across formats', () => {
    expect(diffRecord({ birthDate: '2024-07-01' }, { birthDate: '2024-07-01T00:00:00.000Z' })).toEqual([])
    expect(diffRecord({ birthDate: new Date('2024-07-01T00:00:00.000Z') }, { birthDate: '2024-07-01' })).toEqual([])
    expect(diffRecord({ birthDate: '2024-07-01T07:00:00+07:00' }, { birthDate: '2024-07-01T00:00:00Z' })).toEqual([])
    expect(diffRecord({ birthDate: '2024-07-01' }, { birthDate: '2024-07-02' })).toEqual([
      { field: 'birthDate', before: '2024-07-01', after: '2024-07-02' },
    ])
    expect(diffRecord({ birthDate: new Date('2024-07-01') }, { birthDate: null })).toHaveLength(1)
  })

  test('nested groups are reported as dot paths', () => {
    const official = { economy: { incomeSalary: 10_000_000, house: { area: 60, note: '' } } }
    const proposed = { economy: { incomeSalary: 12_000_000, house: { area: 60, note: null } } }
    expect(diffRecord(official, proposed)).toEqual([{ field: 'economy.incomeSalary', before: 10_000_000, after: 12_000_000 }])
    expect(diffRecord({ economy: null }, { economy: { incomeSalary: 1, incomeOther: '' } })).toEqual([
      { field: 'economy.incomeSalary', before: null, after: 1 },
    ])
    expect(diffRecord({ economy: { house: { area: 60 } } }, {})).toEqual([{ field: 'economy.house.area', before: 60, after: null }])
  })

  test('bookkeeping fields and options.ignore are ignored', () => {
    const official = { id: 1, createdAt: '2024-01-01', updatedAt: '2024-01-02', searchName: 'a', sortName: 'a', unitPath: '.1.', note: 'x', economy: { incomeSalary: 1 } }
    const proposed = { id: 2, createdAt: '2025-01-01', updatedAt: '2025-01-02', searchName: 'b', sortName: 'b', unitPath: '.2.', note: 'y', economy: { incomeSalary: 2 } }
    expect(diffRecord(official, proposed).map((c) => c.field)).toEqual(['economy.incomeSalary', 'note'])
    expect(diffRecord(official, proposed, { ignore: ['note'] }).map((c) => c.field)).toEqual(['economy.incomeSalary'])
    expect(diffRecord(official, proposed, { ignore: ['economy'] }).map((c) => c.field)).toEqual(['note'])
    expect(diffRecord(official, proposed, { ignore: ['economy.incomeSalary', 'note'] })).toEqual([])
  })

  test('changes come sorted by field path', () => {
    const fields = diffRecord({ z: 1, a: 1, m: { b: 1, a: 1 } }, { z: 2, a: 2, m: { b: 2, a: 2 } }).map((c) => c.field)
    expect(fields).toEqual(['a', 'm.a', 'm.b', 'z'])
  })
})

describe('diffRows', () => {
  const official = [
    { id: 1, staff: 500, relation: 'father', fullName: 'Nguyễn Văn Cha', birthYear: 1950 },
    { id: 2, staff: 500, relation: 'mother', fullName: 'Lê Thị Mẹ', birthYear: 1952 },
    { id: 3, staff: 500, relation: 'child', fullName: 'Nguyễn Văn Con', birthYear: 2010 },
  ]

  test('identical rows give no changes', () => {
    expect(diffRows('family-members', official, official.map((r) => ({ ...r, staff: { id: 500 } })))).toEqual([])
    expect(diffRows('family-members', [], [])).toEqual([])
  })

  test('added, removed and changed rows', () => {
    const proposed = [
      { id: 1, staff: 999, relation: 'father', fullName: 'Nguyễn Văn Cha', birthYear: 1951 },
      { id: 3, staff: 500, relation: 'child', fullName: 'Nguyễn Văn Con', birthYear: 2010 },
      { relation: 'spouse', fullName: 'Phạm Thị Vợ', birthYear: 1985 },
    ]
    expect(diffRows('family-members', official, proposed)).toEqual([
      { collection: 'family-members', kind: 'changed', id: 1, before: official[0], after: proposed[0], fields: [{ field: 'birthYear', before: 1950, after: 1951 }] },
      { collection: 'family-members', kind: 'removed', id: 2, before: official[1] },
      { collection: 'family-members', kind: 'added', after: proposed[2] },
    ])
  })

  test('a proposed row with an unknown id is added; ids match across string and number', () => {
    const rows = diffRows('x', [{ id: 1, a: 1 }], [{ id: '1', a: 1 }, { id: 77, a: 2 }])
    expect(rows).toEqual([{ collection: 'x', kind: 'added', id: 77, after: { id: 77, a: 2 } }])
  })

  test('every official row removed', () => {
    expect(diffRows('x', official, []).map((r) => [r.kind, r.id])).toEqual([
      ['removed', 1],
      ['removed', 2],
      ['removed', 3],
    ])
  })
})

test('isEmptyDiff', () => {
  expect(isEmptyDiff([], [])).toBe(true)
  expect(isEmptyDiff([{ field: 'a', before: 1, after: 2 }], [])).toBe(false)
  expect(isEmptyDiff([], [{ collection: 'x', kind: 'added', after: {} }])).toBe(false)
})
