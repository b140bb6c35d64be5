/**
 * The wire format of a sync message — a REPLACEABLE module. The national side's message format (QĐ 356/QĐ-BNV
 * "cấu trúc mã định danh và định dạng dữ liệu gói tin") and the decree's annex (NĐ 27/2026: 10 groups, 194 fields)
 * were not obtained, so nothing here claims to be them: `hoso-json/1` carries hoso's own canonical record
 * ("hoso.record/1", docs/record-json.md) with the entry's key, groups, hash and times. When the official format is
 * known, a new WireFormat maps the canonical record to it and HOSO_NATIONAL_SYNC_FORMAT selects it; the outbox, the
 * sender and the adapters do not change.
 */
import { canonicalJson } from '../domain/record'

/** One outbox entry as the sender hands it to a format (identifiers in clear: only in memory, on the way out). */
export interface OutboxMessage {
  /** The outbox id: increasing per record in the order of the changes. */
  sequence: number
  /** Stable across retries: the receiver keeps one copy per key. */
  idempotencyKey: string
  kind: 'upsert' | 'delete'
  /** Số định danh cá nhân (CCCD), the national key of the record; null when the record has none yet. */
  personKey: string | null
  /** The key before a change of CCCD number (a new card): the national side links the old record to the new key. */
  previousPersonKey: string | null
  groups: string[]
  recordSchema: string
  /** The canonical record after the change (null for a deletion). */
  record: Record<string, unknown> | null
  recordSha256: string | null
  /** When the business step completed (ISO 8601). */
  completedAt: string
}

export interface WireFormat {
  readonly id: string
  readonly contentType: string
  encode(message: OutboxMessage, agencyCode: string | null): Buffer
}

/** hoso's own JSON message (RFC 8785 canonical bytes, so the receiver can hash what it got). */
export const hosoJsonV1: WireFormat = {
  id: 'hoso-json/1',
  contentType: 'application/json; charset=utf-8',
  encode(m, agencyCode) {
    return Buffer.from(
      canonicalJson({
        format: 'hoso-json/1',
        agencyCode,
        messageId: m.idempotencyKey,
        sequence: m.sequence,
        kind: m.kind,
        personKey: m.personKey,
        previousPersonKey: m.previousPersonKey,
        groups: m.groups,
        recordSchema: m.recordSchema,
        record: m.record,
        recordSha256: m.recordSha256,
        completedAt: m.completedAt,
      }),
      'utf8',
    )
  },
}

const FORMATS: Record<string, WireFormat> = { [hosoJsonV1.id]: hosoJsonV1 }

export function wireFormat(id: string): WireFormat {
  const f = FORMATS[id]
  if (!f) throw new Error(`HOSO_NATIONAL_SYNC_FORMAT: không có định dạng "${id}" / no format "${id}" (known: ${Object.keys(FORMATS).join(', ')})`)
  return f
}
