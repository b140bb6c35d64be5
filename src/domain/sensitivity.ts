/**
 * Sensitive personal data in a staff record (Nghị định 356/2025/NĐ-CP Điều 4.1, domain.md §2.1, §6):
 * visible only to the person, their unit's HR officer and ministry HR — not to unit heads, not to
 * anyone else. Identifiers are listed too: they are never needed to read a list.
 */
import type { Actor } from './access'
import { isWithinSubtree } from './unitTree'

export const SENSITIVE_STAFF_FIELDS: Readonly<Record<string, string>> = {
  ethnicity: 'Điều 4.1.a — nguồn gốc dân tộc',
  religion: 'Điều 4.1.b — tôn giáo, tín ngưỡng',
  partyJoinDate: 'Điều 4.1.b — quan điểm chính trị',
  partyOfficialDate: 'Điều 4.1.b — quan điểm chính trị',
  healthStatus: 'Điều 4.1.d — tình trạng sức khỏe',
  heightCm: 'Điều 4.1.d — tình trạng sức khỏe',
  weightKg: 'Điều 4.1.d — tình trạng sức khỏe',
  bloodType: 'Điều 4.1.d — tình trạng sức khỏe',
  warInvalidGrade: 'Điều 4.1.d — tình trạng sức khỏe',
  policyFamily: 'Điều 4.1.c — bí mật gia đình',
  policyGroup: 'Điều 4.1.c — bí mật gia đình',
  arrestHistory: 'Điều 4.1.g — tội phạm, vi phạm pháp luật',
  oldRegimeWork: 'Điều 4.1.c — đời sống riêng tư',
  foreignOrgRelations: 'Điều 4.1.c — đời sống riêng tư',
  relativesAbroad: 'Điều 4.1.c — bí mật gia đình',
  economy: 'Điều 4.1.c — bí mật gia đình (hoàn cảnh kinh tế)',
  nationalId: 'định danh cá nhân',
  nationalIdIssueDate: 'định danh cá nhân',
  nationalIdIssuePlace: 'định danh cá nhân',
  legacyIdNumber: 'định danh cá nhân',
  passportNumber: 'định danh cá nhân',
  socialInsuranceNumber: 'định danh cá nhân',
  healthInsuranceNumber: 'định danh cá nhân',
  taxCode: 'định danh cá nhân',
  nationalPersonalCode: 'định danh cá nhân',
  familyBackground: 'Điều 4.1.c — bí mật gia đình (thành phần xuất thân)',
}

/** Family members' free-text details and disciplinary measures follow the same rule. */
export const SENSITIVE_FAMILY_FIELDS: readonly string[] = ['details']

/**
 * May `actor` see the sensitive items of a record? By their own duty only: the person themselves, ministry
 * HR, and a unit HR officer for records of their own unit's subtree. A purpose-bound grant opens a record,
 * never its sensitive items. `record` is unknown when Payload asks whether a field may be filtered or sorted
 * on: then only ministry HR may (a unit HR officer's list can hold granted records of other units).
 */
export function maySeeSensitive(actor: Actor | null | undefined, record?: { id?: number | null; unitPath?: string | null } | null): boolean {
  if (!actor) return false
  if (actor.roles.includes('ministry-hr')) return true
  if (!record) return false
  if (record.id != null && actor.staffId != null && record.id === actor.staffId) return true
  return actor.roles.includes('unit-hr') && actor.unitId != null && record.unitPath != null && isWithinSubtree(record.unitPath, actor.unitId)
}
