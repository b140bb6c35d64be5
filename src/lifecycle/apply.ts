/**
 * Applying a decision to the record on its effective date, and undoing it when the decision is revoked.
 *
 * Exactly once: the decision row moves from `approved` to `applied` in one conditional UPDATE on the caller's
 * transaction; a second instance (or a second run) finds it applied and does nothing. What applying changed
 * (values before, history rows written or closed, accounts disabled) is kept on the decision, so revoking it
 * restores the state before, step by step, each step audited.
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { recordAuditEvent } from '../audit/record'
import { transactionDb } from '../db/pool'
import { toDate, todayInVietnam } from '../domain/dates'
import { refuse } from '../domain/errors'
import { DECISION_EFFECTS, hasLeft, statusAt, type DecisionFacts, type DecisionKind } from '../domain/lifecycle'
import { relationId } from '../domain/relationId'
import { changesOf } from './enter'

/** Context flag: the write is a decision taking effect (or being undone), allowed on an archived record. */
export const LIFECYCLE_CONTEXT = 'lifecycleDecision'

type Doc = Record<string, unknown> & { id: number }
type Item = 'unit' | 'position' | 'rank' | 'salary'

export interface AppliedEffects {
  /** Staff fields as they were before, for the items this decision set. */
  previous: Record<string, unknown>
  workRowsCreated: number[]
  workRowsClosed: Array<{ id: number; toMonth: string | null }>
  salaryRowsCreated: number[]
  salaryRowsClosed: Array<{ id: number; endDate: string | null }>
  accountsDisabled: number[]
}

const ITEM_FIELDS: Record<Item, string[]> = {
  unit: ['unit'],
  position: ['position'],
  rank: ['rank', 'rankAppointedDate'],
  salary: ['salaryStep', 'salaryCoefficient', 'salaryStepDate'],
}

const iso = (v: unknown) => toDate(v as string)?.toISOString() ?? null
const time = (v: unknown) => toDate(v as string)?.getTime() ?? 0

/** The record items a decision changes: those its kind allows and it gives a value for. */
function itemsOf(d: Doc): Item[] {
  const e = DECISION_EFFECTS[d.kind as DecisionKind]
  const c = changesOf(d)
  const items: Item[] = []
  if (e.unit && c.unitId != null) items.push('unit')
  if (e.position && c.position) items.push('position')
  if (e.rank && c.rankId != null) items.push('rank')
  if (e.salary && c.salaryStep != null && c.salaryCoefficient != null) items.push('salary')
  return items
}

const facts = (d: Doc): DecisionFacts => ({ id: d.id, kind: d.kind as DecisionKind, state: d.state as DecisionFacts['state'], effectiveDate: d.effectiveDate as string, signedDate: d.signedDate as string, changes: changesOf(d) })

async function decisionsOf(req: PayloadRequest, staffId: number): Promise<Doc[]> {
  const found = await req.payload.find({ collection: 'decisions', where: { and: [{ staff: { equals: staffId } }, { state: { equals: 'applied' } }] }, depth: 0, pagination: false, req, overrideAccess: true })
  return found.docs as unknown as Doc[]
}

/** The employment status fields the applied decisions give today. */
function statusFields(applied: Doc[], now: Date) {
  const s = statusAt(applied.map(facts), todayInVietnam(now))
  return { employmentStatus: s.status, employmentStatusSince: s.since?.toISOString() ?? null, leftToAgency: s.toAgency }
}

async function updateStaff(req: PayloadRequest, id: number, data: Record<string, unknown>, decisionId: number) {
  await req.payload.update({ collection: 'staff', id, data, depth: 0, req, overrideAccess: true, context: { [LIFECYCLE_CONTEXT]: decisionId } })
}

/**
 * Applies decision `id` if it is approved and its effective date has come (00:00 Việt Nam time); returns whether
 * this call applied it. History rows carry the decision's true effective date, also for a decision entered late.
 * Must run on a transaction of `req` (inTransaction) so the claim, the record and the rows commit together.
 */
export async function applyDecision(req: PayloadRequest, id: number, now: Date, by: 'entry' | 'schedule'): Promise<boolean> {
  const db = await transactionDb(req.payload, req)
  const claimed = await db.execute(sql`
    UPDATE decisions SET state = 'applied', applied_at = ${now.toISOString()}::timestamptz, updated_at = now()
     WHERE id = ${id} AND state = 'approved' AND effective_date <= ${todayInVietnam(now).toISOString()}::timestamptz
    RETURNING id`)
  if (!claimed.rows.length) return false
  const decision = (await req.payload.findByID({ collection: 'decisions', id, depth: 0, req, overrideAccess: true })) as unknown as Doc
  const staffId = relationId(decision.staff)!
  const staff = (await req.payload.findByID({ collection: 'staff', id: staffId, depth: 0, joins: false, req, overrideAccess: true })) as unknown as Doc
  const applied = await decisionsOf(req, staffId)
  const effective = time(decision.effectiveDate)
  const c = changesOf(decision)
  const items = itemsOf(decision)
  const effects: AppliedEffects = { previous: {}, workRowsCreated: [], workRowsClosed: [], salaryRowsCreated: [], salaryRowsClosed: [], accountsDisabled: [] }

  // Current values follow the latest decision in effect: a late decision older than one already applied to the
  // same item writes its history rows but leaves the current value to the newer one.
  const newer = (item: Item) => applied.some((d) => d.id !== id && time(d.effectiveDate) > effective && itemsOf(d).includes(item))
  const values: Record<Item, Record<string, unknown>> = {
    unit: { unit: c.unitId },
    position: { position: c.position },
    rank: { rank: c.rankId, rankAppointedDate: iso(decision.effectiveDate) },
    salary: { salaryStep: c.salaryStep, salaryCoefficient: c.salaryCoefficient, salaryStepDate: iso(decision.effectiveDate) },
  }
  const data: Record<string, unknown> = {}
  for (const item of items.filter((i) => !newer(i))) {
    for (const f of ITEM_FIELDS[item]) effects.previous[f] = f === 'unit' || f === 'rank' ? relationId(staff[f]) : (staff[f] ?? null)
    Object.assign(data, values[item])
  }
  const status = statusFields(applied, now)
  if (status.employmentStatus !== staff.employmentStatus || status.employmentStatusSince !== iso(staff.employmentStatusSince)) Object.assign(data, status)
  if (Object.keys(data).length) await updateStaff(req, staffId, data, id)

  const leaving = hasLeft(DECISION_EFFECTS[decision.kind as DecisionKind].status)
  if (items.includes('unit') || items.includes('position') || leaving) await writeWorkHistory(req, decision, staff, c, leaving, effects)
  if (items.includes('salary')) await writeSalaryHistory(req, decision, staff, c, effects)
  if (hasLeft(status.employmentStatus)) effects.accountsDisabled = await closeAccounts(req, staffId, id)

  await db.execute(sql`UPDATE decisions SET applied = ${JSON.stringify(effects)}::jsonb WHERE id = ${id}`)
  await recordAuditEvent(req, {
    operation: 'update',
    collection: 'decisions',
    recordIds: [id],
    subjects: [staffId],
    detail: { action: 'apply', kind: decision.kind, number: decision.number, effectiveDate: iso(decision.effectiveDate), by, items, status: status.employmentStatus },
  })
  return true
}

async function writeWorkHistory(req: PayloadRequest, decision: Doc, staff: Doc, c: ReturnType<typeof changesOf>, leaving: boolean, effects: AppliedEffects) {
  const staffId = staff.id
  const rows = (await req.payload.find({ collection: 'work-history', where: { staff: { equals: staffId } }, depth: 0, pagination: false, req, overrideAccess: true })).docs as unknown as Doc[]
  const effective = time(decision.effectiveDate)
  const context = { [LIFECYCLE_CONTEXT]: decision.id }
  for (const row of rows.filter((r) => r.toMonth == null && time(r.fromMonth) < effective)) {
    effects.workRowsClosed.push({ id: row.id, toMonth: null })
    await req.payload.update({ collection: 'work-history', id: row.id, data: { toMonth: iso(decision.effectiveDate) }, depth: 0, req, overrideAccess: true, context })
  }
  if (leaving) return
  const unitId = c.unitId ?? relationId(staff.unit)
  const unit = unitId == null ? null : await req.payload.findByID({ collection: 'units', id: unitId, depth: 0, req, overrideAccess: true, disableErrors: true })
  // A row entered late ends where the next one begins.
  const next = rows.map((r) => time(r.fromMonth)).filter((t) => t > effective).sort((a, b) => a - b)[0]
  const row = await req.payload.create({
    collection: 'work-history',
    data: {
      staff: staffId,
      fromMonth: iso(decision.effectiveDate)!,
      toMonth: next ? new Date(next).toISOString() : null,
      position: c.position ?? (staff.position as string | null) ?? null,
      organisation: String(unit?.name ?? '—'),
      decisionNumber: decision.number as string,
      decisionDate: iso(decision.signedDate),
    },
    depth: 0,
    req,
    overrideAccess: true,
    context,
  })
  effects.workRowsCreated.push(Number(row.id))
}

async function writeSalaryHistory(req: PayloadRequest, decision: Doc, staff: Doc, c: ReturnType<typeof changesOf>, effects: AppliedEffects) {
  const rankId = c.rankId ?? relationId(staff.rank)
  const rank = rankId == null ? null : await req.payload.findByID({ collection: 'ranks', id: rankId, depth: 0, req, overrideAccess: true, disableErrors: true })
  // Salary history names the rank by code (2C item 31); without a rank the current values carry the change alone.
  if (!rank) return
  const rows = (await req.payload.find({ collection: 'salary-history', where: { staff: { equals: staff.id } }, depth: 0, pagination: false, req, overrideAccess: true })).docs as unknown as Doc[]
  const effective = time(decision.effectiveDate)
  const context = { [LIFECYCLE_CONTEXT]: decision.id }
  const dayBefore = new Date(effective - 86_400_000).toISOString()
  for (const row of rows.filter((r) => r.endDate == null && time(r.effectiveDate) < effective)) {
    effects.salaryRowsClosed.push({ id: row.id, endDate: null })
    await req.payload.update({ collection: 'salary-history', id: row.id, data: { endDate: dayBefore }, depth: 0, req, overrideAccess: true, context })
  }
  const row = await req.payload.create({
    collection: 'salary-history',
    data: { staff: staff.id, effectiveDate: iso(decision.effectiveDate)!, rankCode: String(rank.code), step: c.salaryStep!, coefficient: c.salaryCoefficient!, decisionNumber: decision.number as string },
    depth: 0,
    req,
    overrideAccess: true,
    context,
  })
  effects.salaryRowsCreated.push(Number(row.id))
}

/**
 * The person has left: their account is disabled and its sessions end at once (a token already issued finds no
 * session; actorOf also ignores a disabled account). Reminders skip disabled accounts (src/reminders/queries.ts).
 */
async function closeAccounts(req: PayloadRequest, staffId: number, decisionId: number): Promise<number[]> {
  const db = await transactionDb(req.payload, req)
  const { rows } = await db.execute(sql`UPDATE accounts SET disabled = true, updated_at = now() WHERE staff_id = ${staffId} AND NOT coalesce(disabled, false) RETURNING id`)
  const ids = rows.map((r) => Number(r.id))
  if (!ids.length) return ids
  await db.execute(sql`DELETE FROM accounts_sessions WHERE _parent_id = ANY(string_to_array(${ids.join(',')}, ',')::int[])`)
  await recordAuditEvent(req, { operation: 'update', collection: 'accounts', recordIds: ids, subjects: [staffId], detail: { action: 'disable', reason: 'left', decision: decisionId } })
  return ids
}

/**
 * Undoes an applied decision (its revocation): refused while a later applied decision changed the same items —
 * revoke that one first; otherwise the values before come back, the rows it wrote go and the rows it closed
 * reopen, the status follows the decisions left, and accounts it disabled open again if the person works here.
 */
export async function unapplyDecision(req: PayloadRequest, decision: Doc, now: Date): Promise<void> {
  const staffId = relationId(decision.staff)!
  const effects = (decision.applied ?? null) as AppliedEffects | null
  const others = (await decisionsOf(req, staffId)).filter((d) => d.id !== decision.id)
  const mine = [...itemsOf(decision), ...(DECISION_EFFECTS[decision.kind as DecisionKind].status ? ['status'] : [])]
  const touches = (d: Doc) => [...itemsOf(d), ...(DECISION_EFFECTS[d.kind as DecisionKind].status ? ['status'] : [])].some((i) => mine.includes(i))
  const later = others.find((d) => time(d.effectiveDate) > time(decision.effectiveDate) && touches(d))
  if (later) {
    refuse('conflict', 'state', `Quyết định số ${String(later.number)} có hiệu lực sau và thay đổi cùng nội dung; cần hủy bỏ quyết định đó trước`, `Decision ${String(later.number)} takes effect later and changes the same items; revoke it first`)
  }
  const context = { [LIFECYCLE_CONTEXT]: decision.id }
  const status = statusFields(others, now)
  await updateStaff(req, staffId, { ...(effects?.previous ?? {}), ...status }, decision.id)
  for (const id of effects?.workRowsCreated ?? []) await req.payload.delete({ collection: 'work-history', id, req, overrideAccess: true, context })
  for (const r of effects?.workRowsClosed ?? []) await req.payload.update({ collection: 'work-history', id: r.id, data: { toMonth: r.toMonth }, req, overrideAccess: true, context })
  for (const id of effects?.salaryRowsCreated ?? []) await req.payload.delete({ collection: 'salary-history', id, req, overrideAccess: true, context })
  for (const r of effects?.salaryRowsClosed ?? []) await req.payload.update({ collection: 'salary-history', id: r.id, data: { endDate: r.endDate }, req, overrideAccess: true, context })
  const reopen = hasLeft(status.employmentStatus) ? [] : (effects?.accountsDisabled ?? [])
  if (reopen.length) {
    const db = await transactionDb(req.payload, req)
    await db.execute(sql`UPDATE accounts SET disabled = false, updated_at = now() WHERE id = ANY(string_to_array(${reopen.join(',')}, ',')::int[])`)
    await recordAuditEvent(req, { operation: 'update', collection: 'accounts', recordIds: reopen, subjects: [staffId], detail: { action: 'enable', reason: 'decision revoked', decision: decision.id } })
  }
}
