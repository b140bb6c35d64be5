import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { workingCalendar } from '../../src/calendar/workingCalendar'
import { announceWindow } from '../../src/maintenance/announce'
import { forgetMaintenanceWindows, noticeDays } from '../../src/maintenance/windows'
import { isAnnounced, validateWindow, type MaintenanceWindow } from '../../src/domain/maintenance'
import { throwIssues } from '../validationError'

/**
 * A window as the system administrator schedules or changes it: announced now (the record's creation), its notice
 * and times checked (src/domain/maintenance.ts). A short notice keeps its reason; approval is ministry HR's
 * endpoint, never a field anyone sets.
 */
export const checkWindow: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data } as MaintenanceWindow
  if (operation === 'create') {
    merged.announcedAt = new Date().toISOString()
    data.announcedAt = merged.announcedAt
  }
  const issues = validateWindow(merged, await workingCalendar(req.payload), { now: new Date(), noticeDays: noticeDays(), isNew: operation === 'create' })
  if (issues.length) throwIssues('maintenance-windows', issues, req)
  return data
}

/** Every instance sees the change within its cache time; this one at once. A window announced now is e-mailed. */
export const afterWindowChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  forgetMaintenanceWindows(req.payload)
  const calendar = await workingCalendar(req.payload)
  const now = isAnnounced(calendar, doc as MaintenanceWindow, noticeDays())
  const before = operation === 'update' && previousDoc ? isAnnounced(calendar, previousDoc as MaintenanceWindow, noticeDays()) : false
  if (now && !before) {
    void announceWindow(req.payload, doc as MaintenanceWindow).catch((err) => req.payload.logger.error({ msg: 'maintenance announcement failed', err: (err as Error).message }))
  }
  return doc
}
