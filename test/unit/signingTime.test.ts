import { formatVietnamTime } from '../../src/domain/signing/time'

describe('formatVietnamTime (ISO 8601, Vietnam time, NĐ 30/2020 Phụ lục I)', () => {
  it('shows a UTC instant as +07:00 wall-clock time', () => {
    expect(formatVietnamTime(new Date('2026-11-25T07:30:15Z'))).toBe('2026-11-25T14:30:15+07:00')
  })

  it('moves to the next day after 17:00 UTC, and across the year end', () => {
    expect(formatVietnamTime(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01T00:00:00+07:00')
    expect(formatVietnamTime(new Date('2024-02-28T18:59:59Z'))).toBe('2024-02-29T01:59:59+07:00')
  })

  it('drops milliseconds instead of rounding up', () => {
    expect(formatVietnamTime(new Date('2026-11-25T07:30:15.999Z'))).toBe('2026-11-25T14:30:15+07:00')
  })

  it('refuses an invalid date', () => {
    expect(() => formatVietnamTime(new Date('x'))).toThrow(RangeError)
  })
})
