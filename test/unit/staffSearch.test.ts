import { SENSITIVE_STAFF_FIELDS } from '../../src/domain/sensitivity'
import { SEARCH_RESULT_FIELDS } from '../../src/search/staffSearch'

// The search endpoint reads its columns with its own SQL (no field-level rule runs on them): none of them
// may be a sensitive item, or a unit head would see in a search result what the record hides from them.
test('search results carry no sensitive item', () => {
  expect(SEARCH_RESULT_FIELDS.filter((f) => f in SENSITIVE_STAFF_FIELDS)).toEqual([])
})
