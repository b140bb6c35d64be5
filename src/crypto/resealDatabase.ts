import { sql } from '@payloadcms/db-postgres'

import { INDEXED_FIELD, isSealed, mapSealedFields, normalizeIdentifier, SEALED_STAFF_FIELDS } from '../domain/sealedValue'
import type { Drizzle } from '../db/pool'
import type { DataKeyring } from './fieldCipher'

const COLUMNS: Record<(typeof SEALED_STAFF_FIELDS)[number], string> = {
  nationalId: 'national_id',
  socialInsuranceNumber: 'social_insurance_number',
  taxCode: 'tax_code',
}
const BATCH = 5000

export interface ResealResult {
  staff: number
  changeRequests: number
  /** National sync outbox entries (src/nationalSync/): the person's key, the previous key, the record. */
  nationalSync: number
}

/** Sealed columns of the national sync outbox and the field name each is sealed with (src/nationalSync/outbox.ts). */
const OUTBOX_SEALED: ReadonlyArray<[column: string, field: string]> = [
  ['person_key', 'nationalSync.personKey'],
  ['previous_person_key', 'nationalSync.personKey'],
  ['record', 'nationalSync.record'],
]

/**
 * Brings every stored identifier to the current key: plaintext (a database from before encryption) and values
 * sealed with a previous key are sealed with the current one and the CCCD's blind index is recomputed;
 * `mode: 'plain'` does the reverse (the migration's `down`). Runs on the caller's transaction, in batches
 * keyed by id, one `UPDATE … FROM json_populate_recordset` per batch. Two records whose CCCDs differ only by
 * spaces become one value: that is refused, naming the records, before anything is written.
 */
export async function resealIdentifiers(db: Drizzle, keyring: DataKeyring, mode: 'seal' | 'plain' = 'seal'): Promise<ResealResult> {
  const plainOf = (field: string, v: unknown): string | null => (isSealed(v) ? keyring.open(v, field) : normalizeIdentifier(v))
  const target = (field: string, v: unknown): string | null => {
    const plain = plainOf(field, v)
    if (plain == null) return null
    if (mode === 'plain') return plain
    return isSealed(v) && keyring.isCurrent(v) ? v : keyring.seal(plain, field)
  }

  let staff = 0
  const seen = new Map<string, number>()
  const duplicates: Array<[number, number]> = []
  let after = 0
  for (;;) {
    const { rows } = await db.execute(sql`
      SELECT id, national_id, social_insurance_number, tax_code, national_id_index FROM staff
       WHERE id > ${after} AND (national_id IS NOT NULL OR social_insurance_number IS NOT NULL OR tax_code IS NOT NULL OR national_id_index IS NOT NULL)
       ORDER BY id LIMIT ${BATCH}`)
    if (!rows.length) break
    after = Number(rows.at(-1)!.id)
    const changed: Array<Record<string, unknown>> = []
    for (const row of rows) {
      const next: Record<string, unknown> = { id: row.id }
      for (const field of SEALED_STAFF_FIELDS) next[COLUMNS[field]] = target(field, row[COLUMNS[field]])
      const plainId = plainOf(INDEXED_FIELD, row.national_id)
      next.national_id_index = mode === 'plain' || plainId == null ? null : keyring.blindIndex(plainId, INDEXED_FIELD)
      if (plainId != null) {
        const other = seen.get(plainId)
        if (other != null) duplicates.push([other, Number(row.id)])
        else seen.set(plainId, Number(row.id))
      }
      if (Object.keys(next).some((k) => k !== 'id' && next[k] !== row[k])) changed.push(next)
    }
    if (duplicates.length) {
      throw new Error(
        `Các hồ sơ sau có cùng số CCCD (khác nhau chỉ ở dấu cách); sửa rồi chạy lại / These records share a citizen ID number ` +
          `(differing only in spaces); fix them and run again: ${duplicates.map(([a, b]) => `staff ${a} = staff ${b}`).join(', ')}`,
      )
    }
    if (changed.length) {
      await db.execute(sql`
        UPDATE staff s SET national_id = r.national_id, social_insurance_number = r.social_insurance_number,
                           tax_code = r.tax_code, national_id_index = r.national_id_index
          FROM json_populate_recordset(NULL::staff, ${JSON.stringify(changed)}::json) r
         WHERE s.id = r.id`)
      staff += changed.length
    }
  }

  // Change requests: the declared values and the official values they were written against.
  let changeRequests = 0
  const { rows: requests } = await db.execute(sql`SELECT id, proposal, base FROM change_requests WHERE proposal IS NOT NULL OR base IS NOT NULL ORDER BY id`)
  for (const row of requests) {
    const update = (json: unknown) => {
      const v = json as { fields?: Record<string, unknown> } | null
      if (!v?.fields) return json
      const fields = mapSealedFields(v.fields, (f, x) => (x == null ? x : target(f, x)))
      return fields === v.fields ? json : { ...v, fields }
    }
    const proposal = update(row.proposal)
    const base = update(row.base)
    if (proposal !== row.proposal || base !== row.base) {
      await db.execute(sql`UPDATE change_requests SET proposal = ${JSON.stringify(proposal)}::jsonb, base = ${JSON.stringify(base)}::jsonb WHERE id = ${row.id}`)
      changeRequests++
    }
  }
  // The national sync outbox is always sealed (it has no plain mode): re-sealed with the current key on rotation.
  let nationalSync = 0
  const exists = (await db.execute(sql`SELECT to_regclass('public.national_sync_outbox') IS NOT NULL AS ok`)).rows[0]?.ok
  if (mode === 'seal' && exists) {
    let last = 0
    for (;;) {
      const { rows } = await db.execute(sql`SELECT id, person_key, previous_person_key, record FROM national_sync_outbox WHERE id > ${last} ORDER BY id LIMIT ${BATCH}`)
      if (!rows.length) break
      last = Number(rows.at(-1)!.id)
      // Only values sealed with a former key change; the row is rewritten when one of its three does.
      const stale = (v: unknown): v is string => isSealed(v) && !keyring.isCurrent(v)
      const changed = rows
        .filter((row) => OUTBOX_SEALED.some(([column]) => stale(row[column])))
        .map((row) =>
          Object.fromEntries([
            ['id', row.id],
            ...OUTBOX_SEALED.map(([column, field]) => {
              const v = row[column]
              return [column, stale(v) ? keyring.seal(keyring.open(v, field), field) : v]
            }),
          ]),
        )
      if (changed.length) {
        await db.execute(sql`
          UPDATE national_sync_outbox o SET person_key = r.person_key, previous_person_key = r.previous_person_key, record = r.record
            FROM json_populate_recordset(NULL::national_sync_outbox, ${JSON.stringify(changed)}::json) r
           WHERE o.id = r.id`)
        nationalSync += changed.length
      }
    }
  }
  return { staff, changeRequests, nationalSync }
}
