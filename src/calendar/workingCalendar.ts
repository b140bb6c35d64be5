/**
 * The working-day calendar for server code: the entries of `working-calendar` loaded from the database once and
 * kept (per Payload instance) for CALENDAR_CACHE_MS; a change through this instance drops the copy at once
 * (hooks/calendar), other instances see it within the cache time. Every caller then computes synchronously.
 *
 *   const calendar = await workingCalendar(payload)
 *   calendar.addWorkingDays('2026-02-12', 2) // '2026-02-23'
 */
import type { Payload, PayloadRequest } from 'payload'

import {
  calendarWarnings,
  civilDateInVietnam,
  createWorkingCalendar,
  type CalendarEntry,
  type CalendarWarning,
  type DecidedOccasion,
  type EntryKind,
  type WorkingCalendar,
} from '../domain/calendar'

export const CALENDAR_CACHE_MS = 5 * 60_000

const cache = new WeakMap<Payload, { loadedAt: number; calendar: Promise<WorkingCalendar> }>()

export type StoredEntry = CalendarEntry & { id: number }

/** Every entry, oldest date first (a few dozen rows a year). On the request's transaction when given one. */
export async function calendarEntries(payload: Payload, req?: PayloadRequest): Promise<StoredEntry[]> {
  const { docs } = await payload.find({
    collection: 'working-calendar',
    pagination: false,
    depth: 0,
    sort: 'date',
    overrideAccess: true,
    ...(req ? { req } : {}),
  })
  return docs.map((d) => ({
    id: d.id,
    date: d.date,
    kind: d.kind as EntryKind,
    occasion: (d.occasion ?? null) as DecidedOccasion | null,
    name: d.name ?? null,
    source: d.source ?? null,
  }))
}

export async function workingCalendar(payload: Payload, now: number = Date.now()): Promise<WorkingCalendar> {
  const cached = cache.get(payload)
  if (cached && now - cached.loadedAt < CALENDAR_CACHE_MS) return cached.calendar
  const calendar = calendarEntries(payload).then((entries) => createWorkingCalendar(entries))
  cache.set(payload, { loadedAt: now, calendar })
  // A failed load is not kept: the next caller tries again.
  calendar.catch(() => cache.delete(payload))
  return calendar
}

/** Drop the kept copy (after a change of the entries). */
export function forgetWorkingCalendar(payload: Payload): void {
  cache.delete(payload)
}

/** What ministry HR is told about missing decisions, for the day in Việt Nam at `now`. */
export async function workingCalendarWarnings(payload: Payload, now: Date = new Date()): Promise<CalendarWarning[]> {
  return calendarWarnings(await workingCalendar(payload, now.getTime()), civilDateInVietnam(now))
}
