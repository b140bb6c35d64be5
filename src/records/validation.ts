import type { PayloadRequest } from 'payload'

import { todayInVietnam } from '../domain/dates'
import type { FieldIssue } from '../domain/errors'
import { relationId } from '../domain/relationId'
import { validateStaff, type StaffInput } from '../domain/staffValidation'

/**
 * The record validation service: the domain's issues with a whole staff record, with the facts the rules
 * need loaded (the rank's salary scale). The collection hook runs it on every write path; the change-request
 * workflow runs it on the record as it would be once approved, before a declaration is stored.
 */
export async function staffIssues(req: PayloadRequest, record: Record<string, unknown>): Promise<FieldIssue[]> {
  const rankId = relationId(record.rank)
  let rankScale: { code: string; coefficients: number[] } | null = null
  if (rankId != null) {
    const rank = await req.payload.findByID({ collection: 'ranks', id: rankId, req, depth: 0, overrideAccess: true })
    if (rank && Array.isArray(rank.coefficients)) rankScale = { code: rank.code, coefficients: rank.coefficients as number[] }
  }
  return validateStaff(record as StaffInput, { today: todayInVietnam(new Date()), rankScale })
}
