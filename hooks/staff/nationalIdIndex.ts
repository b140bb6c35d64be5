import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeOperationHook, FieldHook, PayloadRequest, Where } from 'payload'

import { recordAuditEvent } from '../../src/audit/record'
import { dataKeyring } from '../../src/crypto/dataKey'
import { DUPLICATE_NATIONAL_ID } from '../../src/domain/nationalId'
import { BLIND_INDEX_FIELD, INDEXED_FIELD, normalizeIdentifier, rewriteIdentifierWhere } from '../../src/domain/sealedValue'
import { transactionDb } from '../../src/db/pool'
import { throwIssues } from '../validationError'

const indexOf = (plain: string) => dataKeyring().blindIndex(plain, INDEXED_FIELD)

/**
 * The refused attempt, for ministry HR's review: an audit event about both records (found by ministry HR's audit
 * filter on either), written outside the save's transaction, which the refusal rolls back. The CCCD itself is
 * never written down.
 */
async function recordNationalIdConflict(req: PayloadRequest, self: number | null, other: number): Promise<void> {
  const outside = Object.assign(Object.create(Object.getPrototypeOf(req)), req, { transactionID: undefined }) as PayloadRequest
  await recordAuditEvent(outside, {
    operation: self == null ? 'create' : 'update',
    collection: 'staff',
    recordIds: self == null ? [] : [self],
    subjects: self == null ? [other] : [self, other],
    detail: { refused: 'national-id-conflict', record: self, otherRecord: other, reviewBy: 'ministry-hr' },
  })
}

/**
 * beforeChange of `nationalId`, before it is sealed: keeps its blind index in step and refuses a CCCD another
 * record already has, by name (the unique index on the blind index is the guarantee under concurrency).
 */
export const indexNationalId: FieldHook = async ({ value, siblingData, originalDoc, req }) => {
  if (value === undefined) return undefined
  const plain = normalizeIdentifier(value)
  const index = plain == null ? null : indexOf(plain)
  siblingData[BLIND_INDEX_FIELD] = index
  if (index != null) {
    const db = await transactionDb(req.payload, req)
    const self = originalDoc?.id == null ? null : Number(originalDoc.id)
    const { rows } = await db.execute(sql`SELECT id FROM staff WHERE national_id_index = ${index} AND id IS DISTINCT FROM ${self} LIMIT 1`)
    if (rows.length) {
      await recordNationalIdConflict(req, self, Number(rows[0]!.id))
      throwIssues('staff', [DUPLICATE_NATIONAL_ID], req)
    }
  }
  return plain ?? null
}

/** The digest is for the database only: never returned (the field's read rule also keeps it from filters). */
export const hideBlindIndex: FieldHook = () => null

/** Exact filters on the CCCD are answered through its blind index (src/domain/sealedValue.ts). */
export const lookupByBlindIndex: CollectionBeforeOperationHook = ({ args }) => {
  if (args && typeof args === 'object' && 'where' in args && args.where) {
    ;(args as { where: Where }).where = rewriteIdentifierWhere((args as { where: Where }).where, indexOf) as Where
  }
  return args
}
