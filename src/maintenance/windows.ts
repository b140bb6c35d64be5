/**
 * Maintenance windows as the running app sees them: the announced windows (src/domain/maintenance.ts) read from
 * PostgreSQL and kept for a couple of seconds, so that every instance behind the proxy enforces the same window
 * within that time without a query per request. When the database cannot be read (a full stop for a restore)
 * the last known state is kept.
 */
import type { Payload } from 'payload'

import { workingCalendar } from '../calendar/workingCalendar'
import { poolOf } from '../db/pool'
import { logger } from '../db/logger'
import {
  DEFAULT_NOTICE_WORKING_DAYS,
  effectiveEnd,
  isAnnounced,
  maintenanceState,
  type MaintenanceKind,
  type MaintenanceState,
  type MaintenanceWindow,
} from '../domain/maintenance'

const log = logger.child({ component: 'maintenance' })

/** How long a read of the windows is kept (HOSO_MAINTENANCE_CACHE_MS; tests set it low). */
const cacheMs = () => {
  const v = Number(process.env.HOSO_MAINTENANCE_CACHE_MS)
  return Number.isFinite(v) && v >= 0 ? v : 2000
}

export function noticeDays(): number {
  const v = Number(process.env.HOSO_MAINTENANCE_NOTICE_DAYS)
  return Number.isInteger(v) && v >= 0 ? v : DEFAULT_NOTICE_WORKING_DAYS
}

interface Row {
  id: number
  kind: MaintenanceKind
  starts_at: Date
  ends_at: Date
  title_vi: string
  title_en: string | null
  reason_vi: string | null
  reason_en: string | null
  announced_at: Date
  short_notice_reason: string | null
  short_notice_approved_at: Date | null
  ended_at: Date | null
  cancelled_at: Date | null
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

const fromRow = (r: Row): MaintenanceWindow => ({
  id: r.id,
  kind: r.kind,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  titleVi: r.title_vi,
  titleEn: r.title_en,
  reasonVi: r.reason_vi,
  reasonEn: r.reason_en,
  announcedAt: r.announced_at.toISOString(),
  shortNoticeReason: r.short_notice_reason,
  shortNoticeApprovedAt: iso(r.short_notice_approved_at),
  endedAt: iso(r.ended_at),
  cancelledAt: iso(r.cancelled_at),
})

const cache = new WeakMap<Payload, { at: number; windows: Promise<MaintenanceWindow[]>; last: MaintenanceWindow[] }>()

/** The announced windows that have not ended yet (a handful of rows). */
async function loadAnnounced(payload: Payload): Promise<MaintenanceWindow[]> {
  const { rows } = await poolOf(payload).query<Row>(
    `SELECT id, kind, starts_at, ends_at, title_vi, title_en, reason_vi, reason_en, announced_at, short_notice_reason,
            short_notice_approved_at, ended_at, cancelled_at
       FROM maintenance_windows
      WHERE cancelled_at IS NULL AND ends_at > now() AND (ended_at IS NULL OR ended_at > now())
      ORDER BY starts_at`,
  )
  const calendar = await workingCalendar(payload)
  return rows.map(fromRow).filter((w) => isAnnounced(calendar, w, noticeDays()))
}

export async function announcedWindows(payload: Payload, now = Date.now()): Promise<MaintenanceWindow[]> {
  const kept = cache.get(payload)
  if (kept && now - kept.at < cacheMs()) return kept.windows
  const last = kept?.last ?? []
  const windows = loadAnnounced(payload).then(
    (w) => {
      const entry = cache.get(payload)
      if (entry) entry.last = w
      return w
    },
    (err) => {
      log.warn({ err: (err as Error).message }, 'maintenance windows could not be read; the last known ones hold')
      return last
    },
  )
  cache.set(payload, { at: now, windows, last })
  return windows
}

/** Forget the kept windows (after a window is scheduled, approved, ended or cancelled on this instance). */
export function forgetMaintenanceWindows(payload: Payload): void {
  cache.delete(payload)
}

export async function maintenanceNow(payload: Payload, now = new Date()): Promise<MaintenanceState> {
  return maintenanceState(await announcedWindows(payload, now.getTime()), now)
}

/**
 * Scheduled work that writes records waits for the end of a window: it runs now when no window is in force,
 * otherwise once the window has ended (checked again then, in case it was extended).
 */
export async function afterMaintenance(payload: Payload, name: string, work: () => Promise<unknown>): Promise<void> {
  const state = await maintenanceNow(payload)
  if (!state.current) {
    await work()
    return
  }
  const wait = Math.max(1000, effectiveEnd(state.current) - Date.now() + 1000)
  log.info({ job: name, window: state.current.id, waitMs: wait }, 'scheduled work waits for the end of the maintenance window')
  setTimeout(() => void afterMaintenance(payload, name, work).catch((err) => log.error({ err, job: name }, 'scheduled work failed after the window')), wait).unref()
}
