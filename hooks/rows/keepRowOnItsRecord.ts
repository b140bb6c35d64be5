import type { CollectionBeforeChangeHook } from 'payload'

import { relationId } from '../../src/domain/relationId'
import { throwIssues } from '../validationError'

/**
 * A history row or photo belongs to the record it was added to. Update access is checked against the
 * stored row only, so re-pointing `staff` would move a row onto any record: refused for everyone; delete
 * the row and add it to the right record instead.
 */
export const keepRowOnItsRecord: CollectionBeforeChangeHook = ({ collection, data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !('staff' in data)) return data
  if (relationId(data.staff) !== relationId(originalDoc?.staff)) {
    throwIssues(
      collection.slug,
      [{ field: 'staff', vi: 'Không thể chuyển dòng này sang hồ sơ khác; hãy xóa và thêm lại vào đúng hồ sơ', en: 'This row cannot be moved to another record; delete it and add it to the right one' }],
      req,
    )
  }
  return data
}
