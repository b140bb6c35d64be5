/**
 * The dry run of an import: every row of the workbook read, matched to its person and checked with the same rules
 * as the form, without writing anything. The commit runs the same plan again on the stored file and applies it
 * only when nothing it is based on changed meanwhile (src/import/commit.ts).
 *
 * Matching a record row, in order: its system id (a row of an export); its CCCD through the blind index (an
 * existing CCCD in the writer's scope updates that record — refused in `create` mode — and one outside it gets the
 * one uniform answer, DUPLICATE_NATIONAL_ID, that says nothing about the other record); without a CCCD, the same
 * normalised name and date of birth as a record in the writer's scope or an earlier row of the file is a
 * possible duplicate, waiting for a decision (same person → update it, different person → create, with a reason).
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { actorWithGrants } from '../accounts/actor'
import { dataKeyring } from '../crypto/dataKey'
import { transactionDb } from '../db/pool'
import { isHrOfficer, mayReach, recordScope, type Actor } from '../domain/access'
import { todayInVietnam } from '../domain/dates'
import { DomainError, type FieldIssue } from '../domain/errors'
import {
  DELETE_MARKER,
  RECORDS_SHEET,
  applyEdits,
  emptyRecord,
  importLayout,
  personKey,
  readCell,
  sameRecord,
  type HistoryEdit,
  type ImportColumn,
  type Items,
  type SheetLayout,
} from '../domain/import'
import { normalizePersonName } from '../domain/names'
import { DUPLICATE_NATIONAL_ID } from '../domain/nationalId'
import { canonicalSha256, fromCanonicalRecord, validateCanonicalRecord, type CanonicalRecord, type Json } from '../domain/record'
import { INDEXED_FIELD, normalizeIdentifier } from '../domain/sealedValue'
import { DUPLICATE_STAFF_CODE, validateStaff, type StaffInput } from '../domain/staffValidation'
import { isWithinSubtree } from '../domain/unitTree'
import { loadCanonicalRecords, recordReferences } from '../records/canonicalRecords'
import { importReferences, type ImportReferences } from './references'
import { columnLetter, type ImportWorkbook } from './workbook'

export const IMPORT_MODES = ['create', 'update', 'upsert'] as const
export type ImportMode = (typeof IMPORT_MODES)[number]

export type RowStatus = 'new' | 'updated' | 'unchanged' | 'refused' | 'possible-duplicate'

export interface ImportProblem {
  sheet: string
  row: number
  /** Column letter and machine key ("C identity.fullName"), or null for the whole row. */
  column: string | null
  vi: string
  en: string
}

/** What the possible duplicate is, shown beside the row (only records the writer may read). */
export interface DuplicateCandidate {
  /** An existing record, or an earlier row of the same file. */
  staffId: number | null
  row: number | null
  staffCode: string | null
  fullName: string | null
  birthDate: string | null
  hometown: string | null
  unit: string | null
}

export interface DuplicateDecision {
  row: number
  decision: 'same' | 'different'
  /** For 'same': the record the row updates (one of its candidates). */
  staffId?: number | null
  reason?: string | null
}

export interface RowOutcome {
  sheet: string
  row: number
  status: RowStatus
  staffId: number | null
  staffCode: string | null
  fullName: string | null
  duplicateOf?: DuplicateCandidate[]
}

export interface ImportCounts {
  new: number
  updated: number
  unchanged: number
  refused: number
  possibleDuplicates: number
}

/** One person the commit writes: the record as stored (hash) and as the file leaves it. */
export interface PlannedChange {
  row: number
  staffId: number | null
  base: CanonicalRecord
  next: CanonicalRecord
}

export interface ImportPlan {
  counts: ImportCounts
  problems: ImportProblem[]
  rows: RowOutcome[]
  changes: PlannedChange[]
  /** canonical SHA-256 of every existing record the plan read, by id: the commit re-checks them. */
  baseHashes: Record<string, string>
  /** Records outside the writer's scope holding a CCCD of the file (never shown; handed to ministry HR). */
  nationalIdConflicts: number[]
}

interface Person {
  /** The row naming the person: on the records sheet, or the first history row of a person not on it. */
  sheet: string
  row: number
  staffId: number | null
  staffCode: string | null
  groups: Record<string, Items>
  histories: Record<string, HistoryEdit[]>
  problems: ImportProblem[]
  status?: RowStatus
  duplicateOf?: DuplicateCandidate[]
}

const forbidden = () =>
  new DomainError([{ field: 'file', vi: 'Chỉ cán bộ tổ chức được nhập hồ sơ từ tệp Excel', en: 'Only HR officers may import records from Excel' }], 'forbidden')

/** May the writer write sensitive items of records in their scope (unit HR and ministry HR by duty)? */
export const writesSensitive = (actor: Actor | null) => Boolean(actor && (actor.roles.includes('ministry-hr') || actor.roles.includes('unit-hr')))

/** The import's writer: an HR officer (unit HR within their subtree, ministry HR everywhere). */
export async function importActor(req: PayloadRequest): Promise<Actor> {
  const actor = await actorWithGrants(req)
  if (!actor || !isHrOfficer(actor)) throw forbidden()
  return actor
}

/** Records sheet items of a canonical path ("identity.birthDate"), or the staff field ("birthDate"). */
function columnOfIssue(layout: SheetLayout, field: string): string | null {
  const last = field.split('.').at(-1)!.replace(/\[\d+\]$/, '')
  const hit = layout.columns.find((c) => c.key === field || (c.role.kind === 'field' && (c.role.field.key === last || c.role.field.path === field)))
  return hit ? hit.key : null
}

/** Plans the import of a read workbook for the signed-in writer. Nothing is written. */
export async function planImport(
  req: PayloadRequest,
  workbook: ImportWorkbook,
  options: { mode: ImportMode; decisions?: readonly DuplicateDecision[]; defaultUnitCode?: string | null },
): Promise<ImportPlan> {
  const actor = await importActor(req)
  const { payload } = req
  const refs = await importReferences(payload, req)
  const sensitive = writesSensitive(actor)
  const layout = importLayout({ sensitive, labelOf: refs.labelOf })
  const full = importLayout({ sensitive: true, labelOf: () => null })
  const byName = new Map(layout.map((s) => [s.name, s]))
  // Columns of sensitive items the writer may not write refuse the file as a whole.
  for (const sheet of workbook.sheets.values()) {
    const mine = byName.get(sheet.name)
    const all = full.find((s) => s.name === sheet.name)!
    for (const key of sheet.keys) {
      if (!key) continue
      if (!mine || !mine.columns.some((c) => c.key === key)) {
        const label = all.columns.find((c) => c.key === key)?.key ?? key
        throw new DomainError(
          [{ field: 'file', vi: `Sheet "${sheet.name}", cột "${label}": bạn không có quyền ghi mục này`, en: `Sheet "${sheet.name}", column "${label}": you may not write this item` }],
          'forbidden',
        )
      }
    }
  }
  const recordsLayout = byName.get(RECORDS_SHEET)!
  const problems: ImportProblem[] = []
  const people: Person[] = []
  const byStaffId = new Map<number, Person>()
  const byStaffCode = new Map<string, Person>()
  const colOf = (sheetLayout: SheetLayout, key: string) => {
    const i = sheetLayout.columns.findIndex((c) => c.key === key)
    return i < 0 ? key : `${columnLetter(i + 1)} ${key}`
  }

  const readItems = (sheetLayout: SheetLayout, sheet: string, row: number, cells: Record<string, unknown>, into: (c: ImportColumn, v: Json) => void, out: ImportProblem[]) => {
    for (const c of sheetLayout.columns) {
      if (c.role.kind !== 'field' && c.role.kind !== 'rowField') continue
      if (!(c.key in cells)) continue
      const r = readCell(c.role.field, cells[c.key] as never, refs)
      if (r.kind === 'empty') continue
      if (r.kind === 'problem') out.push({ sheet, row, column: colOf(sheetLayout, c.key), vi: `${c.label.vi}: ${r.vi}`, en: `${c.label.en}: ${r.en}` })
      else into(c, r.kind === 'clear' ? null : r.value)
    }
  }
  const idOf = (v: unknown): number | null | 'bad' => {
    if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) return null
    const n = Number(typeof v === 'string' ? v.trim() : v)
    return Number.isSafeInteger(n) && n > 0 && n < 2 ** 31 ? n : 'bad'
  }

  // ---- the records sheet
  const recordSheet = workbook.sheets.get(RECORDS_SHEET)!
  for (const { row, cells } of recordSheet.rows) {
    const person: Person = { sheet: RECORDS_SHEET, row, staffId: null, staffCode: null, groups: {}, histories: {}, problems: [] }
    const id = idOf(cells.id)
    if (id === 'bad') person.problems.push({ sheet: RECORDS_SHEET, row, column: colOf(recordsLayout, 'id'), vi: 'Mã hồ sơ phải là số nguyên dương', en: 'The record id must be a positive whole number' })
    else person.staffId = id
    readItems(recordsLayout, RECORDS_SHEET, row, cells, (c, v) => {
      if (c.role.kind !== 'field') return
      // The form tidies a name on save (hooks/staff/derivedFields.ts): compare with what would be stored.
      const value = c.key === 'identity.fullName' && typeof v === 'string' ? normalizePersonName(v) : v
      ;(person.groups[c.role.group] ??= {})[c.role.field.key] = value
    }, person.problems)
    const code = person.groups.identity?.staffCode
    person.staffCode = typeof code === 'string' ? code : null
    if (person.staffId != null) {
      if (byStaffId.has(person.staffId)) person.problems.push({ sheet: RECORDS_SHEET, row, column: colOf(recordsLayout, 'id'), vi: `Mã hồ sơ ${person.staffId} đã có ở dòng ${byStaffId.get(person.staffId)!.row}`, en: `Record id ${person.staffId} is already on row ${byStaffId.get(person.staffId)!.row}` })
      else byStaffId.set(person.staffId, person)
    }
    if (person.staffCode) {
      const other = byStaffCode.get(person.staffCode)
      if (other) person.problems.push({ sheet: RECORDS_SHEET, row, column: colOf(recordsLayout, 'identity.staffCode'), vi: `Số hiệu cán bộ ${person.staffCode} đã có ở dòng ${other.row}`, en: `Staff number ${person.staffCode} is already on row ${other.row}` })
      else byStaffCode.set(person.staffCode, person)
    }
    people.push(person)
  }

  // ---- history sheets: each row to its person
  for (const sheetLayout of layout) {
    if (!sheetLayout.history) continue
    const sheet = workbook.sheets.get(sheetLayout.name)
    if (!sheet) continue
    for (const { row, cells } of sheet.rows) {
      const rowProblems: ImportProblem[] = []
      const sid = idOf(cells['staff.id'])
      const rid = idOf(cells.id)
      const code = typeof cells['staff.staffCode'] === 'string' ? (cells['staff.staffCode'] as string).trim() : cells['staff.staffCode'] != null ? String(cells['staff.staffCode']) : null
      const action = cells.action == null ? '' : String(cells.action).trim().toUpperCase()
      if (sid === 'bad') rowProblems.push({ sheet: sheet.name, row, column: colOf(sheetLayout, 'staff.id'), vi: 'Mã hồ sơ phải là số nguyên dương', en: 'The record id must be a positive whole number' })
      if (rid === 'bad') rowProblems.push({ sheet: sheet.name, row, column: colOf(sheetLayout, 'id'), vi: 'Mã dòng phải là số nguyên dương', en: 'The row id must be a positive whole number' })
      if (action && action !== DELETE_MARKER) rowProblems.push({ sheet: sheet.name, row, column: colOf(sheetLayout, 'action'), vi: `Thao tác chỉ nhận "${DELETE_MARKER}" hoặc để trống`, en: `Action takes "${DELETE_MARKER}" or nothing` })
      if (action === DELETE_MARKER && (rid == null || rid === 'bad')) rowProblems.push({ sheet: sheet.name, row, column: colOf(sheetLayout, 'id'), vi: 'Muốn xóa dòng phải ghi Mã dòng', en: 'Deleting a row needs its row id' })
      const items: Items = {}
      readItems(sheetLayout, sheet.name, row, cells, (c, v) => {
        if (c.role.kind === 'rowField') items[c.role.field.key] = v
      }, rowProblems)
      let person = typeof sid === 'number' ? byStaffId.get(sid) : code ? byStaffCode.get(code) : undefined
      if (!person && typeof sid === 'number') {
        person = { sheet: sheet.name, row, staffId: sid, staffCode: null, groups: {}, histories: {}, problems: [] }
        byStaffId.set(sid, person)
        people.push(person)
      }
      if (!person) {
        rowProblems.push({ sheet: sheet.name, row, column: colOf(sheetLayout, code ? 'staff.staffCode' : 'staff.id'), vi: 'Dòng không chỉ ra hồ sơ nào (ghi Mã hồ sơ, hoặc Số hiệu cán bộ của một hồ sơ mới trong tệp)', en: 'The row names no record (give the record id, or the staff number of a record new in the file)' })
        problems.push(...rowProblems)
        continue
      }
      person.problems.push(...rowProblems)
      ;(person.histories[sheetLayout.history.key] ??= []).push({ row, rowId: typeof rid === 'number' ? rid : null, remove: action === DELETE_MARKER, items })
    }
  }

  // ---- who is who: ids, CCCDs, name + date of birth
  const db = await transactionDb(payload, req)
  const updateScope = recordScope(actor, 'update')
  const ids = [...byStaffId.keys()]
  const known = new Map<number, { unitPath: string; staffCode: string }>()
  if (ids.length) {
    const { rows } = await db.execute(sql`SELECT id, unit_path, staff_code FROM staff WHERE id = ANY(string_to_array(${ids.join(',')}, ',')::int[])`)
    for (const r of rows as Array<{ id: number; unit_path: string; staff_code: string }>) known.set(r.id, { unitPath: r.unit_path, staffCode: r.staff_code })
  }
  const decisions = new Map((options.decisions ?? []).map((d) => [d.row, d]))
  const seenIndex = new Map<string, Person>()
  const seenKey = new Map<string, Person>()
  const nationalIdConflicts: number[] = []
  const keyring = dataKeyring()
  for (const person of people) {
    // A row already refused (a bad cell) is not matched: its answer stays the cell's problem.
    if (person.problems.length) continue
    const sheetRow = person.row
    const rowProblem = (column: string | null, issue: { vi: string; en: string }) =>
      person.problems.push({ sheet: person.sheet, row: sheetRow, column: person.sheet === RECORDS_SHEET ? column : null, ...issue })
    if (person.staffId != null) {
      const k = known.get(person.staffId)
      // Not existing and outside the scope get the same answer.
      if (!k || !mayReach(actor, 'update', { id: person.staffId, unitPath: k.unitPath })) {
        rowProblem(colOf(recordsLayout, 'id'), { vi: `Không có hồ sơ mã ${person.staffId} trong phạm vi bạn được cập nhật`, en: `No record ${person.staffId} within what you may update` })
        continue
      }
      if (options.mode === 'create') rowProblem(colOf(recordsLayout, 'id'), { vi: 'Chế độ "thêm mới" không cập nhật hồ sơ đã có (dòng có Mã hồ sơ)', en: '"create" mode does not update existing records (the row has a record id)' })
      continue
    }
    const nationalId = normalizeIdentifier(person.groups.identifiers?.nationalId)
    if (nationalId) {
      const index = keyring.blindIndex(nationalId, INDEXED_FIELD)
      const earlier = seenIndex.get(index)
      if (earlier) {
        rowProblem(colOf(recordsLayout, 'identifiers.nationalId'), { vi: `Số CCCD trùng với dòng ${earlier.row} của tệp`, en: `The citizen ID number repeats row ${earlier.row} of the file` })
        continue
      }
      seenIndex.set(index, person)
      const { rows } = await db.execute(sql`SELECT id, unit_path, staff_code, full_name FROM staff WHERE national_id_index = ${index} LIMIT 1`)
      const hit = rows[0] as { id: number; unit_path: string; staff_code: string; full_name: string } | undefined
      if (hit) {
        if (!mayReach(actor, 'update', { id: hit.id, unitPath: hit.unit_path })) {
          nationalIdConflicts.push(hit.id)
          rowProblem(colOf(recordsLayout, 'identifiers.nationalId'), DUPLICATE_NATIONAL_ID)
          continue
        }
        if (options.mode === 'create') {
          rowProblem(colOf(recordsLayout, 'identifiers.nationalId'), {
            vi: `Số CCCD đã có trong hồ sơ ${hit.staff_code} (${hit.full_name}) thuộc phạm vi của bạn; chế độ "thêm mới" không cập nhật hồ sơ đã có`,
            en: `The citizen ID number is already on record ${hit.staff_code} (${hit.full_name}) within your scope; "create" mode does not update existing records`,
          })
          continue
        }
        person.staffId = hit.id
        known.set(hit.id, { unitPath: hit.unit_path, staffCode: hit.staff_code })
        continue
      }
    }
    if (options.mode === 'update') {
      rowProblem(null, { vi: 'Chế độ "cập nhật": không tìm thấy hồ sơ của dòng này (theo Mã hồ sơ hoặc số CCCD)', en: '"update" mode: no record found for this row (by record id or citizen ID number)' })
      continue
    }
    // A new person: possible duplicates by name + date of birth, unless decided.
    const key = nationalId ? null : personKey(person.groups.identity?.fullName, person.groups.identity?.birthDate)
    const decision = person.sheet === RECORDS_SHEET ? decisions.get(sheetRow) : undefined
    if (key) {
      const candidates: DuplicateCandidate[] = []
      const earlier = seenKey.get(key)
      if (earlier) candidates.push({ staffId: null, row: earlier.row, staffCode: earlier.staffCode, fullName: (earlier.groups.identity?.fullName as string) ?? null, birthDate: (earlier.groups.identity?.birthDate as string) ?? null, hometown: (earlier.groups.identity?.hometown as string) ?? null, unit: null })
      seenKey.set(key, person)
      const [name, birth] = key.split('|')
      const { rows } = await db.execute(sql`
        SELECT s.id, s.unit_path, s.staff_code, s.full_name, to_char(s.birth_date AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS birth, s.hometown, u.name AS unit
          FROM staff s LEFT JOIN units u ON u.id = s.unit_id
         WHERE s.search_name = ${name} AND (s.birth_date AT TIME ZONE 'UTC')::date = ${birth}::date`)
      for (const r of rows as Array<{ id: number; unit_path: string; staff_code: string; full_name: string; birth: string; hometown: string | null; unit: string | null }>) {
        // Only records the writer may read are shown: elsewhere the ministry's own duplicate list takes over.
        if (!mayReach(actor, 'read', { id: r.id, unitPath: r.unit_path })) continue
        candidates.push({ staffId: r.id, row: null, staffCode: r.staff_code, fullName: r.full_name, birthDate: r.birth, hometown: r.hometown, unit: r.unit })
      }
      if (candidates.length) {
        if (!decision) {
          person.status = 'possible-duplicate'
          person.duplicateOf = candidates
          continue
        }
        if (decision.decision === 'same') {
          const target = candidates.find((c) => c.staffId != null && c.staffId === decision.staffId)
          if (!target || !mayReach(actor, 'update', { id: target.staffId!, unitPath: rows.find((r) => (r as { id: number }).id === target.staffId)!.unit_path as string })) {
            rowProblem(null, { vi: 'Quyết định "cùng một người" phải chỉ ra một hồ sơ có thể trùng mà bạn được cập nhật', en: 'A "same person" decision must name one of the candidate records you may update' })
            continue
          }
          person.staffId = target.staffId
          known.set(target.staffId!, { unitPath: rows.find((r) => (r as { id: number }).id === target.staffId)!.unit_path as string, staffCode: target.staffCode ?? '' })
          continue
        }
      }
    }
  }

  // ---- the records as they are and as the file leaves them
  const existingIds = people.filter((p) => p.staffId != null && !p.problems.length && p.status !== 'possible-duplicate').map((p) => p.staffId!)
  const base = new Map<number, CanonicalRecord>()
  for await (const r of loadCanonicalRecords({ system: true, payload, req }, existingIds)) base.set(r.id!, r)
  const { resolver } = await recordReferences(payload, req)
  const today = todayInVietnam(new Date())
  const changes: PlannedChange[] = []
  const baseHashes: Record<string, string> = {}
  const staffCodes = people.filter((p) => p.staffCode).map((p) => p.staffCode!)
  const takenCodes = new Map<string, number>()
  if (staffCodes.length) {
    const { rows } = await db.execute(sql`SELECT id, staff_code FROM staff WHERE staff_code = ANY(${`{${staffCodes.map((c) => `"${c.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::varchar[])`)
    for (const r of rows as Array<{ id: number; staff_code: string }>) takenCodes.set(r.staff_code, r.id)
  }
  for (const person of people) {
    if (person.problems.length || person.status === 'possible-duplicate') continue
    const existing = person.staffId != null ? base.get(person.staffId) : null
    const issue = (column: string | null, i: { vi: string; en: string }) => person.problems.push({ sheet: person.sheet, row: person.row, column, vi: i.vi, en: i.en })
    if (person.staffId != null && !existing) {
      issue(null, { vi: `Không có hồ sơ mã ${person.staffId} trong phạm vi bạn được cập nhật`, en: `No record ${person.staffId} within what you may update` })
      continue
    }
    const start = existing ?? emptyRecord()
    if (!existing && options.defaultUnitCode && !(person.groups.employment && 'unit' in person.groups.employment)) {
      ;(person.groups.employment ??= {}).unit = { code: options.defaultUnitCode }
    }
    const { record: next, problems: editProblems } = applyEdits(start, person.groups, person.histories)
    for (const p of editProblems) {
      const sheetName = layout.find((s) => s.history && (person.histories[s.history.key] ?? []).some((e) => e.row === p.row))?.name ?? RECORDS_SHEET
      person.problems.push({ sheet: sheetName, row: p.row, column: p.column, vi: p.vi, en: p.en })
    }
    if (existing) baseHashes[String(existing.id)] = canonicalSha256(existing)
    if (existing && sameRecord(existing, next)) {
      person.status = 'unchanged'
      continue
    }
    // The form's checks: the schema (required items, types), the record validation, the unit in scope.
    const issues: FieldIssue[] = validateCanonicalRecord(next)
    const data = fromCanonicalRecord(next, resolver)
    for (const u of data.unresolved) issues.push({ field: u.path, vi: `${u.path}: mã ${JSON.stringify(u.value)} không có trong danh mục`, en: `${u.path}: ${JSON.stringify(u.value)} is not an existing code` })
    const rankId = typeof data.staff.rank === 'number' ? data.staff.rank : null
    issues.push(...validateStaff(data.staff as StaffInput, { today, rankScale: rankId == null ? null : refs.rankScale(rankId) }))
    const unitCode = ((next.employment as Record<string, Json> | undefined)?.unit as { code?: string } | null)?.code
    const unit = unitCode ? refs.unitByCode(unitCode) : null
    const unitChanged = !existing || canonicalSha256((existing.employment as Record<string, Json>)?.unit ?? null) !== canonicalSha256(unit ? { code: unitCode } : null)
    if (unit && unitChanged && !unitInScope(updateScope, unit.path)) {
      issues.push({ field: 'employment.unit', vi: `Đơn vị ${unitCode} nằm ngoài phạm vi bạn được cập nhật`, en: `Unit ${unitCode} is outside what you may update` })
    }
    if (!existing && person.staffCode && takenCodes.has(person.staffCode)) issues.push({ ...DUPLICATE_STAFF_CODE, field: 'identity.staffCode' })
    for (const i of issues) {
      const histMatch = /^histories\.(\w+)\[(\d+)\]/.exec(i.field)
      if (histMatch) {
        const sheetLayout = layout.find((s) => s.history?.key === histMatch[1])
        const rowJson = ((next.histories as Record<string, Array<{ id: number | null }>>)[histMatch[1]!] ?? [])[Number(histMatch[2])]
        const edit = (person.histories[histMatch[1]!] ?? []).find((e) => (rowJson?.id != null ? e.rowId === rowJson.id : e.rowId == null))
        person.problems.push({ sheet: sheetLayout?.name ?? RECORDS_SHEET, row: edit?.row ?? person.row, column: i.field.split('.').at(-1) ?? null, vi: i.vi, en: i.en })
      } else {
        const col = columnOfIssue(recordsLayout, i.field)
        person.problems.push({ sheet: person.sheet, row: person.row, column: col && person.sheet === RECORDS_SHEET ? colOf(recordsLayout, col) : null, vi: i.vi, en: i.en })
      }
    }
    if (person.problems.length) continue
    person.status = existing ? 'updated' : 'new'
    changes.push({ row: person.row, staffId: person.staffId, base: start, next })
  }

  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, refused: 0, possibleDuplicates: 0 }
  const rows: RowOutcome[] = []
  for (const person of people) {
    const status: RowStatus = person.problems.length ? 'refused' : (person.status ?? 'refused')
    if (status === 'possible-duplicate') counts.possibleDuplicates += 1
    else counts[status] += 1
    problems.push(...person.problems)
    rows.push({
      sheet: person.sheet,
      row: person.row,
      status,
      staffId: person.staffId,
      staffCode: person.staffCode ?? (person.staffId != null ? (known.get(person.staffId)?.staffCode ?? null) : null),
      fullName: typeof person.groups.identity?.fullName === 'string' ? person.groups.identity.fullName : null,
      ...(person.duplicateOf ? { duplicateOf: person.duplicateOf } : {}),
    })
  }
  problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1))
  return { counts, problems, rows, changes, baseHashes, nationalIdConflicts }
}

function unitInScope(scope: ReturnType<typeof recordScope>, path: string | null): boolean {
  if (scope.kind === 'all') return true
  if (scope.kind === 'none' || !path) return false
  return scope.subtreeUnitIds.some((u) => isWithinSubtree(path, u))
}

export type { ImportReferences }
