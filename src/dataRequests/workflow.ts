/**
 * The register of personal-data requests (collection `data-requests`): filing one (the person online, the officer
 * for one received on paper), the first reply, the one extension, the outcome, and the correction task HR owns.
 * The rules are src/domain/dataRequests.ts; each step runs in one transaction with its audit event.
 */
import type { PayloadRequest } from 'payload'

import { actorOf } from '../accounts/actor'
import { recordAuditEvent } from '../audit/record'
import { workingCalendar } from '../calendar/workingCalendar'
import { inTransaction } from '../db/transaction'
import { civilDateInVietnam, parseCivilDate, type CivilDate } from '../domain/calendar'
import {
  checkExtension,
  checkFirstReply,
  checkNewDataRequest,
  checkOutcome,
  correctionRoute,
  dataRequestDeadlines,
  extendedDueDate,
  handlesDataRequests,
  type DataRequestState,
  type DataRequestType,
} from '../domain/dataRequests'
import { mayReach } from '../domain/access'
import { DomainError, refuse } from '../domain/errors'
import { relationId } from '../domain/relationId'

export type DataRequestDoc = Record<string, unknown> & {
  id: number
  type: DataRequestType
  state: DataRequestState
  staff: unknown
  dueDate?: string | null
  extensionDays?: number | null
  items?: string[] | null
}

/** "now" for the register: tests and the demo pin the clock with HOSO_DATA_REQUESTS_NOW (an ISO instant). */
export function dataRequestsNow(): Date {
  const pinned = process.env.HOSO_DATA_REQUESTS_NOW
  return pinned ? new Date(pinned) : new Date()
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

async function fileRequest(
  req: PayloadRequest,
  input: { staffId: number; type: unknown; subject: unknown; text: unknown; items: unknown; thirdParties: unknown; channel: 'online' | 'paper'; receivedAt: Date; receivedOn: CivilDate },
): Promise<DataRequestDoc> {
  const issues = checkNewDataRequest(input)
  if (issues.length) throw new DomainError(issues)
  const type = input.type as DataRequestType
  const items = Array.isArray(input.items) ? [...new Set(input.items as string[])] : []
  const thirdParties = input.thirdParties === true
  const calendar = await workingCalendar(req.payload)
  const { firstReplyDue, dueDate } = dataRequestDeadlines(calendar, type, input.receivedOn, thirdParties)
  // A correction of items HR owns is a task for HR (visible to them with its deadline); declared items go through the
  // person's own change request.
  const correctionTask = type === 'correct' && correctionRoute(items).hrOwned.length > 0
  return inTransaction(req, async () => {
    const doc = (await req.payload.create({
      collection: 'data-requests',
      data: {
        type,
        staff: input.staffId,
        filedBy: req.user!.id,
        channel: input.channel,
        receivedAt: input.receivedAt.toISOString(),
        receivedOn: input.receivedOn,
        subject: str(input.subject),
        text: str(input.text) || null,
        items,
        thirdParties,
        state: 'received',
        firstReplyDue,
        dueDate,
        correctionTask,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as DataRequestDoc
    await recordAuditEvent(req, {
      operation: 'create',
      collection: 'data-requests',
      recordIds: [doc.id],
      subjects: [input.staffId],
      detail: { action: 'file', type, channel: input.channel, receivedOn: input.receivedOn, firstReplyDue, dueDate, items },
    })
    return doc
  })
}

/** The person files a request about their own record (from "Hồ sơ của tôi"); received now. */
export async function fileOwnRequest(req: PayloadRequest, body: Record<string, unknown>, now = dataRequestsNow()): Promise<DataRequestDoc> {
  const actor = actorOf(req)
  if (!actor) refuse('unauthenticated', 'user', 'Cần đăng nhập', 'Sign in first')
  if (actor.staffId == null) refuse('forbidden', 'staff', 'Tài khoản này không gắn với hồ sơ cán bộ nào', 'This account has no staff record')
  return fileRequest(req, { ...pick(body), staffId: actor.staffId, channel: 'online', receivedAt: now, receivedOn: civilDateInVietnam(now) })
}

const pick = (body: Record<string, unknown>) => ({ type: body.type, subject: body.subject, text: body.text, items: body.items, thirdParties: body.thirdParties })

/** The officer records a request received on paper, with the day it was received (the clocks start then). */
export async function recordPaperRequest(req: PayloadRequest, body: Record<string, unknown>, now = dataRequestsNow()): Promise<DataRequestDoc> {
  requireOfficer(req)
  const staffId = Number(body.staff)
  if (!Number.isSafeInteger(staffId) || staffId <= 0) refuse('invalid', 'staff', 'Chọn hồ sơ của người yêu cầu', 'Choose the record of the person asking')
  const receivedOn = parseCivilDate(body.receivedOn)
  if (!receivedOn) refuse('invalid', 'receivedOn', 'Ngày nhận không hợp lệ (dd/mm/yyyy)', 'The day received is not valid (dd/mm/yyyy)')
  const today = civilDateInVietnam(now)
  if (receivedOn > today) refuse('invalid', 'receivedOn', 'Ngày nhận không được sau ngày hôm nay', 'The day received cannot be after today')
  const exists = await req.payload.count({ collection: 'staff', where: { id: { equals: staffId } }, overrideAccess: true, req })
  if (!exists.totalDocs) refuse('invalid', 'staff', 'Không có hồ sơ này', 'No such record')
  return fileRequest(req, { ...pick(body), staffId, channel: 'paper', receivedAt: now, receivedOn })
}

function requireOfficer(req: PayloadRequest) {
  if (!handlesDataRequests(actorOf(req))) {
    refuse('forbidden', 'user', 'Chỉ cán bộ bảo vệ dữ liệu cá nhân được xử lý yêu cầu', 'Only the personal-data officer handles requests')
  }
}

/** A request the caller may see (404 otherwise), then its full row. */
export async function requestFor(req: PayloadRequest, id: number): Promise<DataRequestDoc> {
  const visible = await req.payload.find({ collection: 'data-requests', where: { id: { equals: id } }, depth: 0, limit: 1, req, overrideAccess: false, user: req.user })
  if (!visible.docs.length) refuse('not-found', 'id', 'Không tìm thấy yêu cầu', 'Request not found')
  return (await req.payload.findByID({ collection: 'data-requests', id, depth: 0, req, overrideAccess: true })) as unknown as DataRequestDoc
}

async function step(req: PayloadRequest, r: DataRequestDoc, data: Record<string, unknown>, detail: Record<string, unknown>): Promise<DataRequestDoc> {
  const doc = (await req.payload.update({ collection: 'data-requests', id: r.id, data: data as never, depth: 0, overrideAccess: true, req })) as unknown as DataRequestDoc
  await recordAuditEvent(req, { operation: 'update', collection: 'data-requests', recordIds: [r.id], subjects: [relationId(r.staff)!], detail: { type: r.type, ...detail } })
  return doc
}

const stateOf = (r: DataRequestDoc) => ({ type: r.type, state: r.state, dueDate: r.dueDate ?? null, extensionDays: r.extensionDays ?? null })

/** The first reply (02 working days), sent once. */
export async function sendFirstReply(req: PayloadRequest, id: number, text: unknown, now = dataRequestsNow()): Promise<DataRequestDoc> {
  requireOfficer(req)
  return inTransaction(req, async () => {
    const r = await requestFor(req, id)
    checkFirstReply(stateOf(r), text)
    const on = civilDateInVietnam(now)
    return step(req, r, { state: 'replied', firstReplyText: str(text), firstRepliedAt: now.toISOString(), firstRepliedOn: on, firstRepliedBy: req.user!.id }, { action: 'first-reply', on })
  })
}

/** The one extension, with its reason (told to the person). */
export async function extendRequest(req: PayloadRequest, id: number, days: unknown, reason: unknown, now = dataRequestsNow()): Promise<DataRequestDoc> {
  requireOfficer(req)
  return inTransaction(req, async () => {
    const r = await requestFor(req, id)
    const today = civilDateInVietnam(now)
    checkExtension(stateOf(r), days, reason, today)
    const calendar = await workingCalendar(req.payload)
    const extendedDue = extendedDueDate(calendar, r.dueDate!, Number(days))
    return step(
      req,
      r,
      { extensionDays: Number(days), extensionReason: str(reason), extendedAt: now.toISOString(), extendedDueDate: extendedDue },
      { action: 'extend', days: Number(days), reason: str(reason), extendedDueDate: extendedDue },
    )
  })
}

/** The outcome: done, partly or refused (with the legal basis and the reason). */
export async function closeRequest(req: PayloadRequest, id: number, input: { outcome?: unknown; legalBasis?: unknown; reason?: unknown }, now = dataRequestsNow()): Promise<DataRequestDoc> {
  requireOfficer(req)
  return inTransaction(req, async () => {
    const r = await requestFor(req, id)
    const outcome = checkOutcome(stateOf(r), input)
    return closeLoaded(req, r, outcome, now)
  })
}

async function closeLoaded(
  req: PayloadRequest,
  r: DataRequestDoc,
  o: { outcome: string; legalBasis: string | null; reason: string | null },
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<DataRequestDoc> {
  const on = civilDateInVietnam(now)
  return step(
    req,
    r,
    { state: 'closed', outcome: o.outcome, legalBasis: o.legalBasis, outcomeReason: o.reason, closedAt: now.toISOString(), closedOn: on, closedBy: req.user?.id ?? null, ...extra },
    { action: 'close', outcome: o.outcome, legalBasis: o.legalBasis, reason: o.reason, on, ...extra },
  )
}

/**
 * After HR approves a change request (same transaction): the person's open correction requests about items they
 * declare are done — closed, linked to the change request. One that also names items HR owns stays open until HR
 * marks its correction task done.
 */
export async function closeCorrectionsByDeclaration(req: PayloadRequest, staffId: number, changeRequestId: number, now = dataRequestsNow()): Promise<number[]> {
  const open = await req.payload.find({
    collection: 'data-requests',
    where: { and: [{ staff: { equals: staffId } }, { type: { equals: 'correct' } }, { state: { not_equals: 'closed' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const closed: number[] = []
  for (const doc of open.docs as unknown as DataRequestDoc[]) {
    const { declared, hrOwned } = correctionRoute(doc.items ?? [])
    if (doc.correctionTask || hrOwned.length) {
      if (declared.length || !(doc.items ?? []).length) await step(req, doc, { changeRequest: changeRequestId }, { action: 'declaration-approved', changeRequest: changeRequestId })
      continue
    }
    await closeLoaded(req, doc, { outcome: 'done', legalBasis: null, reason: null }, now, { changeRequest: changeRequestId })
    closed.push(doc.id)
  }
  return closed
}

/**
 * HR corrected the items they own (by their normal edit, or by correcting the decision behind them): the task is
 * done; the request closes when nothing declared is left waiting for the person's change request.
 */
export async function completeCorrectionTask(req: PayloadRequest, id: number, note: unknown, now = dataRequestsNow()): Promise<DataRequestDoc> {
  return inTransaction(req, async () => {
    const r = await requestFor(req, id)
    if (!r.correctionTask) refuse('conflict', 'correctionTask', 'Yêu cầu này không có việc chỉnh sửa của bộ phận tổ chức cán bộ', 'This request has no correction task for HR')
    if (r.correctionDoneAt) refuse('conflict', 'correctionTask', 'Việc chỉnh sửa đã được ghi nhận hoàn thành', 'The correction task is already done')
    if (r.state === 'closed') refuse('conflict', 'state', 'Yêu cầu đã được giải quyết xong', 'The request is closed')
    const staffId = relationId(r.staff)!
    const staff = await req.payload.findByID({ collection: 'staff', id: staffId, depth: 0, select: { unitPath: true }, overrideAccess: true, req })
    // HR with authority over the record by duty (update scope without grants).
    const actor = actorOf(req)
    if (!actor || !mayReach({ ...actor, grants: [] }, 'update', { id: staffId, unitPath: String(staff.unitPath ?? '') })) {
      refuse('forbidden', 'user', 'Chỉ cán bộ tổ chức có thẩm quyền với hồ sơ được ghi nhận việc chỉnh sửa', 'Only HR with authority over the record may mark the correction done')
    }
    const done = { correctionDoneAt: now.toISOString(), correctionDoneBy: req.user!.id, correctionNote: str(note) || null }
    const { declared } = correctionRoute(r.items ?? [])
    if (declared.length && !r.changeRequest) return step(req, r, done, { action: 'correction-done', note: done.correctionNote })
    return closeLoaded(req, r, { outcome: 'done', legalBasis: null, reason: done.correctionNote }, now, done)
  })
}
