/**
 * The holiday calendar on a real PostgreSQL: the decisions seeded by migration, the service's deadlines across
 * Tết, ministry HR's entries (checked, audited, seen by the service at once) and everyone else refused.
 */
import pg from 'pg'
import { Forbidden, ValidationError, type Payload } from 'payload'

import { workingCalendar, workingCalendarWarnings } from '../../src/calendar/workingCalendar'
import { KNOWN_DECISIONS } from '../../src/domain/calendar'
import { seedDemoData } from '../../src/seed/seed'
import { startTestPayload, stopTestPayload } from '../helpers/payload'

let payload: Payload
let sql: pg.Pool
const account = async (email: string) => (await payload.find({ collection: 'accounts', where: { email: { equals: email } }, depth: 0 })).docs[0]!

beforeAll(async () => {
  const started = await startTestPayload()
  payload = started.payload
  await seedDemoData(payload, { staff: 5 })
  sql = new pg.Pool({ connectionString: started.databaseUrl, max: 2 })
})

afterAll(async () => {
  await sql?.end()
  await stopTestPayload(payload)
})

test('the migration seeds the known decisions of 2024–2026, each with its legal source', async () => {
  const rows = (await sql.query(`SELECT date, year, kind, occasion, source FROM working_calendar ORDER BY date`)).rows
  expect(rows).toHaveLength(KNOWN_DECISIONS.length)
  expect(rows.map((r) => r.date)).toEqual(KNOWN_DECISIONS.map((e) => e.date).sort())
  for (const r of rows) {
    expect(Number(r.year)).toBe(Number(r.date.slice(0, 4)))
    expect(r.source.length).toBeGreaterThan(20)
  }
  // The database keeps a civil date, never an instant.
  await expect(sql.query(`INSERT INTO working_calendar (date, year, kind, source) VALUES ('2027-02-05T00:00', 2027, 'day-off', 'x')`)).rejects.toThrow(/working_calendar_date_civil/)
})

test('the service computes deadlines across Tết 2026 from the database', async () => {
  const calendar = await workingCalendar(payload)
  expect(calendar.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23')
  expect(calendar.addDaysRolledOver('2026-02-10', 10)).toBe('2026-02-23')
  expect(calendar.isWorkingDay('2026-01-10')).toBe(true) // làm bù
  expect(calendar.isWorkingDay('2026-01-02')).toBe(false)
  expect(await workingCalendar(payload)).toBe(calendar) // kept, not reloaded
})

test('ministry HR enters the 2026 day next to 2/9: checked, audited, and the service sees it at once', async () => {
  const tccb = await account('tccb@hoso.local')
  const before = await workingCalendar(payload)
  expect(before.dayInfo('2026-09-01').provisional).toBe(true)
  expect((await workingCalendarWarnings(payload, new Date('2026-06-01T03:00:00Z'))).map((w) => w.year)).toEqual([2026])

  const doc = await payload.create({
    collection: 'working-calendar',
    data: { date: '01/09/2026', kind: 'holiday', occasion: 'national-day', name: 'Ngày liền kề trước Quốc khánh', source: 'Thông báo số 99/TB-BNV (thử nghiệm)' },
    user: tccb,
    overrideAccess: false,
  })
  expect(doc).toMatchObject({ date: '2026-09-01', year: 2026 })
  const after = await workingCalendar(payload)
  expect(after).not.toBe(before)
  expect(after.dayInfo('2026-09-01')).toMatchObject({ kind: 'holiday', provisional: false })
  expect(await workingCalendarWarnings(payload, new Date('2026-06-01T03:00:00Z'))).toEqual([])

  const events = (await sql.query(`SELECT operation, actor_id, changes FROM audit_events WHERE target_collection = 'working-calendar' ORDER BY seq`)).rows
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ operation: 'create', actor_id: String(tccb.id) })
  expect(JSON.stringify(events[0].changes)).toContain('2026-09-01')

  await payload.delete({ collection: 'working-calendar', id: doc.id, user: tccb, overrideAccess: false })
  expect((await workingCalendar(payload)).dayInfo('2026-09-01').provisional).toBe(true)
  expect((await sql.query(`SELECT operation FROM audit_events WHERE target_collection = 'working-calendar' ORDER BY seq`)).rows.map((r) => r.operation)).toEqual(['create', 'delete'])
})

test('a wrong entry is refused by name and stores nothing', async () => {
  const tccb = await account('tccb@hoso.local')
  const count = async () => Number((await sql.query(`SELECT count(*) AS n FROM working_calendar`)).rows[0].n)
  const n = await count()
  const attempt = (data: Record<string, unknown>) =>
    payload.create({ collection: 'working-calendar', data: { source: 'Thông báo thử', ...data } as never, user: tccb, overrideAccess: false })
  const refusal = async (data: Record<string, unknown>) => {
    const error = await attempt(data).then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    return (error as ValidationError).data.errors.map((e) => `${e.path}: ${e.message}`)
  }
  expect(await refusal({ date: '2027-03-06', kind: 'day-off' })).toEqual([
    'date: Ngày 06/03/2027 không phải ngày làm việc (ngày nghỉ hằng tuần): không thể hoán đổi thành ngày nghỉ.',
  ])
  expect(await refusal({ date: '2026-02-23', kind: 'holiday', occasion: 'tet' })).toEqual([
    'occasion: Năm 2026 đã có đủ 5 ngày nghỉ Tết Âm lịch (Bộ luật Lao động Điều 112).',
  ])
  expect(await refusal({ date: '30/02/2027', kind: 'day-off' })).toEqual(['date: Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.'])
  // A holiday that pushes the nghỉ bù of Tết 2027 onto a stored swapped day off would make that swap meaningless.
  const swap = await attempt({ date: '2027-02-12', kind: 'day-off' })
  expect(await refusal({ date: '2027-02-11', kind: 'holiday', occasion: 'other', name: 'Ngày lễ thử' })).toEqual([
    'date: Thay đổi này làm ngày 12/02/2027 đã nhập không còn hợp lệ: Ngày 12/02/2027 không phải ngày làm việc (ngày nghỉ bù): không thể hoán đổi thành ngày nghỉ.',
  ])
  await payload.delete({ collection: 'working-calendar', id: swap.id, user: tccb, overrideAccess: false })
  expect(await count()).toBe(n)
  expect((await sql.query(`SELECT count(*) AS n FROM audit_events WHERE target_collection = 'working-calendar'`)).rows[0].n).toBe('4')
})

test('only ministry HR changes the calendar; everyone signed in reads it', async () => {
  const data = { date: '2027-03-05', kind: 'day-off', source: 'Thông báo thử' } as never
  for (const email of ['nhansu@hoso.local', 'canbo@hoso.local', 'admin@hoso.local']) {
    const user = await account(email)
    await expect(payload.create({ collection: 'working-calendar', data, user, overrideAccess: false })).rejects.toBeInstanceOf(Forbidden)
    const read = await payload.find({ collection: 'working-calendar', user, overrideAccess: false, limit: 100 })
    expect(read.totalDocs).toBe(KNOWN_DECISIONS.length)
  }
})
