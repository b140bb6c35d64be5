import { auditChanges, compactValue, dottedIds, grantPurposes, unitTokens, valueDigest } from '../../src/domain/auditEvent'
import { auditFilterParamsOf, auditFilterWhere, parseAuditFilter } from '../../src/domain/auditFilters'
import { formatDateTimeInVietnam, startOfVietnamDay } from '../../src/domain/dates'

const options = { isSensitive: (f: string) => f === 'nationalId' || f === 'economy', digestKey: 'k' }

describe('auditChanges', () => {
  test('reports changed fields old → new and masks sensitive ones with a keyed digest', () => {
    const changes = auditChanges(
      { id: 1, phone: '0912', nationalId: '001085012345', economy: { salary: 10 }, updatedAt: 'a', unit: { id: 7, name: 'Vụ', code: 'V' } },
      { id: 1, phone: '0987', nationalId: '001085099999', economy: { salary: 12 }, updatedAt: 'b', unit: 8 },
      options,
    )
    expect(changes).toEqual([
      { field: 'economy.salary', before: valueDigest(10, 'k'), after: valueDigest(12, 'k'), masked: true },
      { field: 'nationalId', before: valueDigest('001085012345', 'k'), after: valueDigest('001085099999', 'k'), masked: true },
      { field: 'phone', before: '0912', after: '0987' },
      { field: 'unit', before: 7, after: 8 },
    ])
    expect(JSON.stringify(changes)).not.toMatch(/001085/)
  })

  test('equal values give equal digests, different keys different ones; empty stays null', () => {
    expect(valueDigest('001085012345', 'k')).toBe(valueDigest('001085012345', 'k'))
    expect(valueDigest('001085012345', 'k')).not.toBe(valueDigest('001085012345', 'other'))
    expect(valueDigest('', 'k')).toBeNull()
    expect(valueDigest(null, 'k')).toBeNull()
  })

  test('create and delete: every non-empty field against nothing; ignored paths are left out', () => {
    expect(auditChanges(null, { a: 1, b: null, joins: { docs: [] } }, { ...options, ignore: ['joins'] })).toEqual([{ field: 'a', before: null, after: 1 }])
    expect(auditChanges({ a: 1 }, null, options)).toEqual([{ field: 'a', before: 1, after: null }])
  })

  test('compactValue keeps values, not populated documents', () => {
    expect(compactValue({ id: 3, name: 'x', code: 'y' })).toBe(3)
    expect(compactValue([{ id: 3, name: 'x', code: 'y' }, 4])).toEqual([3, 4])
    expect(compactValue(new Date('2026-01-02T00:00:00Z'))).toBe('2026-01-02T00:00:00.000Z')
  })
})

test('dotted id lists and unit tokens', () => {
  expect(dottedIds([3, 17, 3])).toBe('.3.17.')
  expect(dottedIds([])).toBeNull()
  expect(unitTokens(['.1.7.42.', '.1.9.', null])).toBe('.1.7.42.9.')
})

describe('grantPurposes', () => {
  const grants = [
    { action: 'read' as const, unitIds: [9], staffIds: [], purpose: 'Thẩm định bổ nhiệm' },
    { action: 'update' as const, unitIds: [], staffIds: [50], purpose: 'Bổ sung hồ sơ' },
  ]
  test('records reached by duty carry no purpose; records reached by a grant carry its purpose', () => {
    const hr = { roles: ['unit-hr'], unitId: 7, grants }
    expect(grantPurposes(hr, [{ id: 1, unitPath: '.1.7.42.' }], 'read')).toEqual([])
    expect(grantPurposes(hr, [{ id: 2, unitPath: '.1.9.' }], 'read')).toEqual(['Thẩm định bổ nhiệm'])
    expect(grantPurposes(hr, [{ id: 50, unitPath: '.1.3.' }, { id: 2, unitPath: '.1.9.' }], 'read').sort()).toEqual(['Bổ sung hồ sơ', 'Thẩm định bổ nhiệm'])
    expect(grantPurposes(hr, [{ id: 50, unitPath: '.1.3.' }, { id: 2, unitPath: '.1.9.' }], 'update')).toEqual(['Bổ sung hồ sơ'])
    expect(grantPurposes({ roles: ['ministry-hr'], grants }, [{ id: 2, unitPath: '.1.9.' }], 'read')).toEqual([])
    expect(grantPurposes({ roles: ['staff'] }, [{ id: 2, unitPath: '.1.9.' }], 'read')).toEqual([])
  })
})

describe('Vietnamese time and the auditor filters', () => {
  test('times are shown in Asia/Ho_Chi_Minh (UTC+07:00)', () => {
    expect(formatDateTimeInVietnam('2026-11-25T20:05:09.123Z')).toBe('26/11/2026 03:05:09')
    expect(startOfVietnamDay('2026-11-01')!.toISOString()).toBe('2026-10-31T17:00:00.000Z')
    expect(startOfVietnamDay('01/11/2026')!.toISOString()).toBe('2026-10-31T17:00:00.000Z')
  })

  test('filters parse; bad input gets Vietnamese messages naming the field', () => {
    const ok = parseAuditFilter(new URLSearchParams('person=12&actor=3&unit=7&operation=read&collection=staff&from=2026-11-01&to=2026-11-30'))
    expect(ok.issues).toEqual([])
    expect(ok.filter).toEqual({
      person: 12, actor: 3, unit: 7, operation: 'read', collection: 'staff',
      from: new Date('2026-10-31T17:00:00.000Z'), until: new Date('2026-11-30T17:00:00.000Z'),
    })
    const bad = parseAuditFilter(new URLSearchParams('person=abc&operation=xem&from=31/02/2026&collection=DROP TABLE'))
    expect(bad.issues.map((i) => i.field).sort()).toEqual(['collection', 'from', 'operation', 'person'])
    expect(bad.issues.find((i) => i.field === 'operation')!.vi).toBe('Thao tác không hợp lệ: xem')
    expect(parseAuditFilter(new URLSearchParams('from=2026-11-30&to=2026-11-01')).issues[0]!.field).toBe('to')
  })
})

describe('auditFilterWhere / auditFilterParamsOf', () => {
  test('the admin list filter matches the export filter: person and unit as dotted ids, Vietnamese days as an instant range', () => {
    const { filter } = parseAuditFilter(new URLSearchParams('person=12&actor=3&unit=7&operation=read&from=2026-11-01&to=2026-11-30'))
    const where = auditFilterWhere(filter)
    expect(where).toEqual({
      and: [
        { subjects: { like: '.12.' } },
        { subjectUnits: { like: '.7.' } },
        { actorId: { equals: 3 } },
        { operation: { equals: 'read' } },
        { occurredAt: { greater_than_equal: '2026-10-31T17:00:00.000Z' } },
        { occurredAt: { less_than: '2026-11-30T17:00:00.000Z' } },
      ],
    })
    expect(auditFilterWhere({})).toEqual({ and: [] })
  })

  test('a where read back from the URL (qs: objects with numeric keys, string values) gives the panel its parameters again', () => {
    const fromUrl = JSON.parse(JSON.stringify({ and: Object.assign({}, auditFilterWhere(parseAuditFilter(new URLSearchParams('person=12&actor=3&unit=7&operation=read&from=01/11/2026&to=2026-11-30')).filter).and) }))
    expect(auditFilterParamsOf(fromUrl)).toEqual({ person: '12', actor: '3', unit: '7', operation: 'read', from: '01/11/2026', to: '30/11/2026' })
    expect(auditFilterParamsOf({ and: [{ actorName: { like: 'x' } }, { occurredAt: { less_than: 'nonsense' } }] })).toEqual({})
    expect(auditFilterParamsOf(undefined)).toEqual({})
  })
})
