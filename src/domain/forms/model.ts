/**
 * The layout-independent content of a printed form (sơ yếu lý lịch 2C-BNV/2008, HS02-VC/BNV) or of the
 * full-record review print. Builders in this folder fill it from a staff record; src/pdf/ lays it out.
 * Every string is final text: dates already dd/mm/yyyy, empty values already the form's dotted blank.
 */
import type {
  AllowanceHistory,
  Award,
  Discipline,
  Evaluation,
  FamilyMember,
  SalaryHistory,
  Staff,
  TrainingRecord,
  WorkHistory,
} from '../../payload-types'

/** What an empty item prints: the form's dotted blank, to be filled in by hand. */
export const BLANK = '……………………'

/** The histories of a record, as plain arrays of rows (code-list relationships populated). */
export interface RecordHistories {
  trainingRecords: TrainingRecord[]
  workHistory: WorkHistory[]
  salaryHistory: SalaryHistory[]
  allowanceHistory: AllowanceHistory[]
  awards: Award[]
  evaluations: Evaluation[]
  disciplines: Discipline[]
  familyMembers: FamilyMember[]
}

export type HistoryName = keyof RecordHistories

export const HISTORY_NAMES: readonly HistoryName[] = [
  'trainingRecords', 'workHistory', 'salaryHistory', 'allowanceHistory', 'awards', 'evaluations', 'disciplines', 'familyMembers',
]

/** Collection slug of each history (RowChange.collection uses slugs). */
export const HISTORY_SLUGS: Readonly<Record<HistoryName, string>> = {
  trainingRecords: 'training-records',
  workHistory: 'work-history',
  salaryHistory: 'salary-history',
  allowanceHistory: 'allowance-history',
  awards: 'awards',
  evaluations: 'evaluations',
  disciplines: 'disciplines',
  familyMembers: 'family-members',
}

/**
 * An official staff record as fetched at depth 1 (code lists, rank, unit, photo populated), with its
 * histories as plain arrays. Missing arrays count as empty; fields hidden by access rules are absent.
 */
export type PrintRecord = Omit<Staff, HistoryName> & Partial<RecordHistories>

/** One labelled value on an item line: "3) Sinh ngày: 15/03/1985". */
export interface FormField {
  /** Item number as printed ("1)", "15.1-", "30.1)"); absent for a continuation on the same item. */
  number?: string
  label: string
  value: string
  /** Printed right after the value: "(kg)", "%". */
  suffix?: string
}

export interface TableColumn {
  header: string
  /** Relative width. */
  width: number
  align?: 'left' | 'center'
}

export type Block =
  /** Top-of-page heading: form code at the right, agency lines at the left. */
  | { kind: 'heading'; formCode?: string; lines: FormField[][] }
  /** The 4×6 photo frame, printed left of the first items. */
  | { kind: 'photo'; caption: string; photoId: number | null; filename: string | null }
  | { kind: 'title'; text: string; subtitle?: string }
  /** One printed line of the form holding one or more items, with the form's hint below it. */
  | { kind: 'item'; fields: FormField[]; hint?: string }
  /** A numbered section heading ("27) ĐÀO TẠO, BỒI DƯỠNG …"). */
  | { kind: 'section'; number: string; title: string }
  /** A sub-heading inside a section ("a) Về bản thân: …"). */
  | { kind: 'subheading'; text: string }
  /** A question of the form followed by the declared answer. */
  | { kind: 'paragraph'; label: string; value: string }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][]; marks?: Array<RowMark | null>; note?: string }
  /** A transposed table (2C item 31): one column per period, row headers at the left. */
  | { kind: 'matrix'; rowHeaders: string[]; columns: string[][]; blankColumns: number }
  /** Free text, or dotted lines to fill in when `text` is empty. */
  | { kind: 'lines'; text: string; count: number }
  | { kind: 'signatures'; left: SignatureBlock; right: SignatureBlock }
  /** Signed edition only: QR code and link to the document's verification record (/xac-thuc/CODE). */
  | { kind: 'verification'; url: string; lines: string[] }

export interface SignatureBlock {
  /** "Hà Nội, ngày 25 tháng 11 năm 2026" above the title, when this side carries it. */
  placeDate?: string
  title: string
  lines: string[]
  /**
   * Signed edition: the competent person's name, printed in bold below an empty space where the
   * visible digital signature goes (NĐ 30/2020 Phụ lục I 7d: the image between title and name).
   */
  signerName?: string
}

/** A row of a review table carrying a pending (unapproved) change. */
export interface RowMark {
  kind: 'added' | 'removed' | 'changed'
  note: string
}

export interface FormDocument {
  form: '2c' | 'hs02' | 'review' | 'extract'
  /** Document title for the PDF metadata. */
  title: string
  blocks: Block[]
  /** Printed in every page footer (review print: "In ngày dd/mm/yyyy"). */
  footer?: string
}

export interface FormOptions {
  /** Cơ quan, đơn vị có thẩm quyền quản lý (the ministry or province), printed in the heading. */
  managingAgency?: string
  /** Place printed before the signing date ("Hà Nội"). */
  place?: string
  /** Signing date; the date part stays blank for handwriting when absent. */
  date?: Date
}
