import type { CollectionAfterChangeHook } from 'payload'

import { afterDecisionEntered } from '../../src/lifecycle/workflow'
import { withRefusals } from '../validationError'

/**
 * After a decision is entered, in the same transaction: the decision it corrects is revoked, and a decision
 * whose effective date has already come (entered late) is applied at once (src/lifecycle/workflow.ts).
 */
export const applyEnteredDecision: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const state = await withRefusals('decisions', req, () => afterDecisionEntered(req, doc))
  return { ...doc, state }
}
