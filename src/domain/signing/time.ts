// Signing times as NĐ 30/2020/NĐ-CP Phụ lục I asks them to be shown: "giờ phút giây; múi giờ Việt Nam
// theo tiêu chuẩn ISO 8601", e.g. 2025-03-05T14:30:15+07:00 — not the dd/mm/yyyy of src/domain/dates.ts.

/** Việt Nam uses UTC+07:00 all year (no daylight saving time). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

const pad2 = (n: number) => String(n).padStart(2, '0')

/** '2026-11-25T14:30:15+07:00' (Asia/Ho_Chi_Minh, whole seconds); throws on an invalid date. */
export function formatVietnamTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('formatVietnamTime: invalid date')
  const v = new Date(date.getTime() + VIETNAM_OFFSET_MS)
  return (
    `${String(v.getUTCFullYear()).padStart(4, '0')}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}` +
    `T${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}:${pad2(v.getUTCSeconds())}+07:00`
  )
}
