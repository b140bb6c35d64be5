import type { PayloadRequest } from 'payload'

import { actorOf } from '../accounts/actor'
import { historyCatalogue, infoOfPath, staffCatalogue } from '../changeRequests/catalogue'
import { codeNames } from '../changeRequests/display'
import { loadOfficial, openRequestOf } from '../changeRequests/workflow'
import { diffProposal } from '../domain/changeRequest'
import { NO_PENDING, type PendingChanges } from '../domain/forms'
import type { RowChange } from '../domain/recordDiff'
import { hasApprovalAuthority } from '../domain/submission'

/**
 * The unapproved changes of a staff record for the review print: the difference between its open change
 * request and the official record, with code-list values named. Only the person and HR with approval
 * authority see declarations; anyone else who may print the record gets the official data alone.
 */
export async function pendingChangesFor(req: PayloadRequest, staffId: number): Promise<PendingChanges> {
  const actor = actorOf(req)
  if (!actor) return NO_PENDING
  const request = await openRequestOf(req, staffId)
  if (!request?.proposal) return NO_PENDING
  const official = await loadOfficial(req, staffId)
  const own = actor.staffId === staffId
  if (!own && !hasApprovalAuthority(actor, { staffId, unitPath: String(official.doc.unitPath ?? '') })) return NO_PENDING
  const diff = diffProposal(official.snapshot, request.proposal)

  // Code-list values as { id, name }, the shape the print formats.
  const staff = staffCatalogue(req.payload)
  const ids = new Set<number>()
  const isCode = (info: { type: string } | undefined) => info?.type === 'code'
  for (const c of diff.fields) if (isCode(infoOfPath(c.field, staff)) && c.after != null) ids.add(Number(c.after))
  for (const r of diff.rows) {
    const { fields } = historyCatalogue(req.payload, r.collection)
    for (const f of fields) if (f.type === 'code' && r.after?.[f.name] != null) ids.add(Number(r.after[f.name]))
  }
  const names = await codeNames(req, ids)
  const named = (v: unknown) => (v == null ? v : { id: v, name: names.get(Number(v)) ?? String(v) })
  return {
    fields: diff.fields.map((c) => (isCode(infoOfPath(c.field, staff)) ? { ...c, after: named(c.after) } : c)),
    rows: diff.rows.map((r): RowChange => {
      const codes = historyCatalogue(req.payload, r.collection).fields.filter((f) => f.type === 'code').map((f) => f.name)
      const name = (row?: Record<string, unknown>) => row && Object.fromEntries(Object.entries(row).map(([k, v]) => [k, codes.includes(k) ? named(v) : v]))
      return { ...r, after: name(r.after), fields: r.fields?.map((c) => (codes.includes(c.field) ? { ...c, after: named(c.after) } : c)) }
    }),
  }
}
