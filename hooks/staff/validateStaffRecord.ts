import type { CollectionBeforeChangeHook } from 'payload'

import { staffIssues } from '../../src/records/validation'
import { throwIssues } from '../validationError'

/** Every write path (admin, REST, GraphQL, Local API) goes through the same record validation service. */
export const validateStaffRecord: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const issues = await staffIssues(req, { ...(originalDoc ?? {}), ...data })
  if (issues.length) throwIssues('staff', issues, req)
  return data
}
