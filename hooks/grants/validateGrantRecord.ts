import type { CollectionBeforeValidateHook } from 'payload'

import { validateGrant } from '../../src/domain/grants'
import { throwIssues } from '../validationError'

const ids = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x ? (x as { id: number }).id : x)) : [])

export const validateGrantRecord: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  const g = { ...(originalDoc ?? {}), ...(data ?? {}) } as Record<string, unknown>
  const issues = validateGrant({
    purpose: g.purpose as string,
    unitIds: ids(g.units) as number[],
    staffIds: ids(g.staff) as number[],
    validFrom: g.validFrom as string,
    validTo: g.validTo as string,
  })
  if (issues.length) throwIssues('access-grants', issues, req)
  return data
}
