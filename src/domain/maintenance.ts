/**
 * Announced maintenance (QĐ 832/QĐ-BNV: the database serves 24/24 "trừ thời gian tạm dừng để bảo dưỡng, nâng cấp
 * (có thông báo cụ thể)"). A window is announced at least N working days ahead (default 5, as the national public
 * services portal asks for planned maintenance); a shorter notice says why and waits for ministry HR's approval
 * before it is announced or enforced.
 *
 * Two kinds: `read-only` (every business write refused with 503 and Retry-After; reads, prints, verification,
 * sign-in keep working) and `full-stop` (only the liveness probe, the status route and a maintenance page answer).
 * Pure: the caller passes the working-day calendar and the clock.
 */
import { civilDateInVietnam } from './calendar/civilDate'
import { formatDateTimeInVietnam } from './dates'
import type { WorkingCalendar } from './calendar/workingCalendar'
import type { FieldIssue } from './errors'

export type MaintenanceKind = 'read-only' | 'full-stop'
export const MAINTENANCE_KINDS: readonly MaintenanceKind[] = ['read-only', 'full-stop']

export interface MaintenanceWindow {
  id: number | string
  kind: MaintenanceKind
  startsAt: string
  endsAt: string
  titleVi: string
  titleEn?: string | null
  reasonVi?: string | null
  reasonEn?: string | null
  /** When it was announced (the record's creation). */
  announcedAt: string
  shortNoticeReason?: string | null
  /** Ministry HR's approval of a short notice. */
  shortNoticeApprovedAt?: string | null
  /** Ended before its planned end (the work finished early). */
  endedAt?: string | null
  cancelledAt?: string | null
}

/** Working days of notice a planned window needs unless ministry HR approves a shorter one (HOSO_MAINTENANCE_NOTICE_DAYS). */
export const DEFAULT_NOTICE_WORKING_DAYS = 5

/** Working days between the announcement's day and the start's day, both as Việt Nam calendar days. */
export function noticeWorkingDays(calendar: WorkingCalendar, announcedAt: Date, startsAt: Date): number {
  return calendar.workingDaysBetween(civilDateInVietnam(announcedAt), civilDateInVietnam(startsAt))
}

export const isShortNotice = (calendar: WorkingCalendar, w: Pick<MaintenanceWindow, 'announcedAt' | 'startsAt'>, noticeDays: number): boolean =>
  noticeWorkingDays(calendar, new Date(w.announcedAt), new Date(w.startsAt)) < noticeDays

/** The checks of a window as it is scheduled or changed, each naming its field. */
export function validateWindow(
  w: Pick<MaintenanceWindow, 'kind' | 'startsAt' | 'endsAt' | 'titleVi' | 'announcedAt' | 'shortNoticeReason'>,
  calendar: WorkingCalendar,
  options: { now: Date; noticeDays: number; isNew: boolean },
): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!MAINTENANCE_KINDS.includes(w.kind)) issues.push({ field: 'kind', vi: 'Loại tạm dừng không hợp lệ', en: 'Unknown kind of window' })
  const start = Date.parse(w.startsAt)
  const end = Date.parse(w.endsAt)
  if (!Number.isFinite(start)) issues.push({ field: 'startsAt', vi: 'Thời điểm bắt đầu không hợp lệ', en: 'Invalid start' })
  if (!Number.isFinite(end)) issues.push({ field: 'endsAt', vi: 'Thời điểm kết thúc không hợp lệ', en: 'Invalid end' })
  if (Number.isFinite(start) && Number.isFinite(end) && end <= start) {
    issues.push({ field: 'endsAt', vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu', en: 'The end must be after the start' })
  }
  if (Number.isFinite(start) && Number.isFinite(end) && end - start > 72 * 3600_000) {
    issues.push({ field: 'endsAt', vi: 'Một lần tạm dừng kéo dài tối đa 72 giờ', en: 'A window lasts 72 hours at most' })
  }
  if (options.isNew && Number.isFinite(start) && start < options.now.getTime()) {
    issues.push({ field: 'startsAt', vi: 'Không thể thông báo một lần tạm dừng đã bắt đầu', en: 'A window cannot be announced after it has started' })
  }
  if (!String(w.titleVi ?? '').trim()) issues.push({ field: 'titleVi', vi: 'Cần nêu nội dung bảo trì', en: 'Say what the maintenance is' })
  if (Number.isFinite(start) && !issues.some((i) => i.field === 'startsAt') && isShortNotice(calendar, w, options.noticeDays) && !String(w.shortNoticeReason ?? '').trim()) {
    issues.push({
      field: 'shortNoticeReason',
      vi: `Thông báo trước ít hơn ${options.noticeDays} ngày làm việc: cần nêu lý do (và Vụ Tổ chức cán bộ phê duyệt)`,
      en: `Less than ${options.noticeDays} working days' notice: give the reason (ministry HR approves it)`,
    })
  }
  return issues
}

/** A window counts (is shown and enforced) once announced with enough notice, or when its short notice is approved. */
export const isAnnounced = (calendar: WorkingCalendar, w: MaintenanceWindow, noticeDays: number): boolean =>
  !w.cancelledAt && (!isShortNotice(calendar, w, noticeDays) || !!w.shortNoticeApprovedAt)

/** When the window really ends: its planned end, or earlier when it was ended early. */
export const effectiveEnd = (w: MaintenanceWindow): number => Math.min(Date.parse(w.endsAt), w.endedAt ? Date.parse(w.endedAt) : Infinity)

export const isActiveAt = (w: MaintenanceWindow, now: Date): boolean => Date.parse(w.startsAt) <= now.getTime() && now.getTime() < effectiveEnd(w)

export interface MaintenanceState {
  active: boolean
  current: MaintenanceWindow | null
  next: MaintenanceWindow | null
}

/** The window in force now (a full stop wins over a read-only one) and the next announced one. */
export function maintenanceState(announced: readonly MaintenanceWindow[], now: Date): MaintenanceState {
  const active = announced.filter((w) => isActiveAt(w, now)).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'full-stop' ? -1 : 1))
  const upcoming = announced.filter((w) => Date.parse(w.startsAt) > now.getTime()).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  return { active: active.length > 0, current: active[0] ?? null, next: upcoming[0] ?? null }
}

/** Seconds a refused client should wait: until the window ends, at least 1 s, at most an hour (it can retry then). */
export const retryAfterSeconds = (w: MaintenanceWindow, now: Date): number =>
  Math.max(1, Math.min(3600, Math.ceil((effectiveEnd(w) - now.getTime()) / 1000)))

/** Requests a read-only window still serves although they are not GET: signing in and out, the second factor, verification, the windows. */
const WRITES_ALLOWED_DURING_READ_ONLY = [
  /^\/api\/accounts\/(login|logout|refresh-token)$/,
  /^\/api\/accounts\/mfa\/verify$/,
  /^\/api\/signed-exports\/verify$/,
  // The windows themselves: extended, ended early or cancelled while in force.
  /^\/api\/maintenance-windows(\/|$)/,
  // GraphQL reads; its writes are refused where every write is (the collections' guard).
  /^\/api\/graphql$/,
]

/** Whether an HTTP request to the REST API is a business write a read-only window refuses. */
export function isRefusedDuringReadOnly(method: string, path: string): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return false
  if (!path.startsWith('/api/')) return false
  return !WRITES_ALLOWED_DURING_READ_ONLY.some((re) => re.test(path))
}

/** What a full stop still serves: liveness and readiness, the status route, and the build's static files for the page. */
export const servedDuringFullStop = (path: string): boolean =>
  path === '/healthz' || path === '/readyz' || path === '/api/status' || path.startsWith('/_next/static/')

/** Date and time in Việt Nam as dd/mm/yyyy HH:MM, for banners, e-mails and refusals. */
export const vietnamTime = (iso: string | Date): string => formatDateTimeInVietnam(iso).slice(0, 16)

/** The refusal of a write during a read-only window (and of everything during a full stop), naming the end time. */
export function maintenanceMessage(w: MaintenanceWindow): { vi: string; en: string } {
  const until = vietnamTime(new Date(effectiveEnd(w)))
  return w.kind === 'full-stop'
    ? { vi: `Hệ thống đang tạm dừng để bảo trì đến ${until} (giờ Việt Nam): ${w.titleVi}`, en: `The system is stopped for maintenance until ${until} (Việt Nam time): ${w.titleEn || w.titleVi}` }
    : {
        vi: `Hệ thống đang bảo trì đến ${until} (giờ Việt Nam), chỉ cho phép xem dữ liệu; vui lòng cập nhật sau: ${w.titleVi}`,
        en: `Maintenance until ${until} (Việt Nam time): read-only, please save your changes later: ${w.titleEn || w.titleVi}`,
      }
}
