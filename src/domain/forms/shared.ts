/** Pieces both CV forms print the same way. */
import { toDate, type DateInput } from '../dates'
import type { FamilyMember } from '../../payload-types'
import type { Block, SignatureBlock } from './model'
import { cell, rawName } from './values'

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
