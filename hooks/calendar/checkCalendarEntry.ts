import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { calendarEntries, forgetWorkingCalendar } from '../../src/calendar/workingCalendar'
import { entriesConsistency, parseCivilDate, validateCalendarEntry, yearOf, type CalendarEntry } from '../../src/domain/calendar'
import { throwIssues } from '../validationError'

const strip = ({ id: _id, ...e }: CalendarEntry & { id: number }): CalendarEntry => e

/**
 * The domain's checks on an entry against the stored ones (src/domain/calendar/entries.ts); the date is kept as
 * 'YYYY-MM-DD' whatever was typed (dd/mm/yyyy accepted), with its year for the per-year views.
 */
export const checkCalendarEntry: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
  const stored = await calendarEntries(req.payload, req)
  const others = stored.filter((e) => e.id !== originalDoc?.id).map(strip)
  const issues = validateCalendarEntry(merged, others)
  if (issues.length) throwIssues('working-calendar', issues, req)
  const date = parseCivilDate(merged.date)!
  const entry: CalendarEntry = {
    date,
    kind: merged.kind as CalendarEntry['kind'],
    occasion: merged.kind === 'holiday' ? (merged.occasion as CalendarEntry['occasion']) : null,
    name: (merged.name as string | null | undefined) ?? null,
    source: merged.source as string,
  }
  const consistency = entriesConsistency([...others, entry])
  if (consistency.length) throwIssues('working-calendar', consistency, req)
  return { ...data, date, year: yearOf(date), occasion: entry.occasion }
}

/** Deleting an entry must leave the others valid (a make-up day without the swap it belonged to is allowed). */
export const checkCalendarDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const rest = (await calendarEntries(req.payload, req)).filter((e) => e.id !== Number(id)).map(strip)
  const consistency = entriesConsistency(rest)
  if (consistency.length) throwIssues('working-calendar', consistency, req)
}

export const refreshAfterChange: CollectionAfterChangeHook = ({ doc, req }) => {
  forgetWorkingCalendar(req.payload)
  return doc
}

export const refreshAfterDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  forgetWorkingCalendar(req.payload)
  return doc
}
