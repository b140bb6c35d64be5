/**
 * Pieces both CV forms print the same way. The two legal forms stay distinct (form2c.ts, formHS02.ts, each
 * reading top to bottom as the form does); only blocks whose labels and values are the same in both live here.
 */
import { toDate, type DateInput } from '../dates'
import type { FamilyMember } from '../../payload-types'
import type { Block, PrintRecord, SignatureBlock } from './model'
import { cell, coefficient, date, nameOf, number, rawName, rowsOf, text } from './values'

/** Ascending by a date field; undated rows last. */
export const byDate =
  <T>(get: (row: T) => DateInput) =>
  (a: T, b: T): number =>
    (toDate(get(a))?.getTime() ?? Infinity) - (toDate(get(b))?.getTime() ?? Infinity)

export const byFamilyOrder = (a: FamilyMember, b: FamilyMember): number =>
  (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || (a.birthYear ?? 0) - (b.birthYear ?? 0) || a.id - b.id

/** The two family tables (về bản thân; về bên vợ hoặc chồng) with the form's columns. */
export function familyTables(family: FamilyMember[], labels: { self: string; spouse: string; details: string }): Block[] {
  const columns = [
    { header: 'Mối quan hệ', width: 14, align: 'center' as const },
    { header: 'Họ và tên', width: 22 },
    { header: 'Năm sinh', width: 10, align: 'center' as const },
    { header: labels.details, width: 54 },
  ]
  const rows = (side: 'self' | 'spouse') =>
    family.filter((f) => f.side === side).map((f) => [cell(rawName(f.relation)), cell(f.fullName), f.birthYear ? String(f.birthYear) : '', cell(f.details)])
  return [
    { kind: 'subheading', text: labels.self },
    { kind: 'table', columns, rows: rows('self') },
    { kind: 'subheading', text: labels.spouse },
    { kind: 'table', columns, rows: rows('spouse') },
  ]
}

export function signatureLeft(): SignatureBlock {
  return { title: 'Người khai', lines: ['Tôi xin cam đoan những lời khai trên đây là đúng sự thật', '(Ký tên, ghi rõ họ tên)'] }
}

/** The histories both forms print, in the order they list them; the rank the record holds. */
export function formRows(r: PrintRecord) {
  return {
    rank: r.rank && typeof r.rank === 'object' ? r.rank : null,
    training: [...rowsOf(r, 'trainingRecords')].sort(byDate((t) => t.fromMonth)),
    work: [...rowsOf(r, 'workHistory')].sort(byDate((w) => w.fromMonth)),
    salary: [...rowsOf(r, 'salaryHistory')].sort(byDate((s) => s.effectiveDate)),
    family: [...rowsOf(r, 'familyMembers')].sort(byFamilyOrder),
  }
}

export function photoOf(r: PrintRecord): { photoId: number | null; filename: string | null } {
  const p = r.photo
  if (p && typeof p === 'object') return { photoId: p.id, filename: p.filename ?? null }
  return { photoId: typeof p === 'number' ? p : null, filename: null }
}

/** The 4 × 6 photo frame and the form's title. */
export const photoAndTitle = (r: PrintRecord, title: string): Block[] => [
  { kind: 'photo', caption: 'Ảnh màu (4 x 6 cm)', ...photoOf(r) },
  { kind: 'title', text: title },
]

/** Item 2), the same in both forms. */
export const otherNamesItem = (r: PrintRecord): Block => ({ kind: 'item', fields: [{ number: '2)', label: 'Tên gọi khác', value: text(r.otherNames) }] })

/** Items 4) to 7), numbered and worded alike in both forms: nơi sinh, quê quán, dân tộc, tôn giáo. */
export const birthAndOriginItems = (r: PrintRecord): Block[] => [
  { kind: 'item', fields: [{ number: '4)', label: 'Nơi sinh', value: text(r.birthPlace) }] },
  { kind: 'item', fields: [{ number: '5)', label: 'Quê quán', value: text(r.hometown) }] },
  {
    kind: 'item',
    fields: [
      { number: '6)', label: 'Dân tộc', value: nameOf(r.ethnicity) },
      { number: '7)', label: 'Tôn giáo', value: nameOf(r.religion) },
    ],
  },
]

/** The salary step line under the rank (bậc, hệ số, ngày hưởng). */
export const salaryStepItem = (r: PrintRecord): Block => ({
  kind: 'item',
  fields: [
    { label: 'Bậc lương', value: number(r.salaryStep) },
    { label: 'Hệ số', value: coefficient(r.salaryCoefficient) },
    { label: 'Ngày hưởng', value: date(r.salaryStepDate) },
  ],
})

/** Party membership (the item number differs: 2C 16), HS02 15)). */
export const partyItem = (r: PrintRecord, itemNumber: string): Block => ({
  kind: 'item',
  fields: [
    { number: itemNumber, label: 'Ngày vào Đảng Cộng sản Việt Nam', value: date(r.partyJoinDate) },
    { label: 'Ngày chính thức', value: date(r.partyOfficialDate) },
  ],
})

/** Military service (2C 18), HS02 17)). */
export const militaryItem = (r: PrintRecord, itemNumber: string): Block => ({
  kind: 'item',
  fields: [
    { number: itemNumber, label: 'Ngày nhập ngũ', value: date(r.militaryEnlistDate) },
    { label: 'Ngày xuất ngũ', value: date(r.militaryDischargeDate) },
    { label: 'Quân hàm cao nhất', value: text(r.militaryRank) },
  ],
})
