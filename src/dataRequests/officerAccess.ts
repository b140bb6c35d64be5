/**
 * The personal-data officer's narrow access to the record a request concerns (src/domain/officerAccess.ts): asked
 * for by the officer, approved by ministry HR, reading exactly the request's items until its deadline and never
 * after the request closes. Each step and each read is an audit event naming the request.
 */
import type { PayloadRequest } from 'payload'

import { actorOf } from '../accounts/actor'
import { recordAuditEvent } from '../audit/record'
import { inTransaction } from '../db/transaction'
import { DomainError } from '../domain/errors'
import { HISTORY_NAMES, HISTORY_SLUGS, type HistoryName } from '../domain/forms/model'
import { checkAccessApproval, checkAccessRequest, officerAccessRefusal, type OfficerAccessInput } from '../domain/officerAccess'
import { relationId } from '../domain/relationId'
import { dataRequestsNow, requestFor, type DataRequestDoc } from './workflow'

const who = (req: PayloadRequest) => {
  const actor = actorOf(req)
  return actor && req.user ? { id: Number(req.user.id), roles: actor.roles } : null
}

const load = requestFor

const input = (r: DataRequestDoc): OfficerAccessInput => ({
  state: r.state,
  items: (r.items ?? []) as string[],
  accessStatus: (r.accessStatus as OfficerAccessInput['accessStatus']) ?? null,
  accessRequestedBy: relationId(r.accessRequestedBy),
  accessUntil: (r.accessUntil as string | null) ?? null,
})

/** The end of a civil day in Việt Nam (23:59:59.999 at UTC+07:00). */
const endOfVietnamDay = (day: string) => new Date(`${day}T23:59:59.999+07:00`)

export async function requestOfficerAccess(req: PayloadRequest, id: number, body: { until?: unknown }, now = dataRequestsNow()) {
  return inTransaction(req, async () => {
    const r = await load(req, id)
    const deadline = (r.extendedDueDate ?? r.dueDate ?? r.firstReplyDue) as string
    const deadlineEnd = endOfVietnamDay(deadline)
    const until = body.until == null ? deadlineEnd : new Date(String(body.until))
    checkAccessRequest(who(req), input(r), until, deadlineEnd, now)
    const doc = await req.payload.update({
      collection: 'data-requests',
      id,
      data: { accessStatus: 'requested', accessRequestedBy: req.user!.id, accessUntil: until.toISOString() } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await recordAuditEvent(req, { operation: 'update', collection: 'data-requests', recordIds: [id], subjects: [relationId(r.staff)!], detail: { action: 'access-request', items: r.items, until: until.toISOString() } })
    return doc
  })
}

export async function approveOfficerAccess(req: PayloadRequest, id: number, now = dataRequestsNow()) {
  return inTransaction(req, async () => {
    const r = await load(req, id)
    checkAccessApproval(who(req), input(r))
    const doc = await req.payload.update({
      collection: 'data-requests',
      id,
      data: { accessStatus: 'approved', accessApprovedBy: req.user!.id, accessApprovedAt: now.toISOString() } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await recordAuditEvent(req, {
      operation: 'grant',
      collection: 'data-requests',
      recordIds: [id],
      subjects: [relationId(r.staff)!],
      purpose: `Yêu cầu về dữ liệu cá nhân số ${id}`,
      detail: { action: 'access-approve', items: r.items, until: r.accessUntil, requestedBy: relationId(r.accessRequestedBy) },
    })
    return doc
  })
}

/** The items the request concerns, read for the officer (histories as their rows); nothing else of the record. */
export async function readThroughOfficerAccess(req: PayloadRequest, id: number, now = dataRequestsNow()): Promise<{ dataRequest: number; staff: number; items: Record<string, unknown> }> {
  const r = await load(req, id)
  const refusal = officerAccessRefusal(who(req), input(r), now)
  if (refusal) throw new DomainError([refusal], 'forbidden')
  const staffId = relationId(r.staff)!
  const items = (r.items ?? []) as string[]
  const scalars = items.filter((i) => !(HISTORY_NAMES as readonly string[]).includes(i))
  const histories = items.filter((i): i is HistoryName => (HISTORY_NAMES as readonly string[]).includes(i))
  const out: Record<string, unknown> = {}
  if (scalars.length) {
    const staff = (await req.payload.findByID({
      collection: 'staff',
      id: staffId,
      depth: 0,
      joins: false,
      select: Object.fromEntries(scalars.map((k) => [k, true])),
      overrideAccess: true,
      req,
    })) as unknown as Record<string, unknown>
    for (const k of scalars) out[k] = staff[k] ?? null
  }
  for (const h of histories) {
    const rows = await req.payload.find({ collection: HISTORY_SLUGS[h] as 'awards', where: { staff: { equals: staffId } }, depth: 0, pagination: false, overrideAccess: true, req })
    out[h] = rows.docs.map(({ staff: _s, createdAt: _c, updatedAt: _u, ...row }) => row)
  }
  await recordAuditEvent(req, {
    operation: 'read',
    collection: 'staff',
    recordIds: [staffId],
    subjects: [staffId],
    purpose: `Yêu cầu về dữ liệu cá nhân số ${id}`,
    detail: { dataRequest: id, items },
  })
  return { dataRequest: id, staff: staffId, items: out }
}
