import fs from 'node:fs'
import path from 'node:path'

import type { Field, FlattenedField, SanitizedCollectionConfig } from 'payload'

import { recordSchemaFile } from '../../scripts/generate-record-schema'
import {
  canonicalJson,
  canonicalSha256,
  fromCanonicalRecord,
  HISTORIES,
  HISTORY_EXCLUDED,
  PHOTO_EXCLUDED,
  PHOTO_FIELDS,
  RECORD_SCHEMA_ID,
  STAFF_EXCLUDED,
  STAFF_GROUPS,
  toCanonicalRecord,
  validateCanonicalRecord,
  type CanonicalRecord,
  type FieldSpec,
  type RecordLookups,
  type RecordResolver,
  type RecordSource,
} from '../../src/domain/record'
import { SENSITIVE_STAFF_FIELDS } from '../../src/domain/sensitivity'

// ---------------------------------------------------------------- a fixture record, as Payload returns it at depth 0
const CODES: Record<number, { list: string; code: string }> = {
  1: { list: 'ethnicity', code: '01' },
  2: { list: 'religion', code: '00' },
  3: { list: 'qualification', code: 'DH' },
  4: { list: 'training-kind', code: 'CM' },
  5: { list: 'relation', code: 'CHA' },
  6: { list: 'discipline-form', code: 'KT' },
  7: { list: 'award-form', code: 'BK' },
}
const lookups: RecordLookups = { code: (id) => CODES[id] ?? null, unit: (id) => (id === 9 ? 'VCCVC' : null), rank: (id) => (id === 3 ? '01.003' : null) }
const resolver: RecordResolver = {
  code: (list, code) => Number(Object.entries(CODES).find(([, c]) => c.list === list && c.code === code)?.[0] ?? NaN) || null,
  unit: (code) => (code === 'VCCVC' ? 9 : null),
  rank: (code) => (code === '01.003' ? 3 : null),
}

function fullStaff(): Record<string, unknown> {
  const staff: Record<string, unknown> = { id: 42, photo: 77, unitPath: '.1.9.', searchName: 'x', createdAt: '2026-01-01T00:00:00.000Z' }
  for (const g of STAFF_GROUPS) for (const f of g.fields) if (!f.path) staff[f.key] = null
  staff.economy = Object.fromEntries(STAFF_GROUPS.find((g) => g.key === 'economy')!.fields.map((f) => [f.key, null]))
  Object.assign(staff, {
    staffCode: 'CC-0042',
    fullName: 'Nguyễn Thị Hường',
    gender: 'female',
    birthDate: '1985-03-15T00:00:00.000Z',
    nationalId: '001185012345',
    taxCode: '8012345678',
    socialInsuranceNumber: '0112345678',
    ethnicity: 1,
    religion: 2,
    employmentType: 'civil-servant',
    unit: 9,
    rank: 3,
    salaryStep: 3,
    salaryCoefficient: 3.0,
    salaryStepDate: '2024-07-01T00:00:00.000Z',
    highestQualification: 3,
    partyJoinDate: '2010-05-19T00:00:00.000Z',
    heightCm: 158,
    email: 'huong@bnv.gov.vn',
    // Stored by a browser at local midnight in Hà Nội: still 20/05/2015 on the Vietnamese calendar.
    recruitmentDate: '2015-05-19T17:00:00.000Z',
    managementComment: 'Hoàn thành tốt nhiệm vụ',
  })
  ;(staff.economy as Record<string, unknown>).incomeSalary = '120000000'
  return staff
}
const source = (staff = fullStaff()): RecordSource => ({
  staff,
  histories: {
    trainingRecords: [
      { id: 12, staff: 42, kind: 4, fromMonth: '2007-09-01T00:00:00.000Z', toMonth: '2011-06-01T00:00:00.000Z', institution: 'Học viện Hành chính Quốc gia', major: null, mode: null, qualification: 'Cử nhân', language: null, score: null },
      { id: 11, staff: 42, kind: 4, fromMonth: '2003-09-01T00:00:00.000Z', toMonth: null, institution: 'THPT Chu Văn An', major: '', mode: null, qualification: null, language: null, score: null },
    ],
    familyMembers: [{ id: 5, staff: 42, side: 'self', relation: 5, fullName: 'Nguyễn Văn Cha', birthYear: 1955, details: 'Hưu trí, Hà Nội', sortOrder: 1 }],
    disciplines: [{ id: 8, staff: 42, fromDate: '2019-05-01T00:00:00.000Z', toDate: null, form: 6, sphere: 'administrative', violation: 'Đi muộn', decidedBy: null, decisionNumber: null }],
    awards: [{ id: 3, staff: 42, year: 2023, form: 7, content: null, decisionNumber: '12/QĐ-BNV', decidedBy: 'Bộ Nội vụ' }],
  },
  photo: { id: 77, staff: 42, filename: 'cc-0042.jpg', mimeType: 'image/jpeg', filesize: 20480, width: 400, height: 600, alt: null, url: '/api/photos/file/cc-0042.jpg' },
})

describe('the canonical document', () => {
  const record = toCanonicalRecord(source(), lookups)

  test('has every group, every history, codes with their list, civil dates, identifiers in clear', () => {
    expect(record.schema).toBe(RECORD_SCHEMA_ID)
    expect(Object.keys(record).sort()).toEqual(['histories', 'id', 'omitted', 'photo', 'schema', ...STAFF_GROUPS.map((g) => g.key)].sort())
    expect(record.omitted).toEqual([])
    expect(record.identity).toMatchObject({ staffCode: 'CC-0042', birthDate: '1985-03-15', email: 'huong@bnv.gov.vn', phone: null })
    expect(record.identifiers).toMatchObject({ nationalId: '001185012345', taxCode: '8012345678', socialInsuranceNumber: '0112345678' })
    expect(record.origin).toEqual({ ethnicity: { list: 'ethnicity', code: '01' }, religion: { list: 'religion', code: '00' }, familyBackground: null })
    expect(record.employment).toMatchObject({ unit: { code: 'VCCVC' }, recruitmentDate: '2015-05-20' })
    expect(record.salary).toMatchObject({ rank: { code: '01.003' }, salaryStep: 3, salaryCoefficient: 3 })
    expect(record.economy).toMatchObject({ incomeSalary: '120000000', incomeOther: null })
    const h = record.histories as Record<string, Array<Record<string, unknown>>>
    expect(Object.keys(h).sort()).toEqual(HISTORIES.map((x) => x.key).sort())
    // The form's order (from month), not the order the rows came in; months as YYYY-MM; '' as null.
    expect(h.trainingRecords!.map((r) => [r.id, r.fromMonth, r.toMonth, r.major])).toEqual([[11, '2003-09', null, null], [12, '2007-09', '2011-06', null]])
    expect(h.workHistory).toEqual([])
    expect(record.photo).toEqual({ filename: 'cc-0042.jpg', mimeType: 'image/jpeg', filesize: 20480, width: 400, height: 600, alt: null })
    expect(validateCanonicalRecord(record)).toEqual([])
  })

  test('a reader who may not see sensitive items gets the document without them, and it says which', () => {
    const staff = fullStaff()
    for (const key of Object.keys(SENSITIVE_STAFF_FIELDS)) delete staff[key]
    const s = source(staff)
    const { details: _d, ...withoutDetails } = s.histories.familyMembers![0]!
    const partial = toCanonicalRecord({ ...s, histories: { ...s.histories, disciplines: [], familyMembers: [withoutDetails] } }, lookups)
    expect(partial.omitted).toEqual([
      'economy', 'healthAndPolicy', 'histories.disciplines', 'histories.familyMembers[].details', 'identifiers', 'origin', 'partyMembership', 'personalHistory',
    ])
    for (const g of ['identifiers', 'origin', 'partyMembership', 'healthAndPolicy', 'personalHistory', 'economy']) expect(partial).not.toHaveProperty(g)
    const h = partial.histories as Record<string, Array<Record<string, unknown>>>
    expect(h).not.toHaveProperty('disciplines')
    expect(h.familyMembers![0]).not.toHaveProperty('details')
    expect(validateCanonicalRecord(partial)).toEqual([])
    // Its data leaves the omitted items alone: they are absent, not null.
    const data = fromCanonicalRecord(partial, resolver)
    expect(data.staff).not.toHaveProperty('nationalId')
    expect(data.staff).not.toHaveProperty('economy')
    expect(data.histories).not.toHaveProperty('disciplines')
    expect(data.histories['family-members']![0]!.data).not.toHaveProperty('details')
  })

  test('round trip: document → Payload data → document is the same document', () => {
    const data = fromCanonicalRecord(record, resolver)
    expect(data.unresolved).toEqual([])
    expect(data.staff).toMatchObject({ ethnicity: 1, unit: 9, rank: 3, birthDate: '1985-03-15T00:00:00.000Z', economy: { incomeSalary: '120000000' } })
    const rows = (slug: string) => data.histories[slug]!.map((r) => ({ id: r.id, staff: 42, ...r.data }))
    const again = toCanonicalRecord(
      {
        staff: { id: 42, photo: 77, ...data.staff },
        histories: Object.fromEntries(HISTORIES.map((h) => [h.key, rows(h.slug)])),
        photo: source().photo,
      },
      lookups,
    )
    expect(canonicalJson(again)).toBe(canonicalJson(record))
  })

  test('unknown codes are reported by path, not dropped', () => {
    const broken = JSON.parse(JSON.stringify(record)) as CanonicalRecord
    ;(broken.origin as Record<string, unknown>).ethnicity = { list: 'ethnicity', code: '77' }
    expect(fromCanonicalRecord(broken, resolver).unresolved).toEqual([{ path: 'origin.ethnicity', value: { list: 'ethnicity', code: '77' } }])
  })
})

describe('validateCanonicalRecord names what is wrong (vi/en)', () => {
  const good = () => JSON.parse(JSON.stringify(toCanonicalRecord(source(), lookups))) as Record<string, any>
  const fields = (doc: unknown) => validateCanonicalRecord(doc).map((i) => i.vi)

  test('each kind of mistake', () => {
    const d = good()
    d.identity.birthDate = '15/03/1985'
    d.identity.nickname = 'Hường'
    d.origin.religion = { list: 'ethnicity', code: '00' }
    d.salary.salaryStep = 3.5
    d.histories.trainingRecords[0].fromMonth = '2003-13'
    d.histories.awards[0].id = 'x'
    delete d.education
    d.employment.employmentType = 'consultant'
    expect(fields(d)).toEqual([
      'identity.nickname: mục không có trong lược đồ hoso.record/1.',
      'identity.birthDate: phải là ngày dạng YYYY-MM-DD.',
      'origin.religion: phải là { "list": "religion", "code": "…" }.',
      'employment.employmentType: phải là một trong: cadre, civil-servant, public-employee, contract.',
      'salary.salaryStep: phải là số nguyên.',
      'education: thiếu nhóm mà không ghi trong omitted.',
      'histories.trainingRecords[0].fromMonth: phải là tháng dạng YYYY-MM.',
      'histories.awards[0].id: phải là số nguyên dương, hoặc null cho dòng mới.',
    ])
    expect(validateCanonicalRecord({ ...good(), schema: 'hoso.record/2' })[0]!.en).toBe('schema: must be "hoso.record/1" (the document says "hoso.record/2").')
    const required = good()
    required.identity.fullName = null
    expect(validateCanonicalRecord(required).map((i) => i.en)).toEqual(['identity.fullName: a value is required.'])
  })
})

describe('hash stability (RFC 8785 JCS)', () => {
  test('the RFC 8785 §3.2.2 example serialises as the RFC prints it', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    )
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}')
  })

  test('keys sort by UTF-16 code units; insertion order and whitespace do not matter', () => {
    expect(canonicalJson({ '\u00e9': 1, z: 2, A: 3, '\u{1F600}': 4, '\uFB33': 5 })).toBe('{"A":3,"z":2,"\u00e9":1,"\u{1F600}":4,"\uFB33":5}')
    expect(canonicalSha256({ b: [1, { d: null, c: 'x' }], a: true })).toBe(canonicalSha256(JSON.parse('{ "a": true, "b": [1, {"c":"x","d":null}] }')))
    expect(() => canonicalJson({ x: NaN })).toThrow(TypeError)
  })

  test('the same record gives the same SHA-256 however its rows arrive; any change gives another', () => {
    const a = toCanonicalRecord(source(), lookups)
    const s = source()
    const shuffled = { ...s, histories: { ...s.histories, trainingRecords: [...s.histories.trainingRecords!].reverse() } }
    const staff = Object.fromEntries(Object.entries(fullStaff()).reverse())
    const b = toCanonicalRecord({ ...shuffled, staff }, lookups)
    expect(canonicalSha256(b)).toBe(canonicalSha256(a))
    // A fixed value: a change in the serialisation or the mapping shows up here (and is a schema version question).
    expect(canonicalSha256(a)).toBe(GOLDEN_SHA256)
    const changed = toCanonicalRecord({ ...s, staff: { ...fullStaff(), phone: '0912345678' } }, lookups)
    expect(canonicalSha256(changed)).not.toBe(canonicalSha256(a))
  })
})
const GOLDEN_SHA256 = '40b6d531ca9440b016c7741855c225bea6c1c950525a8561c53c9ede838a6395'

// ---------------------------------------------------------------- the schema against the collections as configured
describe('every field of the staff record, the histories and the photo is in the schema or excluded with a reason', () => {
  let collections: Map<string, SanitizedCollectionConfig>
  beforeAll(async () => {
    process.env.PAYLOAD_SECRET ??= 'unit-test-secret'
    const { default: config } = await import('../../payload.config')
    collections = new Map((await config).collections.map((c) => [c.slug, c]))
  })

  /** Data paths of a collection's fields ('economy.incomeSalary' for a group's), with the field config. */
  function dataFields(fields: FlattenedField[], prefix = ''): Map<string, FlattenedField> {
    const out = new Map<string, FlattenedField>()
    for (const f of fields) {
      if (f.type === 'group' && 'flattenedFields' in f) for (const [k, v] of dataFields(f.flattenedFields, `${prefix}${f.name}.`)) out.set(k, v)
      else if ((f.type as string) !== 'ui') out.set(`${prefix}${f.name}`, f)
    }
    return out
  }

  function check(slug: string, specs: readonly FieldSpec[], excluded: Readonly<Record<string, string>>) {
    const fields = dataFields(collections.get(slug)!.flattenedFields)
    expect(fields.size).toBeGreaterThan(0)
    const inSchema = new Map(specs.map((s) => [s.path ?? s.key, s]))
    const forgotten = [...fields.keys()].filter((p) => !inSchema.has(p) && !excluded[p])
    expect([slug, forgotten]).toEqual([slug, []])
    for (const [p, reason] of Object.entries(excluded)) if (fields.has(p)) expect([p, reason.length > 10]).toEqual([p, true])
    // The schema names no field the collection does not have, and agrees with it on type, code list and requiredness.
    for (const [p, spec] of inSchema) {
      const field = fields.get(p) as (FlattenedField & { relationTo?: string; options?: Array<{ value: string }>; filterOptions?: unknown; required?: boolean }) | undefined
      expect([slug, p, field !== undefined]).toEqual([slug, p, true])
      const kind = spec.type.kind
      const expected: Record<string, string[]> = {
        text: ['text', 'textarea'], email: ['email'], date: ['date'], month: ['date'], number: ['number'], integer: ['number'],
        select: ['select'], code: ['relationship'], unit: ['relationship'], rank: ['relationship'],
      }
      expect([slug, p, expected[kind]!.includes(field!.type)]).toEqual([slug, p, true])
      if (kind === 'code') expect([p, field!.relationTo, field!.filterOptions]).toEqual([p, 'codes', { list: { equals: (spec.type as { list: string }).list } }])
      if (kind === 'unit') expect(field!.relationTo).toBe('units')
      if (kind === 'rank') expect(field!.relationTo).toBe('ranks')
      if (kind === 'select') expect([p, field!.options!.map((o) => o.value)]).toEqual([p, [...(spec.type as { options: readonly string[] }).options]])
      if (slug !== 'photos') expect([slug, p, Boolean(field!.required)]).toEqual([slug, p, Boolean(spec.required)])
    }
  }

  test('staff', () => check('staff', STAFF_GROUPS.flatMap((g) => g.fields), STAFF_EXCLUDED))
  test.each(HISTORIES.map((h) => [h.slug, h] as const))('%s', (slug, h) => check(slug, h.fields, HISTORY_EXCLUDED))
  test('photos', () => check('photos', PHOTO_FIELDS, PHOTO_EXCLUDED))

  test('every sensitive item of the staff record (src/domain/sensitivity.ts) sits in a sensitive group', () => {
    const sensitiveGroups = STAFF_GROUPS.filter((g) => g.sensitive)
    for (const key of Object.keys(SENSITIVE_STAFF_FIELDS)) {
      expect([key, sensitiveGroups.some((g) => g.fields.some((f) => (f.path ?? f.key).split('.')[0] === key))]).toEqual([key, true])
    }
  })
})

test('docs/schemas/record-v1.json is what scripts/generate-record-schema.ts writes', () => {
  expect(fs.readFileSync(path.resolve('docs/schemas/record-v1.json'), 'utf8')).toBe(recordSchemaFile())
})

export type { Field }
