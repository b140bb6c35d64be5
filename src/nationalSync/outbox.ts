/**
 * Writing the national sync outbox (migrations/20261207_202000_national_sync_outbox.ts) — in the SAME transaction as
 * the official change: the hooks of the staff record and its histories (hooks/nationalSync/) call these on the
 * request's transaction (req.transactionID, like src/audit/record.ts), so a rolled-back change leaves no entry and a
 * committed one always has it.
 *
 * One business step = one entry per record: the hooks of one transaction (an approval writing the record and three
 * history rows, a decision closing a row and opening another) merge into the entry this transaction already wrote
 * (same `tx_id`), which then holds the record as the step leaves it. The record's row is locked first (FOR UPDATE), so
 * two transactions changing one person write their entries one after the other, in commit order: the order of ids
 * per record is the order of the changes.
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { dataKeyring } from '../crypto/dataKey'
import { transactionDb } from '../db/pool'
import { mergeGroups } from '../domain/nationalSync'
import { canonicalJson, canonicalSha256, RECORD_SCHEMA_ID } from '../domain/record'
import { INDEXED_FIELD, isSealed, normalizeIdentifier } from '../domain/sealedValue'
import { LIFECYCLE_CONTEXT } from '../lifecycle/apply'
import { loadCanonicalRecord } from '../records/canonicalRecords'

/** AAD names of the sealed outbox columns (a value copied into another column does not open). */
export const SEALED_PERSON_KEY = 'nationalSync.personKey'
export const SEALED_RECORD = 'nationalSync.record'

/** What kind of business step made the change, for the entry's `sources`. */
export function changeSource(req: PayloadRequest): string {
  const ctx = (req.context ?? {}) as Record<string, unknown>
  if (typeof ctx.nationalSyncSource === 'string') return ctx.nationalSyncSource
  if (ctx.approvedChangeRequest) return 'declaration'
  if (ctx.selfService) return 'self-service'
  if (ctx[LIFECYCLE_CONTEXT] != null) return 'decision'
  return 'edit'
}

/** A stored identifier in clear (a previous document may hold it sealed or in clear). */
export function plainIdentifier(value: unknown): string | null {
  if (isSealed(value)) return dataKeyring().open(value, INDEXED_FIELD)
  return normalizeIdentifier(value)
}

const textArray = (items: readonly string[]) => sql`string_to_array(${items.join(',')}, ',')::text[]`

export interface OfficialChange {
  staffId: number
  groups: readonly string[]
  /** The CCCD before this change, when the change replaced it (a new card): the entry links the old key to the new. */
  previousPersonKey?: string | null
}

/**
 * Records an official change of `staffId`'s record: the record after the change as canonical JSON, sealed, with its
 * SHA-256, the person's số định danh (sealed, with its blind index), the groups changed. Merges into this
 * transaction's entry for the record when there is one.
 */
export async function recordOfficialChange(req: PayloadRequest, change: OfficialChange): Promise<void> {
  if (!change.groups.length && !change.previousPersonKey) return
  const db = await transactionDb(req.payload, req)
  const locked = await db.execute(sql`SELECT id FROM staff WHERE id = ${change.staffId} FOR UPDATE`)
  if (!locked.rows.length) return
  const record = await loadCanonicalRecord({ system: true, payload: req.payload, req }, change.staffId)
  if (!record) return
  const keyring = dataKeyring()
  const identifiers = (record.identifiers ?? {}) as Record<string, unknown>
  const personKey = normalizeIdentifier(identifiers.nationalId)
  const previous = change.previousPersonKey && change.previousPersonKey !== personKey ? change.previousPersonKey : null
  const sealedKey = personKey ? keyring.seal(personKey, SEALED_PERSON_KEY) : null
  const keyIndex = personKey ? keyring.blindIndex(personKey, INDEXED_FIELD) : null
  const sealedPrevious = previous ? keyring.seal(previous, SEALED_PERSON_KEY) : null
  const sealedRecord = keyring.seal(canonicalJson(record), SEALED_RECORD)
  const sha = canonicalSha256(record)
  const source = changeSource(req)

  const existing = (
    await db.execute(sql`SELECT id, groups, sources, previous_person_key FROM national_sync_outbox
                          WHERE tx_id = txid_current() AND staff_id = ${change.staffId} AND kind = 'upsert' LIMIT 1`)
  ).rows[0] as { id: number; groups: string[]; sources: string[]; previous_person_key: string | null } | undefined
  if (existing) {
    await db.execute(sql`
      UPDATE national_sync_outbox
         SET person_key = ${sealedKey}, person_key_index = ${keyIndex},
             previous_person_key = ${existing.previous_person_key ?? sealedPrevious},
             groups = ${textArray(mergeGroups(existing.groups, change.groups))},
             sources = ${textArray(mergeGroups(existing.sources, [source]))},
             record = ${sealedRecord}, record_sha256 = ${sha}, record_schema = ${RECORD_SCHEMA_ID},
             completed_at = clock_timestamp(), next_attempt_at = clock_timestamp()
       WHERE id = ${existing.id}`)
    return
  }
  await db.execute(sql`
    INSERT INTO national_sync_outbox (staff_id, kind, person_key, person_key_index, previous_person_key, groups, sources,
                                      record_schema, record, record_sha256)
    VALUES (${change.staffId}, 'upsert', ${sealedKey}, ${keyIndex}, ${sealedPrevious}, ${textArray(mergeGroups(change.groups))},
            ${textArray([source])}, ${RECORD_SCHEMA_ID}, ${sealedRecord}, ${sha})`)
}

/** Records the deletion of a record (ministry HR): the national side is told the key no longer has a record here. */
export async function recordDeletion(req: PayloadRequest, staffId: number, nationalId: unknown): Promise<void> {
  const db = await transactionDb(req.payload, req)
  const personKey = plainIdentifier(nationalId)
  const keyring = dataKeyring()
  await db.execute(sql`
    INSERT INTO national_sync_outbox (staff_id, kind, person_key, person_key_index, groups, sources, record_schema)
    VALUES (${staffId}, 'delete', ${personKey ? keyring.seal(personKey, SEALED_PERSON_KEY) : null},
            ${personKey ? keyring.blindIndex(personKey, INDEXED_FIELD) : null}, ${textArray([])}, ${textArray([changeSource(req)])},
            ${RECORD_SCHEMA_ID})`)
}
