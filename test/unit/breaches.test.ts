import { breachClock, breachKeptUntil, breachRetentionYears, buildBreachNotice, notifyBy, validateBreach } from '../../src/domain/breaches'

const now = new Date('2026-12-07T10:00:00Z')

test('a breach needs what, categories, when found (not in the future) and a number of people; a notice needs its authority', () => {
  expect(validateBreach({ summary: 'Lộ danh sách', categories: 'Họ tên, số CCCD', foundAt: '2026-12-06T02:00:00Z', affectedCount: 120 }, now)).toEqual([])
  expect(validateBreach({ foundAt: '2026-12-08T02:00:00Z', affectedCount: -1 }, now).map((i) => i.field)).toEqual(['summary', 'categories', 'foundAt', 'affectedCount'])
  expect(validateBreach({ summary: 'x', categories: 'y', foundAt: '2026-12-06T02:00:00Z', affectedCount: 1, notifiedAt: '2026-12-07T02:00:00Z' }, now).map((i) => i.field)).toEqual(['notifiedTo'])
})

test('the 72-hour clock runs from the finding', () => {
  expect(notifyBy('2026-12-04T09:00:00Z').toISOString()).toBe('2026-12-07T09:00:00.000Z')
  expect(breachClock({ foundAt: '2026-12-04T11:00:00Z' }, now)).toBe('open')
  expect(breachClock({ foundAt: '2026-12-04T09:00:00Z' }, now)).toBe('overdue')
  expect(breachClock({ foundAt: '2026-12-04T09:00:00Z', notifiedAt: '2026-12-07T09:00:00Z' }, now)).toBe('notified-on-time')
  expect(breachClock({ foundAt: '2026-12-04T09:00:00Z', notifiedAt: '2026-12-07T09:00:01Z' }, now)).toBe('notified-late')
})

test('kept at least 5 years from resolution (configurable upwards only)', () => {
  expect(breachRetentionYears({})).toBe(5)
  expect(breachRetentionYears({ BREACH_RETENTION_YEARS: '10' })).toBe(10)
  expect(() => breachRetentionYears({ BREACH_RETENTION_YEARS: '3' })).toThrow(/at least 5/)
  expect(breachKeptUntil({ foundAt: '2026-12-04T09:00:00Z', resolvedAt: '2027-01-10T00:00:00Z' }, 5)).toBe('2032-01-10T00:00:00.000Z')
  expect(breachKeptUntil({ foundAt: '2026-12-04T09:00:00Z' }, 5)).toBe('2031-12-04T09:00:00.000Z')
})

test('the notice carries the content of NĐ 356 Điều 28', () => {
  const doc = buildBreachNotice({ id: 7, summary: 'Lộ danh sách', categories: 'Họ tên, số CCCD', foundAt: '2026-12-04T09:00:00Z', affectedCount: 120, contact: 'Cán bộ bảo vệ dữ liệu, 024 1234 5678', measures: 'Thu hồi quyền truy cập' }, 'Bộ Nội vụ')
  const text = JSON.stringify(doc.blocks)
  for (const part of ['TÍNH CHẤT', 'Họ tên, số CCCD', '120', 'LIÊN HỆ', '024 1234 5678', 'HẬU QUẢ', 'Thu hồi quyền truy cập', '07/12/2026 16:00:00']) expect(text).toContain(part)
})
