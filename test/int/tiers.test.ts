/** Tier rule 1 (reference/domain.md §2.1): every data field of the staff record has exactly one tier. */
import type { Payload } from 'payload'

import { staffCatalogue } from '../../src/changeRequests/catalogue'
import { STAFF_FIELD_TIERS } from '../../src/domain/tiers'
import { startTestPayload, stopTestPayload } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  ;({ payload } = await startTestPayload())
})
afterAll(() => stopTestPayload(payload))

test('every staff field has a tier, and the tier map names no field that does not exist', () => {
  // The catalogue is read from the configuration the running Payload holds (src/schema/fields.ts).
  const names = staffCatalogue(payload).map((f) => f.name)
  expect(names.length).toBeGreaterThan(40)
  const joins = ['trainingRecords', 'workHistory', 'salaryHistory', 'allowanceHistory', 'awards', 'evaluations', 'disciplines', 'familyMembers']
  expect(names.filter((n) => !(n in STAFF_FIELD_TIERS))).toEqual([])
  expect(Object.keys(STAFF_FIELD_TIERS).filter((n) => !names.includes(n) && !joins.includes(n))).toEqual([])
})
