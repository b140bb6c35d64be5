import type { CollectionBeforeChangeHook } from 'payload'

import { relationId } from '../../src/domain/relationId'
import { wouldCreateCycle } from '../../src/domain/unitTree'
import { throwIssues } from '../validationError'


/** A unit cannot be moved under itself or one of its descendants. (The database refuses it too.) */
export const preventCycle: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !originalDoc) return data
  const parentId = relationId(data.parent)
  if (parentId == null || parentId === relationId(originalDoc.parent)) return data
  const parent = await req.payload.findByID({ collection: 'units', id: parentId, depth: 0, req, overrideAccess: true })
  if (parentId === originalDoc.id || (parent?.path && wouldCreateCycle(originalDoc.id, parent.path as string))) {
    throwIssues(
      'units',
      [
        {
          field: 'parent',
          vi: 'Đơn vị cấp trên không hợp lệ: không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó',
          en: 'Invalid parent unit: a unit cannot be moved under itself or one of its sub-units',
        },
      ],
      req,
    )
  }
  return data
}
