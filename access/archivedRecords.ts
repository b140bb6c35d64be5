import type { Where } from 'payload'

import type { Actor } from '../src/domain/access'
import { isMinistryHr } from '../src/domain/access'
import { LEFT_STATUSES, mayReadArchived, WORKING_STATUSES } from '../src/domain/lifecycle'

/**
 * Archived records (the person has left: src/domain/lifecycle.ts) leave everyone's reach but ministry HR's and
 * the archivist's (lưu trữ): a duty or grant filter `where` is narrowed to people who still work here, and the
 * archivist gets the archived records besides. `prefix` reaches the staff record from another collection.
 */
export function withArchivedRule(actor: Actor | null, where: boolean | Where, prefix = ''): boolean | Where {
  if (actor && isMinistryHr(actor)) return where
  const working: Where = { [`${prefix}employmentStatus`]: { in: [...WORKING_STATUSES] } }
  const base: boolean | Where = where === false ? false : where === true ? working : { and: [where, working] }
  if (!mayReadArchived(actor)) return base
  const archived: Where = { [`${prefix}employmentStatus`]: { in: [...LEFT_STATUSES] } }
  return base === false ? archived : { or: [base, archived] }
}
