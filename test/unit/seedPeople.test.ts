import { CODE_LISTS } from '../../src/domain/reference/codeLists'
import { RANKS, rankScale } from '../../src/domain/reference/ranks'
import { validateStaff } from '../../src/domain/staffValidation'
import { generatePerson, type SeedContext } from '../../src/seed/people'
import { Random } from '../../src/seed/random'

const ids = new Map(CODE_LISTS.map((c, i) => [`${c.list}:${c.code}`, i + 1]))
const ctx: SeedContext = {
  unitIds: [2, 3, 4],
  codeId: (list, code) => ids.get(`${list}:${code}`),
  codes: (list) => CODE_LISTS.filter((c) => c.list === list).map((c) => ({ id: ids.get(`${c.list}:${c.code}`)!, code: c.code, name: c.name })),
  ranks: RANKS.map((r, i) => ({ id: i + 1, code: r.code, kind: r.kind, group: r.group, coefficients: r.coefficients })),
  today: new Date(Date.UTC(2026, 10, 25)),
}

test('every generated demo record passes the domain validation', () => {
  const rng = new Random(7)
  const failures: string[] = []
  for (let i = 1; i <= 2000; i++) {
    const { staff } = generatePerson(rng, i, ctx)
    const rank = RANKS[(staff.rank as number) - 1]!
    const issues = validateStaff(staff as never, { today: ctx.today, rankScale: rankScale(rank.code) && { code: rank.code, coefficients: rank.coefficients } })
    if (issues.length) failures.push(`${staff.staffCode}: ${issues.map((x) => x.en).join('; ')}`)
  }
  expect(failures.slice(0, 5)).toEqual([])
})

test('generated records carry the histories the forms print', () => {
  const { histories } = generatePerson(new Random(1), 1, ctx)
  expect(histories['training-records']!.length).toBeGreaterThanOrEqual(1)
  expect(histories['work-history']!.length).toBeGreaterThanOrEqual(1)
  expect(histories['salary-history']!.length).toBeGreaterThanOrEqual(1)
  expect(histories['family-members']!.length).toBeGreaterThanOrEqual(2)
})

test('generation is deterministic for a seed', () => {
  const a = generatePerson(new Random(99), 5, ctx)
  const b = generatePerson(new Random(99), 5, ctx)
  expect(a).toEqual(b)
})
