import type { Payload } from 'payload'

import { DEFAULT_REMINDER_SETTINGS, hrDigest, personDigest, type UnitAggregate } from '../domain/reminders'
import { hrReminderEmail, personReminderEmail, type RenderedEmail } from '../mail/reminderEmail'
import { baseUrl } from './run'

export const PREVIEW_TEMPLATES = ['person-digest', 'hr-digest', 'manual'] as const

/** A template rendered with made-up data (no real person's record), for HR and administrators to check. */
export function previewEmail(template: (typeof PREVIEW_TEMPLATES)[number], payload: Payload, now = new Date()): RenderedEmail {
  const link = `${baseUrl(payload)}/ho-so-cua-toi`
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000)
  if (template === 'hr-digest') {
    const unit = (unitId: number, name: string, depth: number, staff: number, complete: number, stale: number, pending: number): UnitAggregate => ({
      unitId, name, depth, staff, complete, incomplete: staff - complete, stale, pending, pendingOverdue: Math.floor(pending / 2), returned: 1, oldestPendingAt: pending ? daysAgo(12) : null, missingItems: staff - complete,
    })
    const root = unit(1, 'Vụ Mẫu (ví dụ)', 1, 120, 84, 30, 6)
    const units = [root, unit(2, 'Phòng Một (ví dụ)', 2, 70, 40, 22, 4), unit(3, 'Phòng Hai (ví dụ)', 2, 50, 44, 8, 2)]
    return hrReminderEmail(hrDigest({ fullName: 'Trần Thị Mẫu', root, units, dashboardUrl: `${baseUrl(payload)}/admin#cap-nhat-ho-so` }, now)!)
  }
  const digest = personDigest(
    {
      staffId: 0,
      fullName: 'Nguyễn Văn Mẫu',
      missing: ['religion', 'socialInsuranceNumber', 'photo', 'familyMembers'],
      lastConfirmedAt: daysAgo(400),
      createdAt: daysAgo(900),
      requestStatus: 'returned',
      decidedAt: daysAgo(10),
      returnReason: 'Ngày cấp CCCD chưa khớp với bản sao đã nộp.',
    },
    DEFAULT_REMINDER_SETTINGS,
    now,
    link,
  )!
  return personReminderEmail(digest, { manual: template === 'manual' })
}
