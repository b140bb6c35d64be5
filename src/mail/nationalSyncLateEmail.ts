import { formatDateTimeInVietnam } from '../domain/dates'
import { formatDuration } from '../domain/nationalSync'

export interface LateSummary {
  /** Entries past the 1-day limit not yet acknowledged, and how many of them were refused for good. */
  unacknowledged: number
  failed: number
  /** Acknowledged, but later than the limit. */
  acknowledgedLate: number
  oldestCompletedAt: Date
  longestDelayMs: number
  lastError: string | null
}

/** To ministry HR and the administrators when entries miss the 1-day rule (NĐ 27/2026). No identifier in it. */
export function nationalSyncLateEmail(s: LateSummary) {
  const longest = formatDuration(s.longestDelayMs)
  const subject = '[hoso] Đồng bộ CSDL quốc gia quá hạn 1 ngày / National database sync over the 1-day limit'
  const text = [
    'Có dữ liệu hồ sơ chưa được đồng bộ lên Cơ sở dữ liệu quốc gia về CBCCVC trong thời hạn 1 ngày kể từ khi hoàn thành nghiệp vụ (Nghị định 27/2026/NĐ-CP):',
    `- chưa được xác nhận: ${s.unacknowledged} (trong đó bị từ chối hoặc hết số lần thử: ${s.failed})`,
    `- được xác nhận nhưng quá hạn: ${s.acknowledgedLate}`,
    `- nghiệp vụ hoàn thành sớm nhất lúc ${formatDateTimeInVietnam(s.oldestCompletedAt)}; chậm nhất ${longest.vi}`,
    ...(s.lastError ? [`- lỗi gần nhất: ${s.lastError}`] : []),
    'Xem danh sách: GET /api/national-sync/outbox?status=pending (hoặc failed); gửi lại: npm run national-sync:send.',
    '',
    '---',
    'Record data has not reached the national CBCCVC database within 1 day of the business step (Decree 27/2026/ND-CP):',
    `- not acknowledged: ${s.unacknowledged} (refused or out of attempts: ${s.failed})`,
    `- acknowledged late: ${s.acknowledgedLate}`,
    `- oldest business step completed ${s.oldestCompletedAt.toISOString()}; longest delay ${longest.en}`,
    ...(s.lastError ? [`- last error: ${s.lastError}`] : []),
    'List: GET /api/national-sync/outbox?status=pending (or failed); send again: npm run national-sync:send.',
  ].join('\n')
  return { subject, text }
}
