/**
 * Who changes which item of a personnel record, and how (reference/domain.md §2.1, "Tier rules"):
 *
 * - T1  the person edits it themselves; the change applies at once and is recorded (work contact details);
 * - T2  the person declares it; it becomes official only after HR approves the change request;
 * - T3  HR only, from decisions (employment, rank, salary, awards, discipline, evaluations);
 * - system  derived or kept by the system, never typed by anyone.
 *
 * This map is the one source for the self-service form, the change-request validator and the tests
 * (test/int/tiers.test.ts checks that every field of the staff collection has a tier here).
 * Self-service never changes relations that place a person in the organisation (unit, rank); choosing a
 * value from a code list (dân tộc, trình độ …) is a declaration, not a relation, so it is T2.
 */
export type Tier = 'T1' | 'T2' | 'T3' | 'system'

export const STAFF_FIELD_TIERS: Readonly<Record<string, Tier>> = {
  // A — Định danh: contact T1, the rest T2; identifiers issued by HR/insurance are T3.
  staffCode: 'T3',
  nationalPersonalCode: 'T3',
  fullName: 'T2',
  otherNames: 'T2',
  gender: 'T2',
  birthDate: 'T2',
  nationality: 'T2',
  birthPlace: 'T2',
  hometown: 'T2',
  ethnicity: 'T2',
  religion: 'T2',
  familyBackground: 'T2',
  nationalId: 'T2',
  nationalIdIssueDate: 'T2',
  nationalIdIssuePlace: 'T2',
  legacyIdNumber: 'T2',
  passportNumber: 'T2',
  taxCode: 'T2',
  socialInsuranceNumber: 'T3',
  healthInsuranceNumber: 'T3',
  permanentAddress: 'T2',
  currentAddress: 'T1',
  phone: 'T1',
  email: 'T1',
  photo: 'T2',
  // B — Công tác: T3 except sở trường.
  employmentType: 'T3',
  unit: 'T3',
  // Employment status: derived from HR's decisions (src/domain/lifecycle.ts), never declared.
  employmentStatus: 'T3',
  employmentStatusSince: 'T3',
  leftToAgency: 'T3',
  jobBeforeRecruitment: 'T3',
  recruitmentDate: 'T3',
  recruitingAgency: 'T3',
  currentAgencyJoinDate: 'T3',
  position: 'T3',
  positionAppointedDate: 'T3',
  positionReappointedDate: 'T3',
  concurrentPositions: 'T3',
  plannedPositions: 'T3',
  mainDuties: 'T3',
  strengths: 'T2',
  longestJob: 'T3',
  jobPosition: 'T3',
  jobPositionCode: 'T3',
  // C — Đảng, đoàn thể, quân ngũ: T2.
  partyPosition: 'T2',
  partyConcurrentPosition: 'T2',
  partyJoinDate: 'T2',
  partyOfficialDate: 'T2',
  socioPoliticalOrgJoinDate: 'T2',
  socioPoliticalOrgDetails: 'T2',
  militaryEnlistDate: 'T2',
  militaryDischargeDate: 'T2',
  militaryRank: 'T2',
  // E — Lương: T3.
  rank: 'T3',
  rankAppointedDate: 'T3',
  salaryStep: 'T3',
  salaryCoefficient: 'T3',
  salaryStepDate: 'T3',
  salaryPercentage: 'T3',
  seniorityAllowancePct: 'T3',
  seniorityAllowanceDate: 'T3',
  positionAllowance: 'T3',
  concurrentAllowance: 'T3',
  otherAllowances: 'T3',
  jobPositionSalary: 'T3',
  // D — Trình độ: T2.
  generalEducation: 'T2',
  highestQualification: 'T2',
  major: 'T2',
  academicTitle: 'T2',
  academicDegree: 'T2',
  politicalTheory: 'T2',
  stateManagement: 'T2',
  foreignLanguages: 'T2',
  itLevel: 'T2',
  // F — Khen thưởng: T3.
  highestStateTitle: 'T3',
  // A — sức khỏe, chính sách: T2.
  healthStatus: 'T2',
  heightCm: 'T2',
  weightKg: 'T2',
  bloodType: 'T2',
  warInvalidGrade: 'T2',
  policyFamily: 'T2',
  policyGroup: 'T2',
  // G — Lịch sử bản thân, I — Kinh tế: T2.
  arrestHistory: 'T2',
  oldRegimeWork: 'T2',
  foreignOrgRelations: 'T2',
  relativesAbroad: 'T2',
  economy: 'T2',
  // Nhận xét của cơ quan quản lý: HR.
  managementComment: 'T3',
  // Histories (join fields): see HISTORY_TIERS.
  trainingRecords: 'T2',
  familyMembers: 'T2',
  workHistory: 'T3',
  salaryHistory: 'T3',
  allowanceHistory: 'T3',
  awards: 'T3',
  evaluations: 'T3',
  disciplines: 'T3',
  // Kept by the system.
  searchName: 'system',
  sortName: 'system',
  unitPath: 'system',
  nationalIdIndex: 'system',
  lastConfirmedAt: 'system',
}

/** History collections a person declares (rows added, changed, removed through a change request). */
export const DECLARED_HISTORIES: Readonly<Record<string, string>> = {
  trainingRecords: 'training-records',
  familyMembers: 'family-members',
}

export const tierOf = (field: string): Tier | undefined => STAFF_FIELD_TIERS[field.split('.')[0]!]

/** Scalar fields of the staff record a person may change themselves (T1 at once, T2 through approval). */
export const SELF_EDITABLE_FIELDS: readonly string[] = Object.entries(STAFF_FIELD_TIERS)
  .filter(([name, tier]) => (tier === 'T1' || tier === 'T2') && !(name in DECLARED_HISTORIES))
  .map(([name]) => name)

export interface SplitProposal {
  /** T1 fields: applied at once. */
  immediate: Record<string, unknown>
  /** T2 fields: wait for approval. */
  declared: Record<string, unknown>
  /** Fields the person may not change; the caller refuses the whole proposal when any are present. */
  refused: string[]
}

/** Sorts the fields of a self-service proposal by tier. Unknown fields are refused, never dropped. */
export function splitProposal(values: Record<string, unknown>): SplitProposal {
  const out: SplitProposal = { immediate: {}, declared: {}, refused: [] }
  for (const [field, value] of Object.entries(values ?? {})) {
    const tier = STAFF_FIELD_TIERS[field]
    if (field in DECLARED_HISTORIES || (tier !== 'T1' && tier !== 'T2')) out.refused.push(field)
    else if (tier === 'T1') out.immediate[field] = value
    else out.declared[field] = value
  }
  return out
}
