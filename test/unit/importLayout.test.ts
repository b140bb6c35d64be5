/**
 * The Excel import's pure part (src/domain/import): the layout for a writer with and without the right to
 * sensitive items, what each cell means (dates never guessed, codes by code or name, the clear marker), and what
 * a row does to a record (history rows by id, deletion only by marker).
 */
import {
  CLEAR_MARKER,
  RECORDS_SHEET,
  applyEdits,
  cellOf,
  emptyRecord,
  importLayout,
  personKey,
  readCell,
  sameRecord,
  type ReferenceLists,
} from '../../src/domain/import'
import { HISTORIES, STAFF_GROUPS, type CanonicalRecord, type FieldSpec } from '../../src/domain/record'

const refs: ReferenceLists = {
  codes: (list) => (list === 'ethnicity' ? [{ code: '01', name: 'Kinh' }, { code: '02', name: 'Tày' }] : []),
  units: () => [{ code: 'VCCVC', name: 'Vụ Công chức – Viên chức' }],
  ranks: () => [{ code: '01.003', name: 'Chuyên viên' }],
  selectLabels: (key) => (key === 'gender' ? [{ value: 'male', label: 'Nam' }, { value: 'female', label: 'Nữ' }] : []),
}
const field = (group: string, key: string): FieldSpec => STAFF_GROUPS.find((g) => g.key === group)!.fields.find((f) => f.key === key)!
const birth = field('identity', 'birthDate')
const month = HISTORIES.find((h) => h.key === 'workHistory')!.fields.find((f) => f.key === 'fromMonth')!

test('the records sheet has every item of the record; sensitive groups and sheets only for a writer of them', () => {
  const all = importLayout({ sensitive: true, labelOf: () => null })
  const limited = importLayout({ sensitive: false, labelOf: () => null })
  const records = all.find((s) => s.name === RECORDS_SHEET)!
  expect(records.columns.length).toBe(1 + STAFF_GROUPS.reduce((n, g) => n + g.fields.length, 0))
  expect(all.map((s) => s.key)).toEqual(['records', ...HISTORIES.map((h) => h.key)])
  const limitedKeys = limited.find((s) => s.name === RECORDS_SHEET)!.columns.map((c) => c.key)
  expect(limitedKeys).not.toContain('identifiers.nationalId')
  expect(limitedKeys).not.toContain('origin.ethnicity')
  expect(limitedKeys).toContain('identity.fullName')
  expect(limited.map((s) => s.key)).not.toContain('disciplines')
  expect(limited.find((s) => s.key === 'familyMembers')!.columns.map((c) => c.key)).not.toContain('details')
  for (const s of all) expect(s.name.length).toBeLessThanOrEqual(31)
})

test.each([
  ['15/03/1988', '1988-03-15'],
  ['5/3/1988', '1988-03-05'],
  ['1988-03-15', '1988-03-15'],
])('the date %s reads as %s', (raw, iso) => {
  expect(readCell(birth, raw, refs)).toEqual({ kind: 'value', value: iso })
})

test('an Excel date cell is its day; a value that reads as mm/dd, a two-digit year, a bare number or an impossible day is refused', () => {
  expect(readCell(birth, new Date(Date.UTC(1988, 2, 15)), refs)).toEqual({ kind: 'value', value: '1988-03-15' })
  expect(readCell(birth, '03/25/1988', refs)).toEqual(expect.objectContaining({ kind: 'problem', vi: expect.stringContaining('mm/dd') }))
  expect(readCell(birth, '25/03/88', refs)).toEqual(expect.objectContaining({ kind: 'problem', vi: expect.stringContaining('4 chữ số') }))
  expect(readCell(birth, 32217, refs)).toEqual(expect.objectContaining({ kind: 'problem' }))
  expect(readCell(birth, '30/02/1988', refs)).toEqual(expect.objectContaining({ kind: 'problem', vi: expect.stringContaining('không phải ngày có thật') }))
  expect(readCell(month, '09/2006', refs)).toEqual({ kind: 'value', value: '2006-09' })
  expect(readCell(month, '13/2006', refs)).toEqual(expect.objectContaining({ kind: 'problem' }))
})

test('empty leaves, the marker clears; codes by "code - name", code or name; selects by label', () => {
  expect(readCell(birth, '  ', refs)).toEqual({ kind: 'empty' })
  expect(readCell(birth, CLEAR_MARKER, refs)).toEqual({ kind: 'clear' })
  const ethnicity = field('origin', 'ethnicity')
  for (const raw of ['02 - Tày', '02', 'tay', 'Tày']) expect(readCell(ethnicity, raw, refs)).toEqual({ kind: 'value', value: { list: 'ethnicity', code: '02' } })
  expect(readCell(ethnicity, 'Không rõ', refs)).toEqual(expect.objectContaining({ kind: 'problem' }))
  expect(readCell(field('identity', 'gender'), 'Nữ', refs)).toEqual({ kind: 'value', value: 'female' })
  expect(readCell(field('employment', 'unit'), 'VCCVC - Vụ Công chức – Viên chức', refs)).toEqual({ kind: 'value', value: { code: 'VCCVC' } })
  expect(readCell(field('salary', 'salaryStep'), '3.5', refs)).toEqual(expect.objectContaining({ kind: 'problem' }))
  // What the export writes reads back to the same value.
  expect(readCell(ethnicity, cellOf(ethnicity, { list: 'ethnicity', code: '01' }, refs) as string, refs)).toEqual({ kind: 'value', value: { list: 'ethnicity', code: '01' } })
  const d = cellOf(birth, '1988-03-15', refs) as Date
  expect(readCell(birth, d, refs)).toEqual({ kind: 'value', value: '1988-03-15' })
  expect(readCell(month, cellOf(month, '2006-09', refs) as string, refs)).toEqual({ kind: 'value', value: '2006-09' })
})

test('a row applied to a record: items set, history rows by id, deletion only by marker, foreign row ids refused', () => {
  const base = emptyRecord() as CanonicalRecord
  base.id = 7
  ;(base.histories as Record<string, unknown[]>).awards = [
    { id: 1, year: 2020, form: null, content: 'A', decisionNumber: null, decidedBy: null },
    { id: 2, year: 2021, form: null, content: 'B', decisionNumber: null, decidedBy: null },
  ]
  const unchanged = applyEdits(base, {}, {})
  expect(sameRecord(unchanged.record, base)).toBe(true)
  const { record, problems } = applyEdits(base, { identity: { phone: '0912345678' } }, {
    awards: [
      { row: 3, rowId: 1, remove: false, items: { content: 'A2' } },
      { row: 4, rowId: 2, remove: true, items: {} },
      { row: 5, rowId: null, remove: false, items: { year: 2024, content: 'C' } },
      { row: 6, rowId: 99, remove: false, items: { content: 'X' } },
    ],
  })
  expect((record.identity as Record<string, unknown>).phone).toBe('0912345678')
  expect((record.histories as Record<string, Array<Record<string, unknown>>>).awards.map((r) => [r.id, r.content])).toEqual([
    [1, 'A2'],
    [null, 'C'],
  ])
  expect(problems).toEqual([expect.objectContaining({ row: 6, column: 'id' })])
  // The base is not changed.
  expect((base.histories as Record<string, unknown[]>).awards).toHaveLength(2)
})

test('possible duplicates compare names without accents, case or spacing, with the date of birth', () => {
  expect(personKey('LÊ VĂN  MỚI', '1990-11-02')).toBe(personKey('le van moi', '1990-11-02'))
  expect(personKey('Lê Văn Mới', '1990-11-02')).not.toBe(personKey('Lê Văn Mới', '1990-11-03'))
  expect(personKey('', '1990-11-02')).toBeNull()
})
