import { diffProposal, reduceProposal, snapshotOf, stampOf } from '../../src/domain/changeRequest'
import { splitProposal, SELF_EDITABLE_FIELDS, STAFF_FIELD_TIERS } from '../../src/domain/tiers'

const record = {
  id: 7,
  fullName: 'Nguyễn Thị Hường',
  hometown: 'Bình Định',
  ethnicity: { id: 3, name: 'Kinh' },
  birthDate: '1985-03-15T00:00:00.000Z',
  salaryStep: 4,
  economy: { housingOwned: '' },
  updatedAt: '2026-11-25T10:00:00.000Z',
}
const rows = {
  'family-members': [
    { id: 12, staff: 7, side: 'self', relation: { id: 40 }, fullName: 'Phạm Thị Hoa', birthYear: 1958, createdAt: 'x', updatedAt: 'y' },
    { id: 10, staff: 7, side: 'self', relation: 41, fullName: 'Nguyễn Văn Ba', birthYear: 1955 },
  ],
}

describe('tiers', () => {
  test('contact details apply at once, declarations wait, HR-owned and unknown fields are refused (never dropped)', () => {
    const split = splitProposal({ phone: '0912345678', hometown: 'Huế', salaryStep: 5, unit: 2, notAField: 1, familyMembers: [] })
    expect(split.immediate).toEqual({ phone: '0912345678' })
    expect(split.declared).toEqual({ hometown: 'Huế' })
    expect(split.refused.sort()).toEqual(['familyMembers', 'notAField', 'salaryStep', 'unit'])
  })

  test('self-service never reaches relations that place a person in the organisation', () => {
    for (const f of ['unit', 'rank', 'position', 'salaryStep', 'staffCode', 'managementComment']) expect(SELF_EDITABLE_FIELDS).not.toContain(f)
    expect(STAFF_FIELD_TIERS.unitPath).toBe('system')
  })
})

describe('change request content', () => {
  const snap = snapshotOf(record, rows)

  test('a snapshot keeps declared items only, relations as ids, rows in id order without bookkeeping', () => {
    expect(snap.fields.hometown).toBe('Bình Định')
    expect(snap.fields.ethnicity).toBe(3)
    expect(snap.fields).not.toHaveProperty('salaryStep')
    expect(snap.fields).not.toHaveProperty('updatedAt')
    expect(snap.rows['family-members']!.map((r) => r.id)).toEqual([10, 12])
    expect(snap.rows['family-members']![1]).toEqual({ id: 12, side: 'self', relation: 40, fullName: 'Phạm Thị Hoa', birthYear: 1958 })
  })

  test('the stamp ignores key order and empty values but changes with any declared value', () => {
    const reordered = snapshotOf({ ...record, economy: {}, otherNames: null }, { 'family-members': [...rows['family-members']].reverse() })
    expect(stampOf(reordered)).toBe(stampOf(snap))
    expect(stampOf(snapshotOf({ ...record, hometown: 'Huế' }, rows))).not.toBe(stampOf(snap))
    const changedRow = [{ ...rows['family-members'][0]!, birthYear: 1959 }, rows['family-members'][1]!]
    expect(stampOf(snapshotOf(record, { 'family-members': changedRow }))).not.toBe(stampOf(snap))
  })

  test('a proposal keeps only what differs, and only declarable fields', () => {
    const p = reduceProposal(snap, {
      fields: { hometown: 'Bình Định', birthPlace: 'Đắk Lắk', ethnicity: { id: 3 }, salaryStep: 9 },
      rows: { 'family-members': snap.rows['family-members']!, 'work-history': [{ organisation: 'x' }] },
    })
    expect(p).toEqual({ fields: { birthPlace: 'Đắk Lắk' }, rows: {} })
  })

  test('the difference lists changed fields and added, changed and removed rows', () => {
    const proposal = reduceProposal(snap, {
      fields: { hometown: 'Quảng Ngãi' },
      rows: { 'family-members': [{ ...snap.rows['family-members']![1]!, birthYear: 1957 }, { side: 'spouse', relation: 40, fullName: 'Đỗ Thị Nga' }] },
    })
    const diff = diffProposal(snap, proposal)
    expect(diff.fields).toEqual([{ field: 'hometown', before: 'Bình Định', after: 'Quảng Ngãi' }])
    expect(diff.rows.map((r) => [r.kind, r.id ?? null])).toEqual([
      ['removed', 10],
      ['changed', 12],
      ['added', null],
    ])
    expect(diff.rows[1]!.fields).toEqual([{ field: 'birthYear', before: 1958, after: 1957 }])
  })
})
