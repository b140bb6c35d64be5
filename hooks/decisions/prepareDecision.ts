import type { CollectionBeforeChangeHook } from 'payload'

import { prepareNewDecision } from '../../src/lifecycle/enter'
import { withRefusals } from '../validationError'

/** A new decision is checked and given its starting state (src/lifecycle/enter.ts); later writes are the workflow's. */
export const prepareDecision: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  return withRefusals('decisions', req, () => prepareNewDecision(req, data))
}
