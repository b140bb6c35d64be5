/**
 * Import batches (collection `import-batches`): the dry run stores the file (sealed: it holds identifiers in clear),
 * its SHA-256, who ran it, the mode, the counts, every problem and every row's outcome; decisions on possible
 * duplicates are added to it; the commit re-plans the stored file inside one transaction, checks that no record it
 * reads changed since the preview, and writes everything or nothing, each change audited with the batch's id.
 */
import { createHash } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { recordAuditEvent } from '../audit/record'
import { dataKeyring } from '../crypto/dataKey'
import { inTransaction } from '../db/transaction'
import { transactionDb } from '../db/pool'
import { DomainError, refuse } from '../domain/errors'
import { canonicalSha256, fromCanonicalRecord, type PayloadRecordData } from '../domain/record'
import { recordReferences } from '../records/canonicalRecords'
import { planImport, IMPORT_MODES, type DuplicateDecision, type ImportMode, type ImportPlan, type PlannedChange } from './plan'
import { readImportWorkbook } from './workbook'

const SEAL_FIELD = 'import-file'
const conflict = (vi: string, en: string) => new DomainError([{ field: 'batch', vi, en }], 'conflict')

export interface ImportBatchView {
  id: number
  fileName: string | null
  fileSha256: string
  mode: ImportMode
  status: 'previewed' | 'committed'
  counts: ImportPlan['counts']
  problems: ImportPlan['problems']
  rows: ImportPlan['rows']
  decisions: DuplicateDecision[]
  createdAt?: string
  committedAt?: string | null
}

type BatchDoc = Record<string, unknown> & { id: number }

const view = (doc: BatchDoc): ImportBatchView => ({
  id: doc.id,
  fileName: (doc.fileName as string) ?? null,
  fileSha256: doc.fileSha256 as string,
  mode: doc.mode as ImportMode,
  status: doc.status as ImportBatchView['status'],
  counts: doc.counts as ImportPlan['counts'],
  problems: (doc.problems as ImportPlan['problems']) ?? [],
  rows: (doc.rows as ImportPlan['rows']) ?? [],
  decisions: (doc.decisions as DuplicateDecision[]) ?? [],
  createdAt: doc.createdAt as string,
  committedAt: (doc.committedAt as string | null) ?? null,
})

export const parseMode = (value: unknown): ImportMode => {
  const mode = value == null || value === '' ? 'upsert' : String(value)
  if (!(IMPORT_MODES as readonly string[]).includes(mode)) refuse('invalid', 'mode', `Chế độ nhập "${mode}" không hợp lệ (create, update hoặc upsert)`, `Import mode "${mode}" is not valid (create, update or upsert)`)
  return mode as ImportMode
}

async function unitCodeOf(req: PayloadRequest, unitId: number | null | undefined): Promise<string | null> {
  if (unitId == null) return null
  const unit = await req.payload.findByID({ collection: 'units', id: unitId, depth: 0, req, overrideAccess: true, disableErrors: true })
  if (!unit) refuse('invalid', 'unit', `Không có đơn vị mã ${unitId}`, `No unit ${unitId}`)
  return unit!.code as string
}

/** Who saw which records: the dry run's matches and the duplicates it showed are a read of those records. */
async function recordPlanRead(req: PayloadRequest, plan: ImportPlan, batchId: number) {
  const ids = new Set<number>()
  for (const r of plan.rows) {
    if (r.staffId != null) ids.add(r.staffId)
    for (const d of r.duplicateOf ?? []) if (d.staffId != null) ids.add(d.staffId)
  }
  if (ids.size) await recordAuditEvent(req, { operation: 'read', collection: 'staff', recordIds: [...ids], detail: { importBatch: batchId, action: 'import-preview' } })
}

/** Dry run: reads and plans the file, stores the batch; with `dryRun: false` commits at once when the plan is clean. */
export async function dryRunImport(
  req: PayloadRequest,
  input: { file: Buffer; fileName?: string | null; mode: ImportMode; unitId?: number | null; dryRun?: boolean },
): Promise<ImportBatchView> {
  const workbook = await readImportWorkbook(input.file)
  const defaultUnitCode = await unitCodeOf(req, input.unitId)
  const plan = await planImport(req, workbook, { mode: input.mode, defaultUnitCode })
  const doc = (await req.payload.create({
    collection: 'import-batches',
    overrideAccess: true,
    depth: 0,
    data: {
      fileName: input.fileName ?? null,
      fileSha256: createHash('sha256').update(input.file).digest('hex'),
      mode: input.mode,
      status: 'previewed',
      counts: plan.counts,
      problems: plan.problems,
      rows: plan.rows,
      decisions: [],
      baseHashes: plan.baseHashes,
      file: dataKeyring().seal(input.file.toString('base64'), SEAL_FIELD),
      createdBy: (req.user as { id: number }).id,
      defaultUnit: input.unitId ?? null,
    } as never,
  })) as unknown as BatchDoc
  await recordPlanRead(req, plan, doc.id)
  // As a refused save does (hooks/staff/nationalIdIndex.ts): the attempt, about the other record, for ministry HR's
  // review — the CCCD itself is never written down, and the uploader is told nothing about that record.
  for (const other of plan.nationalIdConflicts) {
    await recordAuditEvent(req, { operation: 'create', collection: 'staff', recordIds: [], subjects: [other], detail: { refused: 'national-id-conflict', otherRecord: other, reviewBy: 'ministry-hr', importBatch: doc.id } })
  }
  if (input.dryRun === false && plan.counts.refused === 0 && plan.counts.possibleDuplicates === 0) return commitImport(req, doc.id)
  return view(doc)
}

async function ownBatch(req: PayloadRequest, id: number): Promise<BatchDoc> {
  const doc = (await req.payload.findByID({ collection: 'import-batches', id, depth: 0, overrideAccess: true, showHiddenFields: true, disableErrors: true, req })) as BatchDoc | null
  const by = doc && (typeof doc.createdBy === 'object' ? (doc.createdBy as { id: number } | null)?.id : doc.createdBy)
  // Another officer's batch and a batch that does not exist get the same answer.
  if (!doc || by !== (req.user as { id: number } | null)?.id) refuse('not-found', 'batch', 'Không tìm thấy lượt nhập này', 'No such import batch')
  return doc!
}

async function planOf(req: PayloadRequest, doc: BatchDoc, decisions: DuplicateDecision[]): Promise<ImportPlan> {
  const file = Buffer.from(dataKeyring().open(doc.file as string, SEAL_FIELD), 'base64')
  const unitId = typeof doc.defaultUnit === 'object' ? (doc.defaultUnit as { id: number } | null)?.id : (doc.defaultUnit as number | null)
  return planImport(req, await readImportWorkbook(file), { mode: doc.mode as ImportMode, decisions, defaultUnitCode: await unitCodeOf(req, unitId) })
}

const storePlan = (req: PayloadRequest, id: number, plan: ImportPlan, extra: Record<string, unknown> = {}) =>
  req.payload.update({
    collection: 'import-batches',
    id,
    overrideAccess: true,
    depth: 0,
    req,
    data: { counts: plan.counts, problems: plan.problems, rows: plan.rows, baseHashes: plan.baseHashes, ...extra } as never,
  }) as unknown as Promise<BatchDoc>

/** Decisions on possible duplicates (same person → that record is updated; different person → created, with a reason). */
export async function decideDuplicates(req: PayloadRequest, id: number, body: unknown): Promise<ImportBatchView> {
  const doc = await ownBatch(req, id)
  if (doc.status !== 'previewed') throw conflict('Lượt nhập này đã được ghi', 'This import batch is already committed')
  const list = (body && typeof body === 'object' && Array.isArray((body as { decisions?: unknown }).decisions) ? (body as { decisions: unknown[] }).decisions : [body]) as Array<Record<string, unknown>>
  const rows = (doc.rows as ImportPlan['rows']) ?? []
  const decided = new Map(((doc.decisions as DuplicateDecision[]) ?? []).map((d) => [d.row, d]))
  for (const d of list) {
    const row = Number(d?.row)
    const outcome = rows.find((r) => r.row === row && r.duplicateOf)
    if (!outcome && !decided.has(row)) refuse('invalid', 'row', `Dòng ${d?.row} không phải là hồ sơ có thể trùng`, `Row ${d?.row} is not a possible duplicate`)
    if (d.decision === 'same') {
      const staffId = Number(d.staffId)
      const candidates = outcome?.duplicateOf ?? []
      if (outcome && !candidates.some((c) => c.staffId === staffId)) {
        refuse('invalid', 'staffId', `Dòng ${row}: "cùng một người" phải chỉ ra một trong các hồ sơ có thể trùng`, `Row ${row}: "same person" must name one of the candidate records`)
      }
      decided.set(row, { row, decision: 'same', staffId, reason: typeof d.reason === 'string' ? d.reason.trim() || null : null })
    } else if (d.decision === 'different') {
      const reason = typeof d.reason === 'string' ? d.reason.trim() : ''
      if (!reason) refuse('invalid', 'reason', `Dòng ${row}: "khác người" cần ghi lý do`, `Row ${row}: "different person" needs a reason`)
      decided.set(row, { row, decision: 'different', staffId: null, reason: reason.slice(0, 1000) })
    } else {
      refuse('invalid', 'decision', 'Quyết định phải là "same" (cùng một người) hoặc "different" (khác người)', 'The decision must be "same" or "different"')
    }
  }
  const decisions = [...decided.values()]
  const plan = await planOf(req, doc, decisions)
  return view(await storePlan(req, id, plan, { decisions }))
}

/** Only the items that differ (a field Payload would otherwise rewrite with the same value stays out of the audit). */
function changed(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(after)) if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) out[k] = v
  return out
}

/** Writes one person's planned change through the Local API on behalf of the writer (access rules and hooks apply). */
async function applyChange(req: PayloadRequest, change: PlannedChange, toData: (c: PlannedChange['next']) => PayloadRecordData): Promise<number> {
  const { payload } = req
  const base = toData(change.base)
  const next = toData(change.next)
  const common = { req, overrideAccess: false, depth: 0 } as const
  let staffId = change.staffId
  if (staffId == null) {
    const data = Object.fromEntries(Object.entries(next.staff).filter(([, v]) => v !== null))
    staffId = (await payload.create({ collection: 'staff', data: data as never, ...common })).id as number
  } else {
    const diff = changed(base.staff, next.staff)
    if (Object.keys(diff).length) await payload.update({ collection: 'staff', id: staffId, data: diff as never, ...common })
  }
  for (const [slug, rows] of Object.entries(next.histories)) {
    const old = new Map((base.histories[slug] ?? []).map((r) => [r.id, r.data]))
    const kept = new Set<number>()
    for (const row of rows) {
      if (row.id == null) {
        const data = Object.fromEntries(Object.entries(row.data).filter(([, v]) => v !== null))
        await payload.create({ collection: slug as 'awards', data: { ...data, staff: staffId } as never, ...common })
        continue
      }
      kept.add(row.id)
      const diff = changed(old.get(row.id) ?? {}, row.data)
      if (Object.keys(diff).length) await payload.update({ collection: slug as 'awards', id: row.id, data: diff as never, ...common })
    }
    for (const id of old.keys()) if (id != null && !kept.has(id)) await payload.delete({ collection: slug as 'awards', id, ...common })
  }
  return staffId
}

/**
 * Commit: all or nothing, in one transaction. The stored file is planned again inside it, with the records it
 * reads locked; when any of them changed since the preview (another hash), nothing is written, the preview is
 * redone and the answer is 409.
 */
export async function commitImport(req: PayloadRequest, id: number): Promise<ImportBatchView> {
  const doc = await ownBatch(req, id)
  if (doc.status !== 'previewed') throw conflict('Lượt nhập này đã được ghi', 'This import batch is already committed')
  const counts = doc.counts as ImportPlan['counts']
  if (counts.refused || counts.possibleDuplicates) {
    throw conflict(
      `Chưa ghi được: còn ${counts.refused} dòng bị từ chối và ${counts.possibleDuplicates} hồ sơ có thể trùng chưa quyết định; hãy sửa tệp và chạy thử lại`,
      `Not committed: ${counts.refused} refused rows and ${counts.possibleDuplicates} undecided possible duplicates remain; fix the file and dry-run again`,
    )
  }
  const decisions = (doc.decisions as DuplicateDecision[]) ?? []
  let stale = null as ImportPlan | null
  req.context = { ...(req.context ?? {}), importBatch: id }
  try {
    const out = await inTransaction(req, async () => {
      const stored = (doc.baseHashes as Record<string, string>) ?? {}
      const ids = Object.keys(stored).map(Number)
      if (ids.length) {
        const db = await transactionDb(req.payload, req)
        await db.execute(sql`SELECT id FROM staff WHERE id = ANY(string_to_array(${ids.join(',')}, ',')::int[]) ORDER BY id FOR UPDATE`)
      }
      const plan = await planOf(req, doc, decisions)
      const same =
        plan.counts.refused === 0 &&
        plan.counts.possibleDuplicates === 0 &&
        canonicalSha256(plan.baseHashes) === canonicalSha256(stored) &&
        canonicalSha256(plan.counts) === canonicalSha256(counts)
      if (!same) {
        stale = plan
        throw conflict(
          'Hồ sơ đã thay đổi từ lần chạy thử: bản xem trước đã được làm lại, hãy xem lại rồi ghi',
          'Records changed since the dry run: the preview was redone; review it and commit again',
        )
      }
      const { resolver } = await recordReferences(req.payload, req)
      const toData = (r: PlannedChange['next']) => fromCanonicalRecord(r, resolver)
      const results: Array<{ row: number; staffId: number }> = []
      for (const change of plan.changes) results.push({ row: change.row, staffId: await applyChange(req, change, toData) })
      const rows = plan.rows.map((r) => (r.staffId == null ? { ...r, staffId: results.find((x) => x.row === r.row)?.staffId ?? null } : r))
      return (await req.payload.update({
        collection: 'import-batches',
        id,
        overrideAccess: true,
        depth: 0,
        req,
        data: { status: 'committed', committedAt: new Date().toISOString(), rows, counts: plan.counts } as never,
      })) as unknown as BatchDoc
    })
    return view(out)
  } catch (e) {
    if (stale) await storePlan(req, id, stale)
    throw e
  } finally {
    delete (req.context as { importBatch?: number }).importBatch
  }
}

/** The batch as its owner sees it. */
export async function importBatch(req: PayloadRequest, id: number): Promise<ImportBatchView> {
  return view(await ownBatch(req, id))
}

/** The stored file (for the result workbook). */
export async function batchFile(req: PayloadRequest, id: number): Promise<{ file: Buffer; batch: ImportBatchView }> {
  const doc = await ownBatch(req, id)
  return { file: Buffer.from(dataKeyring().open(doc.file as string, SEAL_FIELD), 'base64'), batch: view(doc) }
}
