import { REQUIRED_HISTORIES, REQUIRED_ITEMS, completeness } from '../../src/domain/completeness'
import {
  addMonths,
  averageCompleteness,
  dayKey,
  DEFAULT_REMINDER_SETTINGS,
  hrDigest,
  isOverdue,
  isStale,
  matchesFilter,
  percentComplete,
  percentFromMissing,
  personDigest,
  personFlags,
  reminderScope,
  reminderSettingsFrom,
  weekKey,
  worstUnits,
  type PersonState,
  type UnitAggregate,
} from '../../src/domain/reminders'
import { hrReminderEmail, personReminderEmail } from '../../src/mail/reminderEmail'
import { HISTORY_TABLES, ITEM_COLUMNS, missingArraySql } from '../../src/reminders/queries'

const NOW = new Date('2026-11-23T01:00:00Z') // Monday 08:00 in Hà Nội
const S = DEFAULT_REMINDER_SETTINGS
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000)
const LINK = 'https://hoso.example/ho-so-cua-toi'

const person = (over: Partial<PersonState> = {}): PersonState => ({
  staffId: 1,
  fullName: 'Nguyễn Văn An',
  missing: [],
  lastConfirmedAt: days(30),
  createdAt: days(800),
  ...over,
})

test('settings: defaults, environment overrides, bad values refused by name', () => {
  expect(reminderSettingsFrom({})).toEqual({ staleMonths: 12, pendingDays: 7, returnedDays: 7 })
  expect(reminderSettingsFrom({ REMINDER_STALE_MONTHS: '6', REMINDER_PENDING_DAYS: '3', REMINDER_RETURNED_DAYS: '' })).toEqual({
    staleMonths: 6,
    pendingDays: 3,
    returnedDays: 7,
  })
  expect(() => reminderSettingsFrom({ REMINDER_STALE_MONTHS: '0' })).toThrow(/REMINDER_STALE_MONTHS/)
  expect(() => reminderSettingsFrom({ REMINDER_PENDING_DAYS: '2.5' })).toThrow(/REMINDER_PENDING_DAYS/)
})

test('addMonths clamps to the end of a shorter month', () => {
  expect(addMonths(new Date('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z')
  expect(addMonths(new Date('2024-02-29T10:00:00Z'), 12).toISOString()).toBe('2025-02-28T10:00:00.000Z')
})

test('stale: last confirmation older than N months, falling back to creation', () => {
  expect(isStale(addMonths(NOW, -12), days(5000), NOW, 12)).toBe(true)
  expect(isStale(new Date(addMonths(NOW, -12).getTime() + 1000), days(5000), NOW, 12)).toBe(false)
  expect(isStale(null, addMonths(NOW, -13), NOW, 12)).toBe(true)
  expect(isStale(null, days(10), NOW, 12)).toBe(false)
  expect(isStale(days(10), days(5000), NOW, 12)).toBe(false)
  expect(isStale(days(100), days(5000), NOW, 3)).toBe(true)
})

test('overdue: whole days since, inclusive at the boundary', () => {
  expect(isOverdue(days(7), NOW, 7)).toBe(true)
  expect(isOverdue(new Date(days(7).getTime() + 1), NOW, 7)).toBe(false)
  expect(isOverdue(null, NOW, 7)).toBe(false)
})

test('percentFromMissing agrees with completeness() for every single missing item', () => {
  const all = [...REQUIRED_ITEMS, ...REQUIRED_HISTORIES].map((i) => i.field)
  expect(percentFromMissing([])).toBe(100)
  expect(percentFromMissing(all)).toBe(0)
  // duplicates and unknown names do not count twice
  expect(percentFromMissing(['phone', 'phone', 'notAnItem'])).toBe(96)
  expect(completeness({}).percent).toBe(percentFromMissing(all))
  for (const field of all) expect(percentFromMissing([field])).toBe(Math.floor((26 * 100) / 27))
  expect(percentFromMissing(['phone', 'photo', 'workHistory'])).toBe(Math.floor((24 * 100) / 27))
})

test('flags: incomplete, stale, pending and returned with their overdue rules', () => {
  const f = personFlags(person({ missing: ['phone'], lastConfirmedAt: null, createdAt: days(400), requestStatus: 'submitted', submittedAt: days(8) }), S, NOW)
  expect(f).toEqual({ percent: 96, incomplete: true, stale: true, pending: true, pendingOverdue: true, returned: false, returnedOverdue: false })
  const g = personFlags(person({ requestStatus: 'returned', decidedAt: days(3) }), S, NOW)
  expect(g).toMatchObject({ incomplete: false, stale: false, returned: true, returnedOverdue: false })
  expect(matchesFilter(g, 'returned')).toBe(true)
  expect(matchesFilter(g, 'incomplete')).toBe(false)
  expect(matchesFilter(personFlags(person(), S, NOW), 'all')).toBe(false)
})

test('person digest: nothing for a complete, current record or one only waiting for HR', () => {
  expect(personDigest(person(), S, NOW, LINK)).toBeNull()
  expect(personDigest(person({ lastConfirmedAt: days(500), requestStatus: 'submitted', submittedAt: days(20) }), S, NOW, LINK)).toBeNull()
  // Returned only 3 days ago: not yet a reason to write.
  expect(personDigest(person({ requestStatus: 'returned', decidedAt: days(3) }), S, NOW, LINK)).toBeNull()
})

test('person digest: what is missing, why, and the link to "Hồ sơ của tôi"', () => {
  const d = personDigest(
    person({ missing: ['familyMembers', 'phone'], lastConfirmedAt: new Date('2025-06-30T17:30:00Z'), requestStatus: 'returned', decidedAt: days(9), returnReason: ' Sai ngày cấp ' }),
    S,
    NOW,
    LINK,
  )!
  expect(d.percent).toBe(92)
  expect(d.missing.map((m) => m.vi)).toEqual(['Điện thoại', 'Quan hệ gia đình'])
  expect(d.reasons.map((r) => r.vi)).toEqual([
    expect.stringContaining('đã được trả lại ngày 14/11/2026 (9 ngày trước)'),
    'Hồ sơ của Anh/Chị mới đầy đủ 92%: còn thiếu 2 mục.',
    expect.stringContaining('xác nhận lần cuối ngày 01/07/2025, đã quá 12 tháng'),
  ])
  expect(d.returnReason).toBe('Sai ngày cấp')
  expect(d.link).toBe(LINK)
  const mail = personReminderEmail(d)
  expect(mail.subject).toMatch(/^Nhắc cập nhật hồ sơ/)
  expect(mail.text).toMatch(/^Kính gửi Nguyễn Văn An,/)
  expect(mail.text).toContain('- Điện thoại\n- Quan hệ gia đình')
  expect(mail.text).toContain('Missing: Phone, Family relations.')
  expect(mail.text.indexOf('---')).toBeGreaterThan(mail.text.indexOf('Kính gửi'))
  expect(mail.html).toContain(`<a href="${LINK}">`)
  expect(mail.html).toContain('Lý do trả lại:</b> Sai ngày cấp')
  expect(mail.text).toContain('Không muốn nhận thư nhắc hằng tuần?')
  expect(personReminderEmail(d, { manual: true }).text).not.toContain('Không muốn nhận thư nhắc')
})

test('HTML escapes names and reasons', () => {
  const d = personDigest(person({ fullName: '<b>X</b>', missing: ['phone'] }), S, NOW, LINK)!
  expect(personReminderEmail(d).html).toContain('&lt;b&gt;X&lt;/b&gt;')
  expect(personReminderEmail(d).html).not.toContain('<b>X</b>')
})

const unit = (unitId: number, staff: number, complete: number, extra: Partial<UnitAggregate> = {}): UnitAggregate => ({
  unitId,
  name: `Đơn vị ${unitId}`,
  depth: 2,
  staff,
  complete,
  incomplete: staff - complete,
  missingItems: staff - complete,
  stale: 0,
  pending: 0,
  pendingOverdue: 0,
  returned: 0,
  oldestPendingAt: null,
  ...extra,
})

test('worst units: lowest share complete first, then most stale, then most overdue approvals; empty and perfect units left out', () => {
  const units = [unit(1, 10, 9), unit(2, 10, 5), unit(3, 10, 5, { stale: 4 }), unit(4, 0, 0), unit(5, 10, 10), unit(6, 20, 10, { stale: 8 })]
  expect(worstUnits(units).map((u) => u.unitId)).toEqual([3, 6, 2, 1])
  expect(worstUnits(units, 2).map((u) => u.unitId)).toEqual([3, 6])
  expect(percentComplete(unit(7, 3, 2))).toBe(66)
  expect(percentComplete(unit(8, 0, 0))).toBe(100)
})

test('HR digest: pending approvals, oldest wait, totals, worst units below; null when all is well', () => {
  const root = unit(1, 40, 30, { depth: 1, name: 'Vụ A', stale: 5, pending: 3, pendingOverdue: 1, returned: 2, oldestPendingAt: days(12) })
  const d = hrDigest({ fullName: 'Trần Thị B', root, units: [root, unit(2, 20, 10), unit(3, 20, 20, { stale: 5 })], dashboardUrl: 'https://x/admin' }, NOW)!
  expect(d).toMatchObject({ unitName: 'Vụ A', pending: 3, pendingOverdue: 1, oldestPendingDays: 12, totals: { staff: 40, percentComplete: 75, incomplete: 10, stale: 5, returned: 2 } })
  expect(d.worst.map((u) => u.unitId)).toEqual([2, 3])
  const mail = hrReminderEmail(d)
  expect(mail.subject).toContain('Vụ A')
  expect(mail.text).toContain('3 yêu cầu cập nhật hồ sơ đang chờ duyệt, trong đó 1 yêu cầu đã chờ quá hạn; yêu cầu lâu nhất đã chờ 12 ngày.')
  expect(mail.text).toContain('- Đơn vị 2: 50% đầy đủ')
  expect(mail.html).toContain('<td>Đơn vị 2</td><td>50%</td>')
  const fine = unit(1, 40, 40, { depth: 1 })
  expect(hrDigest({ fullName: 'X', root: fine, units: [fine], dashboardUrl: '' }, NOW)).toBeNull()
})

test('week key: ISO week in Vietnam time; day key for manual reminders', () => {
  expect(weekKey(new Date('2026-11-23T01:00:00Z'))).toBe('2026-W48')
  // Sunday 22 Nov 23:30 UTC is already Monday 23 Nov in Hà Nội.
  expect(weekKey(new Date('2026-11-22T17:30:00Z'))).toBe('2026-W48')
  expect(weekKey(new Date('2026-11-22T16:59:00Z'))).toBe('2026-W47')
  expect(weekKey(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53')
  expect(weekKey(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01')
  expect(dayKey(new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23')
})

test('dashboard scope follows the management level', () => {
  expect(reminderScope(null)).toEqual({ kind: 'none' })
  expect(reminderScope({ roles: ['staff'], unitId: 3 })).toEqual({ kind: 'none' })
  expect(reminderScope({ roles: ['sysadmin'], unitId: 3 })).toEqual({ kind: 'none' })
  expect(reminderScope({ roles: ['unit-hr'], unitId: null })).toEqual({ kind: 'none' })
  expect(reminderScope({ roles: ['unit-hr'], unitId: 3 })).toEqual({ kind: 'tree', rootUnitId: 3, mayUrge: true })
  expect(reminderScope({ roles: ['unit-head'], unitId: 3 })).toEqual({ kind: 'tree', rootUnitId: 3, mayUrge: false })
  expect(reminderScope({ roles: ['ministry-hr'] })).toEqual({ kind: 'tree', rootUnitId: null, mayUrge: true })
})

test('the SQL rule covers every required item and history, and nothing else', () => {
  expect(Object.keys(ITEM_COLUMNS).sort()).toEqual(REQUIRED_ITEMS.map((i) => i.field).sort())
  expect(Object.keys(HISTORY_TABLES).sort()).toEqual(REQUIRED_HISTORIES.map((i) => i.field).sort())
  const sql = missingArraySql()
  for (const i of [...REQUIRED_ITEMS, ...REQUIRED_HISTORIES]) expect(sql).toContain(`'${i.field}'`)
})

test('a unit whose people each miss one item reads as nearly complete on average, not 0 %', () => {
  const items = REQUIRED_ITEMS.length + REQUIRED_HISTORIES.length
  const everyoneMissesOne = unit(9, 300, 0, { missingItems: 300 })
  expect(percentComplete(everyoneMissesOne)).toBe(0)
  expect(averageCompleteness(everyoneMissesOne)).toBe(Math.floor(100 - 100 / items))
  expect(averageCompleteness(everyoneMissesOne)).toBeGreaterThanOrEqual(90)
  expect(averageCompleteness(unit(10, 0, 0, { missingItems: 0 }))).toBe(100)
})
