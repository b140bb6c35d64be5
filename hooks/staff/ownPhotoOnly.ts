import type { CollectionBeforeChangeHook } from 'payload'

import { relationId } from '../../src/domain/relationId'
import { throwIssues } from '../validationError'

/**
 * A record's 4×6 photo is one of the photos added to that record. Without this, an officer could point
 * their own record at another unit's photo id (Payload checks the relationship exists, not whose it is);
 * nothing is shown to them, but the other person's photo would print on the wrong sơ yếu lý lịch.
 */
export const ownPhotoOnly: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const photoId = relationId(data.photo)
  if (photoId == null || photoId === relationId(originalDoc?.photo)) return data
  const photo = await req.payload.findByID({ collection: 'photos', id: photoId, depth: 0, overrideAccess: true, disableErrors: true, req })
  const recordId = originalDoc?.id ?? data.id
  if (!photo || recordId == null || relationId(photo.staff) !== relationId(recordId)) {
    throwIssues(
      collection.slug,
      [{ field: 'photo', vi: 'Ảnh 4×6 phải là ảnh đã tải lên cho chính hồ sơ này', en: 'The 4×6 photo must be one uploaded for this record' }],
      req,
    )
  }
  return data
}
