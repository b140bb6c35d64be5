/**
 * Moving a record from one unit to another is a transfer (điều động, luân chuyển nội bộ): it changes which
 * HR officers hold authority over the person and who may read their sensitive items. One rule decides it for
 * every path that can move a record — the admin form, REST, an import in update mode, a lifecycle decision:
 *
 * - ministry HR may transfer anyone anywhere;
 * - a unit HR officer may transfer only when their own unit's subtree — by duty, never by an access grant —
 *   holds both the current unit and the new one (a move inside the part of the tree they are responsible for);
 * - nobody else (unit heads, auditors, administrators, grant holders, the person) may.
 *
 * Pure: the caller supplies the two units' materialized paths (src/domain/unitTree.ts) and records the
 * transfer in the audit trail.
 */
import type { Actor } from './access'
import type { FieldIssue } from './errors'
import { isWithinSubtree } from './unitTree'

export interface TransferUnits {
  /** Materialized path of the record's current unit (".1.7."). */
  fromUnitPath: string
  /** Materialized path of the unit the record would move to. */
  toUnitPath: string
}

export type TransferRefusal = 'not-hr' | 'source-outside-duty' | 'destination-outside-duty'

export type TransferDecision = { allowed: true; by: 'ministry-hr' | 'unit-hr' } | { allowed: false; reason: TransferRefusal }

export function decideTransfer(actor: Actor | null | undefined, units: TransferUnits): TransferDecision {
  if (!actor) return { allowed: false, reason: 'not-hr' }
  if (actor.roles.includes('ministry-hr')) return { allowed: true, by: 'ministry-hr' }
  if (!actor.roles.includes('unit-hr') || actor.unitId == null) return { allowed: false, reason: 'not-hr' }
  // Grants are deliberately ignored: a grant opens records for a purpose, it never makes its holder the
  // authority over a unit.
  if (!isWithinSubtree(units.fromUnitPath, actor.unitId)) return { allowed: false, reason: 'source-outside-duty' }
  if (!isWithinSubtree(units.toUnitPath, actor.unitId)) return { allowed: false, reason: 'destination-outside-duty' }
  return { allowed: true, by: 'unit-hr' }
}

export const mayTransfer = (actor: Actor | null | undefined, units: TransferUnits): boolean => decideTransfer(actor, units).allowed

/** The refusal as a field issue on `unit`, in Vietnamese and English. */
export function transferRefusalIssue(reason: TransferRefusal, field = 'unit'): FieldIssue {
  switch (reason) {
    case 'not-hr':
      return {
        field,
        vi: 'Bạn không có thẩm quyền điều động hồ sơ sang đơn vị khác; việc này do cán bộ tổ chức có thẩm quyền thực hiện',
        en: 'You may not transfer records between units; transfers are made by the competent HR officer',
      }
    case 'source-outside-duty':
      return {
        field,
        vi: 'Hồ sơ không thuộc đơn vị bạn quản lý theo chức trách; việc điều động do Vụ Tổ chức cán bộ thực hiện',
        en: 'The record is not in a unit you are responsible for; the transfer is made by ministry HR',
      }
    case 'destination-outside-duty':
      return {
        field,
        vi: 'Đơn vị công tác mới nằm ngoài phạm vi quản lý của bạn; việc điều động sang đơn vị khác do Vụ Tổ chức cán bộ thực hiện',
        en: 'The new unit is outside the units you manage; transfers to other units are made by ministry HR',
      }
  }
}
