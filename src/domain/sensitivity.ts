/**
 * Sensitive personal data in a staff record (Nghị định 356/2025/NĐ-CP Điều 4.1, domain.md §2.1, §6):
 * visible only to the person, their unit's HR officer and ministry HR — not to unit heads, not to
 * anyone else. Identifiers are listed too: they are never needed to read a list.
 */
import type { Actor } from './access'

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
}

/** Family members' free-text details and disciplinary measures follow the same rule. */
export const SENSITIVE_FAMILY_FIELDS: readonly string[] = ['details']

/**
 * May `actor` see the sensitive items of a record they can already read? `recordId` is unknown when
 * Payload asks whether a field may be filtered or sorted on: then only HR roles may.
 */
export function maySeeSensitive(actor: Actor | null | undefined, recordId?: number | null): boolean {
  if (!actor) return false
  if (actor.roles.includes('ministry-hr') || actor.roles.includes('unit-hr')) return true
  return recordId != null && actor.staffId != null && recordId === actor.staffId
}
