import { createWorkingCalendar } from '../../src/domain/calendar/workingCalendar'
import { KNOWN_DECISIONS } from '../../src/domain/calendar/decisions'
import {
  isRefusedDuringReadOnly,
  maintenanceMessage,
  maintenanceState,
  noticeWorkingDays,
  retryAfterSeconds,
  servedDuringFullStop,
  validateWindow,
  type MaintenanceWindow,
} from '../../src/domain/maintenance'

const calendar = createWorkingCalendar(KNOWN_DECISIONS)
const w = (over: Partial<MaintenanceWindow>): MaintenanceWindow => ({
  id: 1,
  kind: 'read-only',
  startsAt: '2027-03-01T15:00:00.000Z',
  endsAt: '2027-03-01T17:00:00.000Z',
  titleVi: 'Nâng cấp',
  announcedAt: '2027-02-01T02:00:00.000Z',
  ...over,
})

describe('notice in working days', () => {
  test('weekends and Tết do not count', () => {
    // Announced Thursday 04/02/2027, Tết Đinh Mùi holidays 05–10/02/2027 (provisional); start Monday 15/02.
    const days = noticeWorkingDays(calendar, new Date('2027-02-04T02:00:00Z'), new Date('2027-02-15T02:00:00Z'))
    expect(days).toBeLessThan(5)
    // Monday to the next Monday: five working days.
    expect(noticeWorkingDays(calendar, new Date('2026-12-07T02:00:00Z'), new Date('2026-12-14T02:00:00Z'))).toBe(5)
  })

  test('a short notice needs its reason; a long one does not', () => {
    const now = new Date('2026-12-07T02:00:00Z')
    const short = validateWindow(w({ announcedAt: now.toISOString(), startsAt: '2026-12-09T15:00:00Z', endsAt: '2026-12-09T16:00:00Z' }), calendar, { now, noticeDays: 5, isNew: true })
    expect(short.map((i) => i.field)).toEqual(['shortNoticeReason'])
    const withReason = validateWindow(w({ announcedAt: now.toISOString(), startsAt: '2026-12-09T15:00:00Z', endsAt: '2026-12-09T16:00:00Z', shortNoticeReason: 'Vá lỗi khẩn' }), calendar, { now, noticeDays: 5, isNew: true })
    expect(withReason).toEqual([])
    const long = validateWindow(w({ announcedAt: now.toISOString(), startsAt: '2026-12-15T15:00:00Z', endsAt: '2026-12-15T16:00:00Z' }), calendar, { now, noticeDays: 5, isNew: true })
    expect(long).toEqual([])
  })

  test('times: the end after the start, at most 72 hours, not announced after it started', () => {
    const now = new Date('2026-12-07T02:00:00Z')
    const fields = (over: Partial<MaintenanceWindow>) => validateWindow(w({ announcedAt: now.toISOString(), shortNoticeReason: 'x', ...over }), calendar, { now, noticeDays: 5, isNew: true }).map((i) => i.field)
    expect(fields({ startsAt: '2026-12-20T15:00:00Z', endsAt: '2026-12-20T15:00:00Z' })).toEqual(['endsAt'])
    expect(fields({ startsAt: '2026-12-20T15:00:00Z', endsAt: '2026-12-24T15:00:00Z' })).toEqual(['endsAt'])
    expect(fields({ startsAt: '2026-12-06T15:00:00Z', endsAt: '2026-12-07T15:00:00Z' })).toEqual(['startsAt'])
    expect(fields({ startsAt: 'không phải ngày', endsAt: '2026-12-07T15:00:00Z' })).toContain('startsAt')
  })
})

describe('state, refusals and messages', () => {
  const ro = w({ id: 1, startsAt: '2026-12-07T00:00:00Z', endsAt: '2026-12-07T04:00:00Z' })
  const stop = w({ id: 2, kind: 'full-stop', startsAt: '2026-12-07T01:00:00Z', endsAt: '2026-12-07T02:00:00Z' })
  const later = w({ id: 3, startsAt: '2026-12-20T00:00:00Z', endsAt: '2026-12-20T01:00:00Z' })

  test('a full stop wins over a read-only window; the next one is the earliest ahead; an early end counts', () => {
    expect(maintenanceState([later, ro, stop], new Date('2026-12-07T01:30:00Z'))).toEqual({ active: true, current: stop, next: later })
    expect(maintenanceState([later, ro, stop], new Date('2026-12-07T03:00:00Z')).current).toBe(ro)
    expect(maintenanceState([{ ...ro, endedAt: '2026-12-07T00:30:00Z' }], new Date('2026-12-07T03:00:00Z'))).toEqual({ active: false, current: null, next: null })
  })

  test('Retry-After runs to the end of the window, between 1 s and an hour', () => {
    expect(retryAfterSeconds(ro, new Date('2026-12-07T03:59:30Z'))).toBe(30)
    expect(retryAfterSeconds(ro, new Date('2026-12-07T00:00:00Z'))).toBe(3600)
  })

  test('which requests a read-only window refuses, and what a full stop serves', () => {
    expect(isRefusedDuringReadOnly('PATCH', '/api/staff/1')).toBe(true)
    expect(isRefusedDuringReadOnly('POST', '/api/change-requests')).toBe(true)
    expect(isRefusedDuringReadOnly('GET', '/api/staff/1/2c.pdf')).toBe(false)
    expect(isRefusedDuringReadOnly('POST', '/api/accounts/login')).toBe(false)
    expect(isRefusedDuringReadOnly('POST', '/api/signed-exports/verify')).toBe(false)
    expect(isRefusedDuringReadOnly('POST', '/admin/collections/staff')).toBe(false)
    expect(isRefusedDuringReadOnly('POST', '/api/maintenance-windows/3/end')).toBe(false)
    expect(isRefusedDuringReadOnly('POST', '/api/maintenance-windowsx')).toBe(true)
    expect(servedDuringFullStop('/api/status')).toBe(true)
    expect(servedDuringFullStop('/api/staff')).toBe(false)
  })

  test('the refusal names the end in Việt Nam time, in both languages', () => {
    expect(maintenanceMessage(ro).vi).toBe('Hệ thống đang bảo trì đến 07/12/2026 11:00 (giờ Việt Nam), chỉ cho phép xem dữ liệu; vui lòng cập nhật sau: Nâng cấp')
    expect(maintenanceMessage(stop).en).toBe('The system is stopped for maintenance until 07/12/2026 09:00 (Việt Nam time): Nâng cấp')
  })
})
