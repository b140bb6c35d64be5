import fc from 'fast-check'
import * as qs from 'qs-esm'

import { addMonths, ageOn, todayInVietnam } from '../../src/domain/dates'
import { retirementDate } from '../../src/domain/retirement'
import {
  AGE_BANDS,
  ageBandBirthRange,
  buildListWhere,
  latestBirthForAge,
  readListWhere,
  retiringBirthRanges,
  type StaffListFilter,
} from '../../src/domain/staffListFilter'

const day = (s: string) => new Date(`${s}T00:00:00.000Z`)
const utcDay = fc.date({ min: day('1950-01-01'), max: day('2060-12-31'), noInvalidDate: true }).map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())))

test('age bands are birth-date ranges: someone born on the bound is already that old', () => {
  const today = day('2026-11-26')
  expect(ageBandBirthRange('30-39', today)).toEqual({ after: day('1986-11-26'), onOrBefore: day('1996-11-26') })
  expect(ageBandBirthRange('under-30', today)).toEqual({ after: day('1996-11-26') })
  expect(ageBandBirthRange('55-plus', today)).toEqual({ onOrBefore: day('1971-11-26') })
  // Born 29/02/1996: 30 on 28/02/2026 (ageOn's reading), so that day's bound reaches 29/02.
  expect(latestBirthForAge(day('2026-02-28'), 30)).toEqual(day('1996-02-29'))
})

test('a birth date is in a band exactly when the completed age on that day is in it (property)', () => {
  fc.assert(
    fc.property(utcDay, utcDay, fc.constantFrom(...AGE_BANDS.filter((b) => b.id !== 'retiring-12m')), (today, birth, band) => {
      fc.pre(birth <= today)
      const r = ageBandBirthRange(band.id, today)
      const inRange = (!r.after || birth > r.after) && (!r.onOrBefore || birth <= r.onOrBefore)
      const age = ageOn(birth, today).years
      const inBand = (band.minAge === undefined || age >= band.minAge) && (band.maxAge === undefined || age <= band.maxAge)
      expect(inRange).toBe(inBand)
    }),
    { numRuns: 3000 },
  )
})

test('"retiring within 12 months" is exactly a retirement date between today and 12 months later (property)', () => {
  fc.assert(
    fc.property(fc.date({ min: day('2024-01-01'), max: day('2040-12-31'), noInvalidDate: true }), utcDay, fc.constantFrom('male' as const, 'female' as const), (now, birth, gender) => {
      const today = todayInVietnam(now)
      const ranges = retiringBirthRanges(today)
      const r = ranges.find((x) => x.gender === gender)
      const matched = Boolean(r && birth >= r.from && birth <= r.to)
      const rd = retirementDate(birth, gender)
      expect(matched).toBe(rd >= today && rd <= addMonths(today, 12))
    }),
    { numRuns: 400 },
  )
})

test('retiring on 26/11/2026: each range starts and ends exactly at the window, by NĐ 135/2020', () => {
  const [male, female] = retiringBirthRanges(day('2026-11-26'))
  expect(male!.gender).toBe('male')
  expect(retirementDate(male!.from, 'male') >= day('2026-11-26')).toBe(true)
  expect(retirementDate(addMonths(male!.from, -1), 'male') < day('2026-11-26')).toBe(true)
  expect(female!.gender).toBe('female')
  expect(retirementDate(female!.to, 'female') <= day('2027-11-26')).toBe(true)
  expect(retirementDate(addMonths(female!.to, 1), 'female') > day('2027-11-26')).toBe(true)
})

const filters: fc.Arbitrary<StaffListFilter> = fc.record(
  {
    unitId: fc.integer({ min: 1, max: 5000 }),
    rankId: fc.integer({ min: 1, max: 500 }),
    position: fc.constantFrom('Vụ trưởng', 'Phó Vụ trưởng', 'Trưởng phòng', 'Chuyên viên chính & "B"'),
    gender: fc.constantFrom('male' as const, 'female' as const),
    ageBand: fc.constantFrom(...AGE_BANDS.map((b) => b.id)),
    partyMember: fc.boolean(),
  },
  { requiredKeys: [] },
)

test('filter → URL where → filter is the identity, through the query string the list URL carries (property)', () => {
  fc.assert(
    fc.property(filters, utcDay, (f, today) => {
      const where = buildListWhere(f, today)
      // What the browser's URL holds and Payload's list view parses back (strings, not numbers or booleans).
      const parsed = (qs.parse(qs.stringify({ where }), { depth: 10 }) as { where?: unknown }).where
      expect(readListWhere(parsed, today)).toEqual({ filter: f, rest: [] })
    }),
    { numRuns: 300 },
  )
})

test('the unit subtree is the trigram-indexed unit path condition; no filter is no where', () => {
  expect(buildListWhere({ unitId: 7, gender: 'female' }, day('2026-11-26'))).toEqual({
    and: [{ unitPath: { like: '.7.' } }, { gender: { equals: 'female' } }],
  })
  expect(buildListWhere({}, day('2026-11-26'))).toBeUndefined()
})

test("conditions the panel does not know, and Payload's filter-builder form, are kept", () => {
  const today = day('2026-11-26')
  const fromBuilder = { or: [{ and: [{ gender: { equals: 'male' } }, { employmentType: { equals: 'cadre' } }] }] }
  expect(readListWhere(fromBuilder, today)).toEqual({ filter: { gender: 'male' }, rest: [{ employmentType: { equals: 'cadre' } }] })
  const twoGroups = { or: [{ and: [{ gender: { equals: 'male' } }] }, { and: [{ gender: { equals: 'female' } }] }] }
  expect(readListWhere(twoGroups, today)).toEqual({ filter: {}, rest: [twoGroups] })
  // A band bookmarked on another day keeps its dates as plain conditions instead of naming the wrong band.
  const old = buildListWhere({ ageBand: '40-49' }, day('2026-01-10'))!
  const read = readListWhere(old, today)
  expect(read.filter).toEqual({})
  expect(read.rest).toEqual(old.and)
  expect(buildListWhere(read.filter, today, read.rest)).toEqual(old)
})
