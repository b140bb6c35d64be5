import {
  buildRows,
  compileCounts,
  compilePredicate,
  evaluate,
  leavesOf,
  parameters,
  partitionsOf,
  SHIPPED_DEFINITIONS,
  validateDefinition,
  visibleColumns,
  type PersonSnapshot,
  type ReportDefinition,
  type ReportUnit,
} from '../../src/domain/reports'

const person = (over: Partial<PersonSnapshot>): PersonSnapshot => ({
  gender: 'male', employmentType: 'civil-servant', age: 40, pastRetirement: false, rankCode: '01.003', rankGroup: 'A1', rankKind: 'ngach',
  qualification: 'DH', politicalTheory: null, stateManagement: null, itLevel: null, partyMember: false, ethnicMinority: false, religious: false, ...over,
})

const small: ReportDefinition = {
  code: 'small', version: 1, title: 'Nhỏ', formCode: null, legalBasis: 'Thử', population: { always: true }, rows: { depth: 1 },
  columns: [
    { key: 'total', label: 'Tổng số', when: { always: true } },
    { label: 'Giới tính', partitionOf: 'total', children: [{ key: 'nam', label: 'Nam', when: { field: 'gender', eq: 'male' } }, { key: 'nu', label: 'Nữ', when: { field: 'gender', eq: 'female' } }] },
    { key: 'dv', label: 'Đảng viên', when: { field: 'partyMember', eq: true } },
  ],
  header: { left: [], right: [] }, footer: { left: [], right: [] },
}

describe('report definitions', () => {
  it('accepts the shipped definitions and the small one', () => {
    for (const d of [...SHIPPED_DEFINITIONS, small]) expect(validateDefinition(d)).toEqual([])
  })

  it('refuses a bad definition by naming the item', () => {
    const bad = JSON.parse(JSON.stringify(small))
    bad.code = 'Bad Code'
    bad.columns[1].children[1].key = 'nam'
    bad.columns[2].when = { field: 'salary', eq: 1 }
    bad.columns[0].when = { field: 'age', min: 50, max: 40 }
    bad.rows.depth = 9
    bad.columns[1].partitionOf = 'nowhere'
    const fields = validateDefinition(bad).map((i) => i.field)
    expect(fields).toEqual(expect.arrayContaining(['code', 'columns.1.children.1.key', 'columns.2.when.field', 'columns.0.when', 'rows.depth', 'columns.1.partitionOf']))
    expect(validateDefinition(bad).find((i) => i.field === 'columns.2.when.field')!.vi).toContain('không có mục "salary"')
    expect(validateDefinition('x').map((i) => i.field)).toEqual(['definition'])
    expect(validateDefinition({ ...small, columns: [{ key: 'a', label: 'A', when: { field: 'gender', in: [1] } }] }).map((i) => i.field)).toEqual(['columns.0.when.in'])
    expect(validateDefinition({ ...small, columns: [{ key: 'a', label: 'A', when: { field: 'partyMember', min: 1 } }] }).map((i) => i.field)).toEqual(['columns.0.when.field'])
  })
})

describe('compiler', () => {
  it('puts values in parameters, never in the SQL text', () => {
    const { params, param } = parameters(2)
    const sql = compilePredicate({ all: [{ field: 'gender', eq: "female'; DROP TABLE staff; --" }, { field: 'age', min: 31, max: 40 }, { not: { field: 'rankGroup', in: ['A1', 'A0'] } }] }, param)
    expect(sql).toBe("(coalesce(p.gender = $3::text, false) AND coalesce(p.age >= $4::numeric AND p.age <= $5::numeric, false) AND (NOT coalesce(p.rank_group = ANY($6::text[]), false)))")
    expect(params).toEqual(["female'; DROP TABLE staff; --", 31, 40, ['A1', 'A0']])
    expect(sql).not.toContain('DROP')
  })

  it('gives one FILTER clause per leaf, in leaf order', () => {
    const { param } = parameters()
    const sql = compileCounts(leavesOf(small.columns), param)
    expect(sql.split('\n').map((l) => l.trim())).toEqual([
      'count(*) FILTER (WHERE true) AS c0,',
      'count(*) FILTER (WHERE coalesce(p.gender = $1::text, false)) AS c1,',
      'count(*) FILTER (WHERE coalesce(p.gender = $2::text, false)) AS c2,',
      'count(*) FILTER (WHERE coalesce(p.party_member = $3::boolean, false)) AS c3',
    ])
  })

  it('evaluates as the SQL does: an unknown item fails a test and passes its negation', () => {
    const p = person({ qualification: null })
    expect(evaluate({ field: 'qualification', in: ['DH'] }, p)).toBe(false)
    expect(evaluate({ not: { field: 'qualification', in: ['DH'] } }, p)).toBe(true)
    expect(evaluate({ field: 'age', max: 30 }, person({ age: 30 }))).toBe(true)
    expect(evaluate({ field: 'age', max: 30 }, person({ age: 31 }))).toBe(false)
    expect(evaluate({ any: [{ field: 'gender', eq: 'female' }, { field: 'partyMember', eq: true }] }, person({ partyMember: true }))).toBe(true)
  })
})

describe('columns', () => {
  it('drops the columns a reader may not read, and the splits they break', () => {
    const visible = visibleColumns(small.columns, new Set())
    expect(leavesOf(visible).map((l) => l.key)).toEqual(['total', 'nam', 'nu'])
    const bm01 = SHIPPED_DEFINITIONS[0]!
    const keys = leavesOf(visibleColumns(bm01.columns, new Set())).map((l) => l.key)
    expect(keys).not.toContain('dang-vien')
    expect(keys).not.toContain('dan-toc-thieu-so')
    expect(keys).not.toContain('ton-giao')
    expect(keys).toContain('nu')
  })

  it('knows which columns add up to which', () => {
    expect(partitionsOf(small.columns)).toEqual([{ total: 'total', parts: ['nam', 'nu'] }])
    expect(partitionsOf(SHIPPED_DEFINITIONS[0]!.columns)).toEqual([
      { total: 'tong-so', parts: ['tuoi-den-30', 'tuoi-31-40', 'tuoi-41-50', 'tuoi-51-nghi-huu', 'tren-tuoi-nghi-huu'] },
      { total: 'tuoi-51-nghi-huu', parts: ['tuoi-51-nghi-huu-nu', 'tuoi-51-nghi-huu-nam'] },
    ])
  })
})

describe('rows on a small tree', () => {
  // Bộ (1) → Vụ A (2) → Phòng A1 (4); Bộ → Vụ B (3)
  const units: ReportUnit[] = [
    { id: 1, name: 'Bộ', code: 'B', parent: null, path: '.1.' },
    { id: 2, name: 'Vụ A', code: 'VA', parent: 1, path: '.1.2.', sortOrder: 1 },
    { id: 3, name: 'Vụ B', code: 'VB', parent: 1, path: '.1.3.', sortOrder: 2 },
    { id: 4, name: 'Phòng A1', code: 'PA1', parent: 2, path: '.1.2.4.' },
  ]
  const counts = new Map<number, number[]>([[1, [1, 1]], [2, [2, 0]], [3, [3, 1]], [4, [4, 2]]])

  it('sums each subtree, people of hidden deeper units included', () => {
    const { rows, totals } = buildRows(units, counts, ['a', 'b'], 1)
    expect(rows.map((r) => [r.unit.name, r.level, r.cells.a, r.own.a])).toEqual([
      ['Bộ', 0, 10, 1],
      ['Vụ A', 1, 6, 2],
      ['Vụ B', 1, 3, 3],
    ])
    expect(totals).toEqual({ a: 10, b: 4 })
  })

  it('starts at a chosen subtree', () => {
    const { rows, totals } = buildRows(units.filter((u) => u.path.startsWith('.1.2.')), counts, ['a', 'b'], 5)
    expect(rows.map((r) => [r.unit.name, r.level, r.cells.a])).toEqual([['Vụ A', 0, 6], ['Phòng A1', 1, 4]])
    expect(totals).toEqual({ a: 6, b: 2 })
  })
})

describe('past retirement as a birth cutoff', () => {
  it('answers as retirementDate < D for every birth month and gender, on days around the cutoffs', async () => {
    const { pastRetirementBirthCutoff, retirementDate } = await import('../../src/domain/retirement')
    let checked = 0
    for (const on of ['2020-12-31', '2021-01-01', '2026-12-07', '2027-03-31', '2027-04-01', '2031-06-15', '2040-01-01']) {
      const d = new Date(`${on}T00:00:00Z`)
      for (const gender of ['male', 'female'] as const) {
        const cutoff = pastRetirementBirthCutoff(d, gender)
        for (let y = 1950; y <= 1985; y++) {
          for (let m = 0; m < 12; m++) {
            for (const day of [1, 15, 28]) {
              const birth = new Date(Date.UTC(y, m, day))
              expect([on, gender, birth.toISOString(), birth < cutoff]).toEqual([on, gender, birth.toISOString(), retirementDate(birth, gender).getTime() < d.getTime()])
              checked++
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000)
  })
})
