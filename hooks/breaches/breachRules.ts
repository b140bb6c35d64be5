import type { CollectionBeforeChangeHook, FieldHook } from 'payload'

import { breachClock, breachKeptUntil, breachRetentionYears, validateBreach, notifyBy, type BreachInput } from '../../src/domain/breaches'
import { throwIssues } from '../validationError'

/** The register's checks (src/domain/breaches.ts) on the record as it will be saved. */
export const validateBreachRecord: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const issues = validateBreach({ ...(originalDoc ?? {}), ...data } as BreachInput, new Date())
  if (issues.length) throwIssues('breaches', issues, req)
  return data
}

export const clockOf: FieldHook = ({ siblingData }) => breachClock(siblingData as BreachInput, new Date())
export const notifyByOf: FieldHook = ({ siblingData }) => ((siblingData as BreachInput)?.foundAt ? notifyBy((siblingData as BreachInput).foundAt!).toISOString() : null)
export const keptUntilOf: FieldHook = ({ siblingData }) => breachKeptUntil(siblingData as BreachInput, breachRetentionYears(process.env))
