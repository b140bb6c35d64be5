/**
 * The NĐ 27/2026 deadlines of a unit's records, for its HR officers (`GET /api/national-sync/deadlines`): records
 * created within 3 days of the recruiting decision, first declarations within 03 working days of the record and the
 * account, declarations approved within 03 working days of their submission — each due, overdue, met or missed on
 * the working-day calendar ministry HR keeps (src/domain/recordDeadlines.ts). Only steps from the decree's entry into
 * force (01/07/2026) count. Reading the names is an audited read.
 */
import type { PayloadRequest } from 'payload'

import { actorOf } from '../accounts/actor'
import { recordAuditEvent } from '../audit/record'
import { workingCalendar } from '../calendar/workingCalendar'
import { poolOf } from '../db/pool'
import { refuse } from '../domain/errors'
import {
  approvalDue,
  DEADLINE_LABELS,
  deadlineState,
  firstDeclarationDue,
  recordCreationDue,
  vietnamDay,
  workingDaysLeft,
  type DeadlineKind,
  type DeadlineState,
} from '../domain/recordDeadlines'
import { subtreePattern } from '../domain/unitTree'

/** NĐ 27/2026/NĐ-CP in force (reports-and-rules.md §C.1): steps before it are not judged by its deadlines. */
export const DEADLINES_FROM = '2026-07-01'

/** Decisions that bring a person into the agency, and so create their record (Điều 18). */
const CREATING_DECISIONS = ['recruitment', 'reception'] as const

const STATES = ['due', 'overdue', 'met', 'missed', 'open', 'all'] as const
type StateFilter = (typeof STATES)[number]

export interface DeadlineItem {
  kind: DeadlineKind
  label: { vi: string; en: string }
  staffId: number
  fullName: string
  unitId: number | null
  unitName: string | null
  start: string
  due: string
  done: string | null
  state: DeadlineState
  workingDaysLeft: number
}

const day = (v: unknown): string => vietnamDay(new Date(v as string))

export async function deadlineList(req: PayloadRequest, now = new Date()) {
  const actor = actorOf(req)
  const roles = actor?.roles ?? []
  let root: number | null
  if (roles.includes('ministry-hr')) root = null
  else if (roles.includes('unit-hr') && actor?.unitId != null) root = actor.unitId
  else refuse('forbidden', 'role', 'Chỉ cán bộ tổ chức xem được thời hạn cập nhật hồ sơ.', 'Only HR officers may see the record deadlines.')
  const rawState = req.searchParams.get('state') ?? 'open'
  if (!(STATES as readonly string[]).includes(rawState)) {
    refuse('invalid', 'state', 'state phải là due, overdue, met, missed, open hoặc all.', 'state must be due, overdue, met, missed, open or all.')
  }
  const filter = rawState as StateFilter
  const like = root == null ? '%' : subtreePattern(root)
  const pool = poolOf(req.payload)
  const calendar = await workingCalendar(req.payload)
  const today = vietnamDay(now)
  const person = `s.id AS staff_id, s.full_name, s.unit_id, u.name AS unit_name`
  const [created, declared, approvals] = await Promise.all([
    pool.query(
      `SELECT ${person}, d.signed_date, s.created_at AS done_at FROM decisions d JOIN staff s ON s.id = d.staff_id LEFT JOIN units u ON u.id = s.unit_id
        WHERE d.kind = ANY($2::enum_decisions_kind[]) AND d.state <> 'revoked' AND d.signed_date >= $3::date AND s.unit_path LIKE $1`,
      [like, CREATING_DECISIONS, DEADLINES_FROM],
    ),
    pool.query(
      `SELECT ${person}, s.created_at AS record_at, min(a.created_at) AS account_at,
              (SELECT min(cr.submitted_at) FROM change_requests cr WHERE cr.staff_id = s.id) AS done_at
         FROM staff s JOIN accounts a ON a.staff_id = s.id LEFT JOIN units u ON u.id = s.unit_id
        WHERE s.unit_path LIKE $1 AND s.employment_status = 'active' AND greatest(s.created_at, a.created_at) >= $2::date
        GROUP BY s.id, u.name`,
      [like, DEADLINES_FROM],
    ),
    pool.query(
      `SELECT ${person}, cr.submitted_at, CASE WHEN cr.status IN ('approved', 'returned') THEN cr.decided_at END AS done_at
         FROM change_requests cr JOIN staff s ON s.id = cr.staff_id LEFT JOIN units u ON u.id = s.unit_id
        WHERE cr.submitted_at IS NOT NULL AND cr.status <> 'withdrawn' AND cr.submitted_at >= $2::date AND s.unit_path LIKE $1`,
      [like, DEADLINES_FROM],
    ),
  ])
  const items: DeadlineItem[] = []
  const push = (kind: DeadlineKind, r: Record<string, unknown>, start: string, due: string) => {
    const done = r.done_at ? day(r.done_at) : null
    items.push({
      kind,
      label: DEADLINE_LABELS[kind],
      staffId: r.staff_id as number,
      fullName: r.full_name as string,
      unitId: (r.unit_id as number | null) ?? null,
      unitName: (r.unit_name as string | null) ?? null,
      start,
      due,
      done,
      state: deadlineState(due, done, today),
      workingDaysLeft: done ? 0 : workingDaysLeft(calendar, due, today),
    })
  }
  for (const r of created.rows) push('record-creation', r, day(r.signed_date), recordCreationDue(calendar, day(r.signed_date)))
  for (const r of declared.rows) {
    const start = [day(r.record_at), day(r.account_at)].sort().at(-1)!
    push('first-declaration', r, start, firstDeclarationDue(calendar, day(r.record_at), day(r.account_at)))
  }
  for (const r of approvals.rows) push('approval', r, day(r.submitted_at), approvalDue(calendar, day(r.submitted_at)))

  const wanted = (s: DeadlineState) => filter === 'all' || s === filter || (filter === 'open' && (s === 'due' || s === 'overdue'))
  const shown = items.filter((i) => wanted(i.state)).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.staffId - b.staffId))
  const units = new Map<string, { unitId: number | null; unitName: string | null; due: number; overdue: number; met: number; missed: number }>()
  for (const i of items) {
    const key = String(i.unitId)
    const u = units.get(key) ?? units.set(key, { unitId: i.unitId, unitName: i.unitName, due: 0, overdue: 0, met: 0, missed: 0 }).get(key)!
    u[i.state]++
  }
  if (shown.length) await recordAuditEvent(req, { operation: 'read', collection: 'national-sync-deadlines', subjects: [...new Set(shown.map((i) => i.staffId))] })
  return { today, items: shown, units: [...units.values()].sort((a, b) => b.overdue - a.overdue || (a.unitName ?? '').localeCompare(b.unitName ?? '', 'vi')) }
}
