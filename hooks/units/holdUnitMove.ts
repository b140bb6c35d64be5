import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { APPLYING_SECURITY_REQUEST } from '../../src/accounts/contextFlags'
import { requestSecurityChange } from '../../src/accounts/securityRequests'
import { recordAuditEvent } from '../../src/audit/record'
import { transactionDb } from '../../src/db/pool'
import { unitMoveWaits } from '../../src/domain/accountSecurity'
import { relationId } from '../../src/domain/relationId'
import { sql } from '@payloadcms/db-postgres'

interface Move {
  unitId: number
  from: number | null
  to: number | null
  waits: boolean
  people: number
}
const CONTEXT_KEY = 'hosoUnitMoves'
const moves = (req: PayloadRequest): Move[] => (((req.context as Record<string, unknown>)[CONTEXT_KEY] as Move[]) ??= [])

async function peopleUnder(req: PayloadRequest, path: string): Promise<number> {
  const db = await transactionDb(req.payload, req)
  const { rows } = await db.execute(sql`SELECT count(*)::int AS n FROM staff WHERE unit_path LIKE ${`${path.replace(/[\\%_]/g, '\\$&')}%`}`)
  return Number((rows[0] as { n: number }).n)
}

/**
 * Moving a unit under another parent moves its whole subtree — and its people's records — into another HR
 * officer's scope. When the subtree holds people the move waits for ministry HR (src/domain/accountSecurity.ts):
 * the parent stays as it is and a request is stored. Every move, done or requested, is an audit event.
 */
export const holdUnitMove: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || !('parent' in data)) return data
  const from = relationId(originalDoc.parent)
  const to = relationId(data.parent)
  if (from === to) return data
  const context = req.context as Record<string, unknown>
  const people = originalDoc.path ? await peopleUnder(req, String(originalDoc.path)) : 0
  // The installation's own writes (seed, migrations' data) and an approved move being applied go through.
  const waits = Boolean(req.user) && !context[APPLYING_SECURITY_REQUEST] && unitMoveWaits(people)
  if (waits) data.parent = originalDoc.parent
  if (!context[APPLYING_SECURITY_REQUEST]) moves(req).push({ unitId: Number(originalDoc.id), from, to, waits, people })
  return data
}

export const recordUnitMove: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'update') return doc
  const list = moves(req)
  const i = list.findIndex((m) => m.unitId === Number(doc.id))
  if (i < 0) return doc
  const [move] = list.splice(i, 1)
  const m = move!
  if (m.waits) {
    await requestSecurityChange(req, { kind: 'unit-move', unitId: m.unitId, previousParent: m.from, newParent: m.to, summary: `${doc.code}: ${m.from ?? '—'} → ${m.to ?? '—'} (${m.people})` })
  } else {
    await recordAuditEvent(req, { operation: 'update', collection: 'units', recordIds: [m.unitId], detail: { change: 'unit-move', from: m.from, to: m.to, people: m.people } })
  }
  return doc
}
