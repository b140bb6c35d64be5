/** Tier rule 1 (reference/domain.md §2.1): every data field of the staff record has exactly one tier. */
import { staffCatalogue } from '../../src/changeRequests/catalogue'
import { STAFF_FIELD_TIERS } from '../../src/domain/tiers'

test('every staff field has a tier, and the tier map names no field that does not exist', () => {
  const names = staffCatalogue().map((f) => f.name)
  const joins = ['trainingRecords', 'workHistory', 'salaryHistory', 'allowanceHistory', 'awards', 'evaluations', 'disciplines', 'familyMembers']
  expect(names.filter((n) => !(n in STAFF_FIELD_TIERS))).toEqual([])
  expect(Object.keys(STAFF_FIELD_TIERS).filter((n) => !names.includes(n) && !joins.includes(n))).toEqual([])
})
