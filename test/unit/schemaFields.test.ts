// The one walker over collection fields (src/schema/fields.ts): layout flattened, groups kept, tabs as sections,
// Payload's own timestamps left out, labels and options normalised.
import type { Field } from 'payload'

import { walkFields } from '../../src/schema/fields'

const label = (vi: string, en: string) => ({ vi, en })

const fields = [
  { name: 'staffCode', type: 'text', required: true, label: label('Số hiệu', 'Staff number') },
  {
    type: 'tabs',
    tabs: [
      {
        label: label('Sơ yếu', 'Identity'),
        fields: [
          { type: 'row', fields: [{ name: 'birthDate', type: 'date', label: label('Sinh ngày', 'Date of birth') }] },
          { name: 'partyJoinMonth', type: 'date', admin: { date: { pickerAppearance: 'monthOnly' } } },
          { name: 'gender', type: 'select', options: ['male', { value: 'female', label: label('Nữ', 'Female') }] },
          { name: 'ethnicity', type: 'relationship', relationTo: 'codes', filterOptions: { list: { equals: 'ethnicity' } } },
          { name: 'economy', type: 'group', label: 'Kinh tế', fields: [{ type: 'collapsible', fields: [{ name: 'landOwned', type: 'text' }] }] },
          { name: 'familyMembers', type: 'join', collection: 'family-members', on: 'staff' },
          { name: 'unitPath', type: 'text', admin: { hidden: true } },
        ],
      },
    ],
  },
  { name: 'updatedAt', type: 'date', admin: { hidden: true }, label: () => 'Updated' },
  { name: 'createdAt', type: 'date', admin: { hidden: true }, label: () => 'Created' },
] as unknown as Field[]

test('every data field once, in form order, with the tab it sits in; Payload timestamps left out', () => {
  const out = walkFields(fields)
  expect(out.map((f) => f.name)).toEqual(['staffCode', 'birthDate', 'partyJoinMonth', 'gender', 'ethnicity', 'economy', 'familyMembers', 'unitPath'])
  expect(out[0]).toEqual({ name: 'staffCode', label: label('Số hiệu', 'Staff number'), type: 'text', required: true, hidden: false, monthOnly: false })
  expect(out.slice(1).every((f) => f.section?.en === 'Identity')).toBe(true)
})

test('kinds and choices: month-only dates, options with labels, code lists, group children, join targets, hidden', () => {
  const byName = Object.fromEntries(walkFields(fields).map((f) => [f.name, f]))
  expect(byName.partyJoinMonth!.monthOnly).toBe(true)
  expect(byName.partyJoinMonth!.label).toEqual({ vi: 'partyJoinMonth', en: 'partyJoinMonth' })
  expect(byName.gender!.options).toEqual([
    { value: 'male', label: { vi: 'male', en: 'male' } },
    { value: 'female', label: label('Nữ', 'Female') },
  ])
  expect([byName.ethnicity!.relationTo, byName.ethnicity!.codeList]).toEqual(['codes', 'ethnicity'])
  expect(byName.economy!.label).toEqual({ vi: 'Kinh tế', en: 'Kinh tế' })
  expect(byName.economy!.fields!.map((f) => f.name)).toEqual(['landOwned'])
  expect([byName.familyMembers!.type, byName.familyMembers!.relationTo]).toEqual(['join', 'family-members'])
  expect(byName.unitPath!.hidden).toBe(true)
})
