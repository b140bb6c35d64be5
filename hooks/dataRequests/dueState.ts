import type { FieldHook } from 'payload'

import { dataRequestsNow } from '../../src/dataRequests/workflow'
import { civilDateInVietnam } from '../../src/domain/calendar'
import { dueState, type DueInput } from '../../src/domain/dataRequests'

/** The request's due state on today's date in Việt Nam (src/domain/dataRequests.ts dueState), computed on read. */
export const dueStateOf: FieldHook = ({ siblingData }) => {
  const d = siblingData as Partial<DueInput> | undefined
  if (!d?.state || !d.firstReplyDue) return null
  return dueState(d as DueInput, civilDateInVietnam(dataRequestsNow()))
}
