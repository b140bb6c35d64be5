// Signing time as NĐ 30/2020 Phụ lục I shows it on an electronic document: ISO 8601 with the Vietnamese
// time zone ("giờ phút giây; múi giờ Việt Nam theo tiêu chuẩn ISO 8601"), e.g. 2026-11-25T14:30:15+07:00.

/** Việt Nam uses UTC+07:00 all year (Asia/Ho_Chi_Minh has no daylight saving time). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** A moment as ISO 8601 wall-clock time in Asia/Ho_Chi_Minh, to the second: "2026-11-25T14:30:15+07:00". */
export function formatVietnamTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('formatVietnamTime: invalid date')
  const v = new Date(date.getTime() + VIETNAM_OFFSET_MS)
  return (
    `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}` +
    `T${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}:${pad2(v.getUTCSeconds())}+07:00`
  )
}
