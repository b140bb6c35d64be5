/**
 * Self-declaration and approval (issue: staff edit their own record, HR reviews the difference and
 * approves). The rules are pure and live in src/domain/ (tiers, changeRequest, submission, recordDiff);
 * this module loads and stores, inside one database transaction per action, with row locks so that two
 * reviewers, or a reviewer and the person, never overwrite each other.
 */
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { actorOf } from '../accounts/actor'
import { staffIssues } from '../records/validation'
import {
  DECLARED_HISTORY_SLUGS,
  diffProposal,
  isEmptyProposal,
  reduceProposal,
  snapshotOf,
  stampOf,
  type Proposal,
  type Row,
  type Snapshot,
} from '../domain/changeRequest'
import { DomainError, localize, refuse } from '../domain/errors'
import { diffRecord, diffRows } from '../domain/recordDiff'
import { relationId } from '../domain/relationId'
import {
  allowedActions,
  checkOfficialUnchanged,
  checkRevision,
  checkSubmission,
  isOpenStatus,
  OPEN_STATUSES,
  STALE_OFFICIAL,
  stepsBeforeEdit,
  transition,
  type SubmissionAction,
  type SubmissionActor,
  type SubmissionStatus,
} from '../domain/submission'
import { splitProposal, STAFF_FIELD_TIERS } from '../domain/tiers'
import { transactionDb } from '../db/pool'
import { inTransaction } from '../db/transaction'
import { recordAuditEvent } from '../audit/record'
import { closeCorrectionsByDeclaration } from '../dataRequests/workflow'
import { labelOf, staffCatalogue } from './catalogue'
import { displayChanges } from './display'
import { notifyDecision } from './notify'

export interface ChangeRequestDoc {
  id: number
  staff: number | { id: number }
  staffName?: string | null
  author: number | { id: number }
  status: SubmissionStatus
  revision: number
  proposal?: Proposal | null
  base?: Snapshot | null
  baseStamp?: string | null
  returnReason?: string | null
  submittedAt?: string | null
  decidedAt?: string | null
  transitions?: Array<{ action: SubmissionAction; status?: SubmissionStatus; at: string; actor?: unknown; reason?: string | null }>
}

/** The official record (depth 0) and its self-declared snapshot and stamp. */
export async function loadOfficial(req: PayloadRequest, staffId: number) {
  const doc = (await req.payload.findByID({ collection: 'staff', id: staffId, depth: 0, joins: false, overrideAccess: true, req })) as unknown as Record<string, unknown>
  const rows: Record<string, Row[]> = {}
  for (const slug of DECLARED_HISTORY_SLUGS) {
    const found = await req.payload.find({
      collection: slug as 'family-members',
      where: { staff: { equals: staffId } },
      depth: 0,
      pagination: false,
      sort: 'id',
      overrideAccess: true,
      req,
    })
    rows[slug] = found.docs as unknown as Row[]
  }
  const snapshot = snapshotOf(doc, rows)
  return { doc, rows, snapshot, stamp: stampOf(snapshot) }
}

/** The record's open (draft, submitted or returned) change request, if any — at most one exists. */
export async function openRequestOf(req: PayloadRequest, staffId: number): Promise<ChangeRequestDoc | null> {
  const found = await req.payload.find({
    collection: 'change-requests',
    where: { and: [{ staff: { equals: staffId } }, { status: { in: OPEN_STATUSES } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  return (found.docs[0] as unknown as ChangeRequestDoc) ?? null
}


/** Row locks, taken in a fixed order (staff record, then request) so two actions on one record queue up. */
async function lockRows(req: PayloadRequest, staffId: number, requestId?: number) {
  const db = await transactionDb(req.payload, req)
  await db.execute(sql`SELECT id FROM staff WHERE id = ${staffId} FOR UPDATE`)
  if (requestId != null) {
    const { rows } = await db.execute(sql`SELECT status, revision::int AS revision FROM change_requests WHERE id = ${requestId} FOR UPDATE`)
    return rows[0] as { status: SubmissionStatus; revision: number } | undefined
  }
  return undefined
}

function submissionActor(req: PayloadRequest): SubmissionActor {
  const actor = actorOf(req)
  if (!actor || !req.user) return refuse('unauthenticated', 'account', 'Bạn cần đăng nhập.', 'Please sign in.')
  return { ...actor, accountId: Number(req.user.id) }
}

function ownStaffId(req: PayloadRequest): number {
  const actor = submissionActor(req)
  if (actor.staffId == null) {
    return refuse('forbidden', 'staff', 'Tài khoản này chưa gắn với hồ sơ cán bộ nào.', 'This account is not linked to a staff record.')
  }
  return actor.staffId
}

const transitionEntry = (action: SubmissionAction, status: SubmissionStatus, req: PayloadRequest, reason?: string) => ({
  action,
  status,
  at: new Date().toISOString(),
  actor: req.user!.id,
  ...(reason ? { reason } : {}),
})

/** Applies the domain's state machine; its refusals say their kind (conflict, forbidden, invalid). */
function step(req: PayloadRequest, request: ChangeRequestDoc, status: SubmissionStatus, action: SubmissionAction, unitPath: string, reason?: string) {
  return transition({
    status,
    action,
    actor: submissionActor(req),
    submission: { authorAccountId: Number(relationId(request.author)), staffId: Number(relationId(request.staff)), unitPath },
    reason,
  }).status
}

// ---------------------------------------------------------------------------------------------------------
// The person's side

export interface SaveInput {
  fields?: Record<string, unknown>
  rows?: Record<string, Row[]>
  /** Stamp of the official record the form was filled against. */
  stamp: string
  /** Revision of the open request the form was filled against (absent when there was none). */
  revision?: number | null
}

/**
 * Saves the person's form: contact details (T1) apply at once; declared items (T2) go into their open
 * request as a draft (a returned request is reopened). Nothing is stored when anything is refused.
 */
export async function saveOwn(req: PayloadRequest, input: SaveInput) {
  const staffId = ownStaffId(req)
  const split = splitProposal(input.fields ?? {})
  if (split.refused.length) {
    const names = split.refused.map((f) => labelOf(f, staffCatalogue(req.payload)))
    refuse(
      'forbidden',
      split.refused[0]!,
      `Bạn không được tự khai các mục do bộ phận tổ chức cán bộ quản lý: ${names.map((n) => n.vi).join(', ')}.`,
      `You may not declare items HR manages: ${names.map((n) => n.en).join(', ')}.`,
    )
  }
  const unknownRows = Object.keys(input.rows ?? {}).filter((slug) => !DECLARED_HISTORY_SLUGS.includes(slug))
  if (unknownRows.length) refuse('forbidden', unknownRows[0]!, 'Bạn không được tự khai quá trình này.', 'You may not declare this history.')

  return inTransaction(req, async () => {
    await lockRows(req, staffId)
    const official = await loadOfficial(req, staffId)
    checkOfficialUnchanged(input.stamp, official.stamp)
    let request = await openRequestOf(req, staffId)
    let status = request?.status
    let before: SubmissionAction[] = []
    if (request) {
      const locked = await lockRows(req, staffId, request.id)
      checkRevision(locked?.revision, input.revision)
      before = stepsBeforeEdit(locked!.status)
    }

    const proposal = reduceProposal(official.snapshot, { fields: split.declared, rows: input.rows })
    const immediate = diffRecord(
      Object.fromEntries(Object.keys(split.immediate).map((f) => [f, official.doc[f] ?? null])),
      split.immediate,
    ).map((c) => c.field.split('.')[0]!)
    // The record as it would be once approved must pass the same validation as any other write.
    const merged = { ...official.doc, ...Object.fromEntries(immediate.map((f) => [f, split.immediate[f]])), ...proposal.fields }
    const issues = await staffIssues(req, merged)
    if (issues.length) throw new DomainError(issues, 'invalid')

    if (immediate.length) {
      await req.payload.update({
        collection: 'staff',
        id: staffId,
        data: Object.fromEntries(immediate.map((f) => [f, split.immediate[f]])),
        overrideAccess: true,
        context: { selfService: true },
        req,
      })
    }
    // Contact details (T1) are no part of the declared snapshot (T2 items and histories): the official record
    // loaded above stays the request's base; no second load.
    const transitions = [...(request?.transitions ?? [])]
    for (const action of before) {
      status = step(req, request!, status!, action, String(official.doc.unitPath ?? ''))
      transitions.push(transitionEntry(action, status, req))
    }
    if (isEmptyProposal(proposal)) {
      // Nothing declared: no draft to keep.
      if (request && status === 'draft') await req.payload.delete({ collection: 'change-requests', id: request.id, overrideAccess: true, req })
      request = null
    } else if (request) {
      await req.payload.update({
        collection: 'change-requests',
        id: request.id,
        data: { proposal, base: official.snapshot, baseStamp: official.stamp, status, revision: request.revision + 1, transitions, staffName: String(official.doc.fullName ?? '') } as never,
        overrideAccess: true,
        req,
      })
    } else {
      await req.payload.create({
        collection: 'change-requests',
        data: {
          staff: staffId,
          staffName: String(official.doc.fullName ?? ''),
          author: req.user!.id,
          status: 'draft',
          revision: 0,
          proposal,
          base: official.snapshot,
          baseStamp: official.stamp,
        } as never,
        overrideAccess: true,
        req,
      })
    }
    return { applied: immediate, declared: Object.keys(proposal.fields), rows: Object.keys(proposal.rows) }
  })
}

/** The person's own actions on their open request: submit, withdraw. */
export async function actOnOwn(req: PayloadRequest, action: 'submit' | 'withdraw', revision: number) {
  const staffId = ownStaffId(req)
  return inTransaction(req, async () => {
    const request = await openRequestOf(req, staffId)
    if (!request) refuse('not-found', 'request', 'Bạn chưa có thay đổi nào đang khai.', 'You have no pending declaration.')
    const locked = await lockRows(req, staffId, request!.id)
    checkRevision(locked?.revision, revision)
    const official = await loadOfficial(req, staffId)
    if (action === 'submit') {
      checkSubmission({ empty: isEmptyProposal(request!.proposal ?? { fields: {}, rows: {} }), baseStamp: request!.baseStamp, officialStamp: official.stamp })
    }
    const status = step(req, request!, locked!.status, action, String(official.doc.unitPath ?? ''))
    await req.payload.update({
      collection: 'change-requests',
      id: request!.id,
      data: {
        status,
        revision: request!.revision + 1,
        ...(action === 'submit' ? { submittedAt: new Date().toISOString(), returnReason: null } : {}),
        transitions: [...(request!.transitions ?? []), transitionEntry(action, status, req)],
      } as never,
      overrideAccess: true,
      req,
    })
    await recordAuditEvent(req, { operation: 'update', collection: 'change-requests', recordIds: [request!.id], subjects: [staffId], detail: { action, status } })
    return { status }
  })
}

const PHOTO_TYPES = ['image/jpeg', 'image/png']
const PHOTO_MAX_BYTES = 5 * 1024 * 1024

/**
 * Stores a new 4×6 photo for the person's own record. It is not the official photo yet: the caller
 * declares it (field `photo`, tier T2) and it becomes official when HR approves.
 */
export async function uploadOwnPhoto(req: PayloadRequest, file: { data: Buffer; mimetype: string; name: string; size: number } | undefined) {
  const staffId = ownStaffId(req)
  if (!file) refuse('invalid', 'photo', 'Chưa chọn tệp ảnh.', 'No image file was sent.')
  if (!PHOTO_TYPES.includes(file!.mimetype)) refuse('invalid', 'photo', 'Ảnh phải là tệp JPEG hoặc PNG.', 'The photo must be a JPEG or PNG file.')
  if (file!.size > PHOTO_MAX_BYTES) refuse('invalid', 'photo', 'Ảnh không được lớn hơn 5 MB.', 'The photo must not exceed 5 MB.')
  const doc = await req.payload.create({
    collection: 'photos',
    data: { staff: staffId, alt: 'Ảnh 4×6' },
    file: file!,
    overrideAccess: true,
    req,
  })
  return { id: doc.id, url: doc.url ?? null }
}

/** URLs of photos by id (for showing the official and the declared photo side by side). */
async function photoUrls(req: PayloadRequest, ids: unknown[]): Promise<Record<string, string>> {
  const wanted = ids.map((v) => Number(relationId(v))).filter((n) => Number.isInteger(n) && n > 0)
  if (!wanted.length) return {}
  const found = await req.payload.find({ collection: 'photos', where: { id: { in: wanted } }, depth: 0, pagination: false, overrideAccess: true, req })
  return Object.fromEntries(found.docs.filter((d) => d.url).map((d) => [String(d.id), d.url!]))
}

async function beforeAfterPhotos(req: PayloadRequest, before: unknown, after: unknown) {
  const urls = await photoUrls(req, [before, after])
  const at = (v: unknown) => (v == null ? null : (urls[String(relationId(v))] ?? null))
  return { before: at(before), after: at(after) }
}

// ---------------------------------------------------------------------------------------------------------
// HR's side

/** The request as the caller may read it (404 when out of their scope: existence is not revealed). */
async function readableRequest(req: PayloadRequest, id: number): Promise<ChangeRequestDoc> {
  const found = await req.payload.find({
    collection: 'change-requests',
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const doc = found.docs[0] as unknown as ChangeRequestDoc | undefined
  if (!doc) refuse('not-found', 'id', 'Không tìm thấy yêu cầu.', 'Request not found.')
  return doc!
}

/** Approves or returns a submitted request. Approval applies the proposal to the official record. */
export async function decide(req: PayloadRequest, id: number, action: 'approve' | 'return', revision: number, reason?: string) {
  const result = await inTransaction(req, async () => {
    const request = await readableRequest(req, id)
    const staffId = Number(relationId(request.staff))
    const locked = await lockRows(req, staffId, request.id)
    checkRevision(locked?.revision, revision)
    const official = await loadOfficial(req, staffId)
    const status = step(req, request, locked!.status, action, String(official.doc.unitPath ?? ''), reason)
    if (action === 'approve') {
      checkOfficialUnchanged(request.baseStamp, official.stamp)
      await applyProposal(req, staffId, request.proposal ?? { fields: {}, rows: {} }, official.rows)
      // A correction the person asked for under Luật 91 Điều 13 is done when their declaration is approved.
      await closeCorrectionsByDeclaration(req, staffId, request.id)
    }
    const now = new Date().toISOString()
    await req.payload.update({
      collection: 'change-requests',
      id: request.id,
      data: {
        status,
        revision: request.revision + 1,
        decidedAt: now,
        decidedBy: req.user!.id,
        ...(action === 'return' ? { returnReason: reason!.trim() } : {}),
        transitions: [...(request.transitions ?? []), transitionEntry(action, status, req, reason?.trim())],
      } as never,
      overrideAccess: true,
      req,
    })
    // In the same transaction as the decision: a committed approval or return always has its event.
    await recordAuditEvent(req, {
      operation: action,
      collection: 'change-requests',
      recordIds: [request.id],
      subjects: [staffId],
      detail: { status, fields: Object.keys(request.proposal?.fields ?? {}), rows: Object.keys(request.proposal?.rows ?? {}), ...(reason ? { reason: reason.trim() } : {}) },
    })
    return { status, staffId, authorId: Number(relationId(request.author)), staffName: String(official.doc.fullName ?? '') }
  })
  // After commit: a failed e-mail never undoes the decision (it is logged).
  await notifyDecision(req, { ...result, reason: reason?.trim() })
  return { status: result.status }
}

/** Writes an approved proposal into the official record and its declared histories. */
async function applyProposal(req: PayloadRequest, staffId: number, proposal: Proposal, officialRows: Record<string, Row[]>) {
  if (Object.keys(proposal.fields).length) {
    await req.payload.update({
      collection: 'staff',
      id: staffId,
      data: { ...proposal.fields, lastConfirmedAt: new Date().toISOString() } as never,
      overrideAccess: true,
      context: { approvedChangeRequest: true },
      req,
    })
  } else {
    await req.payload.update({ collection: 'staff', id: staffId, data: { lastConfirmedAt: new Date().toISOString() }, overrideAccess: true, req })
  }
  for (const [slug, proposed] of Object.entries(proposal.rows)) {
    const collection = slug as 'family-members'
    for (const change of diffRows(slug, officialRows[slug] ?? [], proposed)) {
      const data = Object.fromEntries(Object.entries(change.after ?? {}).filter(([k]) => k !== 'id'))
      if (change.kind === 'added') await req.payload.create({ collection, data: { ...data, staff: staffId } as never, overrideAccess: true, req })
      else if (change.kind === 'changed') await req.payload.update({ collection, id: change.id as number, data: data as never, overrideAccess: true, req })
      else await req.payload.delete({ collection, id: change.id as number, overrideAccess: true, req })
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Views

/** A request with its difference from the official record now, and what the caller may do with it. */
export async function reviewOf(req: PayloadRequest, id: number) {
  const request = await readableRequest(req, id)
  const staffId = Number(relationId(request.staff))
  const official = await loadOfficial(req, staffId)
  return describe(req, request, official)
}

/** The caller's own record state: official values, the open request (if any) and its difference. */
export async function ownState(req: PayloadRequest) {
  const staffId = ownStaffId(req)
  const official = await loadOfficial(req, staffId)
  const open = await openRequestOf(req, staffId)
  const latest = open
    ? open
    : ((
        await req.payload.find({ collection: 'change-requests', where: { staff: { equals: staffId } }, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, req })
      ).docs[0] as unknown as ChangeRequestDoc | undefined) ?? null
  return {
    staffId,
    stamp: official.stamp,
    photos: await photoUrls(req, [official.snapshot.fields.photo, open?.proposal?.fields?.photo]),
    official: { ...official.snapshot.fields, ...pick(official.doc, Object.keys(STAFF_FIELD_TIERS).filter((f) => STAFF_FIELD_TIERS[f] === 'T1')), rows: official.snapshot.rows },
    request: latest ? await describe(req, latest, official) : null,
  }
}

const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k] ?? null]))

async function describe(req: PayloadRequest, request: ChangeRequestDoc, official: Awaited<ReturnType<typeof loadOfficial>>) {
  const proposal = request.proposal ?? { fields: {}, rows: {} }
  // A decided request is shown against the values it was decided on; an open one against today's record.
  const against = isOpenStatus(request.status) ? official.snapshot : (request.base ?? official.snapshot)
  const diff = diffProposal(against, proposal)
  const language = req.i18n?.language === 'en' ? 'en' : 'vi'
  const actor = actorOf(req)
  const actions =
    actor && req.user
      ? allowedActions({
          status: request.status,
          actor: { ...actor, accountId: Number(req.user.id) },
          submission: { authorAccountId: Number(relationId(request.author)), staffId: Number(relationId(request.staff)), unitPath: String(official.doc.unitPath ?? '') },
        })
      : []
  return {
    id: request.id,
    staffId: Number(relationId(request.staff)),
    staffName: request.staffName ?? String(official.doc.fullName ?? ''),
    status: request.status,
    revision: request.revision,
    proposal,
    returnReason: request.returnReason ?? null,
    submittedAt: request.submittedAt ?? null,
    decidedAt: request.decidedAt ?? null,
    transitions: request.transitions ?? [],
    /** The official record changed after the request was written: approving needs a refreshed request. */
    stale: isOpenStatus(request.status) && request.baseStamp !== official.stamp,
    staleMessage: localize(STALE_OFFICIAL, language),
    ...(await displayChanges(req, diff.fields.map((c) => ({ ...c, label: labelOf(c.field, staffCatalogue(req.payload)) })), diff.rows)),
    photos: await beforeAfterPhotos(req, against.fields.photo, proposal.fields?.photo),
    actions,
  }
}
