import type { CollectionBeforeValidateHook } from 'payload'

import { validateGrant } from '../../src/domain/grants'
import { relationIds } from '../../src/domain/relationId'
import { throwIssues } from '../validationError'


export const validateGrantRecord: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  const g = { ...(originalDoc ?? {}), ...(data ?? {}) } as Record<string, unknown>
  const issues = validateGrant({
    purpose: g.purpose as string,
    unitIds: relationIds(g.units),
    staffIds: relationIds(g.staff),
    validFrom: g.validFrom as string,
    validTo: g.validTo as string,
  })
  if (issues.length) throwIssues('access-grants', issues, req)
  return data
}
