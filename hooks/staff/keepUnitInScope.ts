import type { CollectionBeforeChangeHook } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { recordAuditEvent } from '../../src/audit/record'
import { relationId } from '../../src/domain/relationId'
import { decideTransfer, transferRefusalIssue } from '../../src/domain/transfer'
import { throwIssues } from '../validationError'

/**
 * Moving a record to another unit is a transfer, decided by src/domain/transfer.ts on every path that saves a
 * staff record (admin form, REST, bulk `PATCH /api/staff?where=…`, Local API on behalf of a person): ministry
 * HR, or an HR officer whose own subtree — by duty, never by a grant — holds both units. A grant holder's
 * update rights never reach the unit field: moving a record into one's own subtree would open its sensitive
 * items. An allowed transfer is an audit event of its own (from, to, by which authority). System operations
 * without a user (seeding, migrations) are not affected.
 */
export const keepUnitInScope: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !req.user) return data
  if (!('unit' in data)) return data
  const fromUnit = relationId(originalDoc?.unit)
  const toUnit = relationId(data.unit)
  if (toUnit === fromUnit) return data
  const destination =
    toUnit == null ? null : await req.payload.findByID({ collection: 'units', id: toUnit, depth: 0, req, overrideAccess: true, disableErrors: true })
  const decision = decideTransfer(actorOf(req), {
    fromUnitPath: String(originalDoc?.unitPath ?? ''),
    // A unit that does not exist lies in nobody's subtree.
    toUnitPath: String(destination?.path ?? ''),
  })
  if (!decision.allowed) throwIssues('staff', [transferRefusalIssue(decision.reason)], req)
  await recordAuditEvent(req, {
    operation: 'update',
    collection: 'staff',
    recordIds: [originalDoc!.id],
    subjects: [Number(originalDoc!.id)],
    detail: { transfer: { fromUnit, toUnit, by: decision.by } },
  })
  return data
}
