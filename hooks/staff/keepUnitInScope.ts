import type { CollectionBeforeChangeHook } from 'payload'

import { actorWithGrants } from '../../src/accounts/actor'
import { unitWithinScope } from '../../access/createInScope'
import { recordScope } from '../../src/domain/access'
import { relationId } from '../../src/domain/relationId'
import { throwIssues } from '../validationError'

/**
 * An HR officer may move a person only between units of their own subtree: moving someone out would be
 * a transfer to another unit's authority, which ministry HR decides. (System operations without a user,
 * such as seeding, are not affected.)
 */
export const keepUnitInScope: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !req.user) return data
  const newUnit = relationId(data.unit)
  if (newUnit == null || newUnit === relationId(originalDoc?.unit)) return data
  if (!(await unitWithinScope(req, recordScope(await actorWithGrants(req), 'update'), newUnit))) {
    throwIssues(
      'staff',
      [
        {
          field: 'unit',
          vi: 'Đơn vị công tác mới nằm ngoài phạm vi quản lý của bạn; việc điều động sang đơn vị khác do Vụ Tổ chức cán bộ thực hiện',
          en: 'The new unit is outside the units you manage; transfers to other units are made by ministry HR',
        },
      ],
      req,
    )
  }
  return data
}
