import type { Payload, TypedUser } from 'payload'

import { workingCalendarWarnings } from '../../calendar/workingCalendar'

type Props = { payload: Payload; user?: TypedUser | null; i18n?: { language?: string } }

/**
 * For ministry HR (who enter the yearly decisions), on the dashboard and above the holiday calendar: the year
 * whose Tết or 2/9 days are still provisional, and from October a next year with nothing entered.
 */
export async function CalendarNotice({ payload, user, i18n }: Props) {
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  if (!roles.includes('ministry-hr')) return null
  const warnings = await workingCalendarWarnings(payload)
  if (!warnings.length) return null
  const en = i18n?.language === 'en'
  return (
    <section className="hoso-calendar-notice" data-testid="calendar-notice" role="status">
      {warnings.map((w) => (
        <p key={`${w.year}-${w.vi}`}>
          ⚠ {en ? w.en : w.vi}{' '}
          <a href={`/admin/collections/working-calendar?where[year][equals]=${w.year}`}>{en ? 'Holiday calendar' : 'Lịch nghỉ lễ, Tết'}</a>
        </p>
      ))}
    </section>
  )
}
