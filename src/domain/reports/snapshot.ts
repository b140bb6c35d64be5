/**
 * The person snapshot at the reporting date D ("tính đến ngày"): the items a report's columns may test, each
 * with its type and, for sensitive items (NĐ 356/2025 Điều 4.1), the group a reader must be allowed to read.
 * The SQL that computes the snapshot is src/reports/snapshotSql.ts; the rules are written out in docs/reports.md.
 */

export type SnapshotType = 'text' | 'number' | 'boolean'

/** Sensitive column groups: a reader not allowed to read the item gets the report without those columns. */
export type SensitiveGroup = 'party' | 'ethnicity' | 'religion' | 'health'

export interface SnapshotFieldSpec {
  type: SnapshotType
  label: { vi: string; en: string }
  sensitive?: SensitiveGroup
}

export const SNAPSHOT_FIELDS = {
  gender: { type: 'text', label: { vi: 'Giới tính (male/female)', en: 'Gender (male/female)' } },
  employmentType: { type: 'text', label: { vi: 'Loại cán bộ (cadre, civil-servant, public-employee, contract)', en: 'Employment type' } },
  age: { type: 'number', label: { vi: 'Tuổi tròn tại ngày báo cáo', en: 'Age in completed years on the reporting date' } },
  pastRetirement: { type: 'boolean', label: { vi: 'Đã quá ngày nghỉ hưu (NĐ 135/2020) tại ngày báo cáo', en: 'Past the retirement date (NĐ 135/2020) on the reporting date' } },
  rankCode: { type: 'text', label: { vi: 'Mã ngạch / chức danh nghề nghiệp tại ngày báo cáo', en: 'Rank code on the reporting date' } },
  rankGroup: { type: 'text', label: { vi: 'Nhóm ngạch (A3.1, A2.1, A1, A0, B…) tại ngày báo cáo', en: 'Rank group on the reporting date' } },
  rankKind: { type: 'text', label: { vi: 'Ngạch công chức (ngach) hay chức danh nghề nghiệp (cdnn)', en: 'Civil-service rank (ngach) or professional title (cdnn)' } },
  qualification: { type: 'text', label: { vi: 'Trình độ chuyên môn (mã) tại ngày báo cáo', en: 'Professional qualification (code) on the reporting date' } },
  politicalTheory: { type: 'text', label: { vi: 'Lý luận chính trị (mã) tại ngày báo cáo', en: 'Political theory (code) on the reporting date' } },
  stateManagement: { type: 'text', label: { vi: 'Quản lý nhà nước (mã) tại ngày báo cáo', en: 'State management (code) on the reporting date' } },
  itLevel: { type: 'text', label: { vi: 'Tin học (mã) tại ngày báo cáo', en: 'IT skills (code) on the reporting date' } },
  partyMember: { type: 'boolean', label: { vi: 'Đảng viên tại ngày báo cáo', en: 'Party member on the reporting date' }, sensitive: 'party' },
  ethnicMinority: { type: 'boolean', label: { vi: 'Dân tộc thiểu số', en: 'Ethnic minority' }, sensitive: 'ethnicity' },
  religious: { type: 'boolean', label: { vi: 'Có tôn giáo', en: 'Has a religion' }, sensitive: 'religion' },
} as const satisfies Record<string, SnapshotFieldSpec>

export type SnapshotField = keyof typeof SNAPSHOT_FIELDS

export const isSnapshotField = (f: unknown): f is SnapshotField => typeof f === 'string' && Object.prototype.hasOwnProperty.call(SNAPSHOT_FIELDS, f)

/** One person's snapshot at D, as the brute-force check and the evaluator see it. */
export type PersonSnapshot = {
  gender: string | null
  employmentType: string | null
  age: number | null
  pastRetirement: boolean | null
  rankCode: string | null
  rankGroup: string | null
  rankKind: string | null
  qualification: string | null
  politicalTheory: string | null
  stateManagement: string | null
  itLevel: string | null
  partyMember: boolean | null
  ethnicMinority: boolean | null
  religious: boolean | null
}

/**
 * Levels that come from training (trình độ chuyên môn, LLCT, QLNN, tin học). At D a level is the record's current
 * level when the person's training of that kind had all ended by D (or the record holds none: the level is then
 * undated); when some training of that kind ended after D, it is the best level among the rows that ended by D,
 * matched by the row's "văn bằng, chứng chỉ" text to the code list's names or codes (none when nothing matches).
 */
export const TRAINING_LEVELS = [
  { item: 'qualification', kind: 'CHUYEN_MON', list: 'qualification', staffColumn: 'highest_qualification_id', staffField: 'highestQualification' },
  { item: 'politicalTheory', kind: 'LLCT', list: 'political-theory', staffColumn: 'political_theory_id', staffField: 'politicalTheory' },
  { item: 'stateManagement', kind: 'BD_QLNN', list: 'state-management', staffColumn: 'state_management_id', staffField: 'stateManagement' },
  { item: 'itLevel', kind: 'TIN_HOC', list: 'it-level', staffColumn: 'it_level_id', staffField: 'itLevel' },
] as const satisfies ReadonlyArray<{ item: SnapshotField; kind: string; list: string; staffColumn: string; staffField: string }>

/** Code of the Kinh ethnicity (not a minority) and of "Không" (no religion) in the code lists. */
export const KINH_CODE = '01'
export const NO_RELIGION_CODE = '00'
