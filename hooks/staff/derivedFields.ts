import type { CollectionBeforeChangeHook } from 'payload'

import { normalizePersonName, searchKey, sortKey } from '../../src/domain/names'

/** Tidies the name and keeps the search and sort keys in step with it. */
export const staffDerivedFields: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const fullName = typeof data.fullName === 'string' ? normalizePersonName(data.fullName) : originalDoc?.fullName
  if (typeof data.fullName === 'string') data.fullName = fullName
  data.searchName = searchKey(fullName)
  data.sortName = sortKey(fullName)
  return data
}
