import type { CollectionBeforeChangeHook } from 'payload'

import { todayInVietnam } from '../../src/domain/dates'
import { relationId } from '../../src/domain/relationId'
import { validateStaff, type StaffInput } from '../../src/domain/staffValidation'
import { throwIssues } from '../validationError'


/** Every write path (admin, REST, GraphQL, Local API) goes through the same domain validation. */
export const validateStaffRecord: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const record = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
  const rankId = relationId(record.rank)
  let rankScale: { code: string; coefficients: number[] } | null = null
  if (rankId != null) {
    const rank = await req.payload.findByID({ collection: 'ranks', id: rankId, req, depth: 0, overrideAccess: true })
    if (rank && Array.isArray(rank.coefficients)) rankScale = { code: rank.code, coefficients: rank.coefficients as number[] }
  }
  const issues = validateStaff(record as StaffInput, { today: todayInVietnam(new Date()), rankScale })
  if (issues.length) throwIssues('staff', issues, req)
  return data
}
