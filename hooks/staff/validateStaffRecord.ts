import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { todayInVietnam } from '../../src/domain/dates'
import type { FieldIssue } from '../../src/domain/errors'
import { relationId } from '../../src/domain/relationId'
import { validateStaff, type StaffInput } from '../../src/domain/staffValidation'
import { throwIssues } from '../validationError'


/** Every write path (admin, REST, GraphQL, Local API) goes through the same domain validation. */
export const validateStaffRecord: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const issues = await staffIssues(req, { ...(originalDoc ?? {}), ...data })
  if (issues.length) throwIssues('staff', issues, req)
  return data
}

/** The domain's issues with a whole record (also used to check a declaration before it is stored). */
export async function staffIssues(req: PayloadRequest, record: Record<string, unknown>): Promise<FieldIssue[]> {
  const rankId = relationId(record.rank)
  let rankScale: { code: string; coefficients: number[] } | null = null
  if (rankId != null) {
    const rank = await req.payload.findByID({ collection: 'ranks', id: rankId, req, depth: 0, overrideAccess: true })
    if (rank && Array.isArray(rank.coefficients)) rankScale = { code: rank.code, coefficients: rank.coefficients as number[] }
  }
  return validateStaff(record as StaffInput, { today: todayInVietnam(new Date()), rankScale })
}
