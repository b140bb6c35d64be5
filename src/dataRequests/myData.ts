/**
 * "Tải toàn bộ dữ liệu của tôi" — everything hoso holds about the signed-in person, at once and without a request
 * (Luật 91/2025 Điều 4.1: to know, to view, to be given a copy): the record with all its histories as the one
 * canonical, versioned record JSON (docs/record-json.md), pending and past change requests, photos (references),
 * signed exports issued about them, their personal-data requests and consents, their account with its sessions and sign-in
 * history, and the access log of their record.
 *
 * Only the person's own data: every list is filtered on their own record or account and read through their own
 * access rules (a person who is also an HR officer still gets their own data only); the access log names who acted
 * and why, never other people's addresses, devices or the ids of other records an event also touched.
 */
import type { PayloadRequest } from 'payload'

import { actorOf } from '../accounts/actor'
import { drainAuditOutbox } from '../audit/outbox'
import { recordAuditEvent } from '../audit/record'
import { poolOf } from '../db/pool'
import { AUDIT_OPERATION_LABELS, type AuditOperation } from '../domain/auditOperations'
import { refuse } from '../domain/errors'
import type { CanonicalRecord } from '../domain/record'
import { loadCanonicalRecord } from '../records/canonicalRecords'

export const MY_DATA_FORMAT = 'hoso.my-data/1'

export interface MyData {
  format: typeof MY_DATA_FORMAT
  generatedAt: string
  staffId: number
  record: CanonicalRecord
  changeRequests: Array<Record<string, unknown>>
  photos: Array<{ id: number; filename: string | null; mimeType: string | null; filesize: number | null; url: string | null; current: boolean; createdAt: string }>
  signedExports: Array<Record<string, unknown>>
  dataRequests: Array<Record<string, unknown>>
  consents: Array<{ id: number; item: string; text: string; givenAt: string | null; withdrawnAt: string | null }>
  accounts: Array<{ id: number; email: string; displayName: string | null; roles: string[]; disabled: boolean; secondFactor: boolean; createdAt: string; sessions: Array<{ createdAt: string | null; expiresAt: string }> }>
  signIns: Array<{ occurredAt: string; operation: AuditOperation; ip: string | null; userAgent: string | null }>
  accessLog: Array<{ occurredAt: string; operation: AuditOperation; operationLabel: string; actor: string | null; self: boolean; roles: string[]; purpose: string | null; collection: string }>
}

const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string).toISOString())

/** The person's own staff record id, or the refusal: 401 without sign-in, 404 for an account without a record. */
export function ownStaffId(req: PayloadRequest): number {
  const actor = actorOf(req)
  if (!req.user || !actor) refuse('unauthenticated', 'user', 'Cần đăng nhập', 'Sign in first')
  if (actor.staffId == null) refuse('not-found', 'staff', 'Tài khoản này không gắn với hồ sơ cán bộ nào', 'This account has no staff record')
  return actor.staffId
}

export async function collectMyData(req: PayloadRequest, now = new Date()): Promise<MyData> {
  const staffId = ownStaffId(req)
  const accountId = Number(req.user!.id)
  const { payload, user } = req
  const own = { staff: { equals: staffId } }
  const asPerson = { overrideAccess: false, user, req, pagination: false, depth: 0 } as const
  const record = await loadCanonicalRecord({ req }, staffId)
  if (!record) refuse('not-found', 'staff', 'Không đọc được hồ sơ của bạn', 'Your record could not be read')
  const [changeRequests, photos, signedExports, dataRequests, consents, staffRow] = await Promise.all([
    payload.find({ collection: 'change-requests', where: own, sort: 'createdAt', ...asPerson }),
    payload.find({ collection: 'photos', where: own, sort: 'createdAt', ...asPerson }),
    payload.find({ collection: 'signed-exports', where: own, sort: 'createdAt', ...asPerson }),
    payload.find({ collection: 'data-requests', where: own, sort: 'receivedAt', ...asPerson }),
    payload.find({ collection: 'consents', where: own, sort: 'givenAt', ...asPerson }),
    payload.findByID({ collection: 'staff', id: staffId, depth: 0, select: { photo: true }, overrideAccess: false, user, req }),
  ])
  const currentPhoto = (staffRow as { photo?: number | { id: number } | null }).photo
  const currentPhotoId = typeof currentPhoto === 'object' && currentPhoto ? currentPhoto.id : currentPhoto
  // The account(s) linked to the record: the caller's own (one account per record), read by its own rule.
  const accounts = await payload.find({ collection: 'accounts', where: { and: [{ id: { equals: accountId } }, { staff: { equals: staffId } }] }, ...asPerson })

  const pool = poolOf(payload)
  await drainAuditOutbox(pool)
  const accountIds = accounts.docs.map((a) => a.id)
  const [sessions, signIns, accessLog] = await Promise.all([
    pool.query<{ parent: number; createdAt: Date | null; expiresAt: Date }>(
      `SELECT _parent_id AS parent, created_at AS "createdAt", expires_at AS "expiresAt" FROM accounts_sessions WHERE _parent_id = ANY($1::int[]) ORDER BY created_at`,
      [accountIds],
    ),
    pool.query<{ occurredAt: Date; operation: AuditOperation; ip: string | null; userAgent: string | null }>(
      `SELECT occurred_at AS "occurredAt", operation::text AS operation, ip, user_agent AS "userAgent"
         FROM audit_events WHERE operation IN ('login', 'login-failed') AND actor_id = ANY($1::numeric[]) ORDER BY seq`,
      [accountIds],
    ),
    pool.query<{ occurredAt: Date; operation: AuditOperation; actorName: string | null; actorRoles: string | null; purpose: string | null; collection: string; self: boolean }>(
      `SELECT occurred_at AS "occurredAt", operation::text AS operation, actor_name AS "actorName", actor_roles AS "actorRoles", purpose,
              target_collection AS collection, coalesce(actor_id = ANY($2::numeric[]), false) AS self
         FROM audit_events WHERE subjects LIKE $1 ORDER BY seq`,
      [`%.${staffId}.%`, accountIds],
    ),
  ])

  return {
    format: MY_DATA_FORMAT,
    generatedAt: now.toISOString(),
    staffId,
    record: record!,
    changeRequests: changeRequests.docs.map((c) => ({
      id: c.id,
      status: c.status,
      createdAt: iso(c.createdAt),
      submittedAt: iso(c.submittedAt),
      decidedAt: iso(c.decidedAt),
      returnReason: c.returnReason ?? null,
      proposal: c.proposal ?? null,
      transitions: (c.transitions ?? []).map((t) => ({ action: t.action, status: t.status ?? null, at: iso(t.at), reason: t.reason ?? null })),
    })),
    photos: photos.docs.map((p) => ({
      id: p.id,
      filename: p.filename ?? null,
      mimeType: p.mimeType ?? null,
      filesize: p.filesize ?? null,
      url: p.url ?? null,
      current: p.id === currentPhotoId,
      createdAt: iso(p.createdAt)!,
    })),
    signedExports: signedExports.docs.map((s) => ({
      id: s.id,
      code: s.code,
      form: s.form,
      status: s.status,
      level: s.level ?? null,
      sha256: s.sha256 ?? null,
      size: s.size ?? null,
      createdAt: iso(s.createdAt),
    })),
    dataRequests: dataRequests.docs.map((d) => ({
      id: d.id,
      type: d.type,
      subject: d.subject,
      items: d.items ?? [],
      text: d.text ?? null,
      channel: d.channel,
      state: d.state,
      receivedOn: d.receivedOn ?? null,
      firstReplyDue: d.firstReplyDue ?? null,
      dueDate: d.dueDate ?? null,
      extendedDueDate: d.extendedDueDate ?? null,
      firstReplyText: d.firstReplyText ?? null,
      extensionDays: d.extensionDays ?? null,
      extensionReason: d.extensionReason ?? null,
      outcome: d.outcome ?? null,
      legalBasis: d.legalBasis ?? null,
      outcomeReason: d.outcomeReason ?? null,
      closedOn: d.closedOn ?? null,
    })),
    consents: consents.docs.map((c) => ({ id: c.id, item: c.item, text: c.text, givenAt: iso(c.givenAt), withdrawnAt: iso(c.withdrawnAt) })),
    accounts: accounts.docs.map((a) => ({
      id: a.id,
      email: a.email,
      displayName: a.displayName ?? null,
      roles: (a.roles ?? []) as string[],
      disabled: Boolean(a.disabled),
      secondFactor: Boolean((a as { totpEnabledAt?: unknown }).totpEnabledAt),
      createdAt: iso(a.createdAt)!,
      sessions: sessions.rows.filter((s) => s.parent === a.id).map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt)! })),
    })),
    signIns: signIns.rows.map((r) => ({ occurredAt: iso(r.occurredAt)!, operation: r.operation, ip: r.ip, userAgent: r.userAgent })),
    accessLog: accessLog.rows.map((r) => ({
      occurredAt: iso(r.occurredAt)!,
      operation: r.operation,
      operationLabel: AUDIT_OPERATION_LABELS[r.operation]?.vi ?? r.operation,
      actor: r.self ? null : r.actorName,
      self: r.self,
      roles: r.actorRoles ? r.actorRoles.split(',') : [],
      purpose: r.purpose,
      collection: r.collection,
    })),
  }
}

/** The export is itself an event of the person's record (after it is assembled, so it is not in its own log). */
export async function recordMyDataExport(req: PayloadRequest, staffId: number, format: 'json' | 'pdf'): Promise<void> {
  await recordAuditEvent(req, { operation: 'export', collection: 'staff', recordIds: [staffId], subjects: [staffId], detail: { what: 'my-data', format } })
}
