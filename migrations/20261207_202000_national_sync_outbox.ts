import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: the national database sync outbox (NĐ 27/2026, src/nationalSync/). One row per official change of a
 * person's record, written in the change's own transaction (src/nationalSync/outbox.ts); the sender
 * (src/nationalSync/sender.ts) delivers rows in id order per record.
 *
 * - `person_key` / `previous_person_key`: the số định danh cá nhân (CCCD) now and before a change of it, sealed with
 *   the data key like the record's identifiers (covered by `npm run data-key:rotate`); `person_key_index` is its
 *   blind index (exact lookup without the plaintext).
 * - `record`: the canonical record JSON after the change ("hoso.record/N", docs/record-json.md), sealed (it holds
 *   the identifiers); `record_sha256` is the SHA-256 of its canonical bytes; `record_schema` the schema it follows.
 * - `tx_id`: the writing transaction; the hooks of one business step (an approval that touches the record and three
 *   history rows) merge into one row (src/nationalSync/outbox.ts).
 * - `completed_at`: when the business step completed (the last write of the transaction); `acknowledged_at`: when
 *   the national side acknowledged it; their difference is the delay the 1-day rule measures.
 * - No foreign key to staff: the entry of a deleted record must outlive it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE national_sync_outbox (
    id bigserial PRIMARY KEY,
    staff_id integer NOT NULL,
    kind varchar NOT NULL CHECK (kind IN ('upsert', 'delete')),
    person_key text,
    person_key_index varchar,
    previous_person_key text,
    groups text[] NOT NULL DEFAULT '{}',
    sources text[] NOT NULL DEFAULT '{}',
    record_schema varchar NOT NULL,
    record text,
    record_sha256 char(64),
    tx_id bigint NOT NULL DEFAULT txid_current(),
    completed_at timestamp(3) with time zone NOT NULL DEFAULT clock_timestamp(),
    idempotency_key uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    status varchar NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamp(3) with time zone NOT NULL DEFAULT clock_timestamp(),
    last_attempt_at timestamp(3) with time zone,
    last_error varchar,
    adapter varchar,
    acknowledged_at timestamp(3) with time zone,
    ack_reference varchar,
    alerted_at timestamp(3) with time zone
  );
  CREATE INDEX national_sync_outbox_staff_idx ON national_sync_outbox (staff_id, id);
  CREATE INDEX national_sync_outbox_tx_idx ON national_sync_outbox (tx_id, staff_id);
  CREATE INDEX national_sync_outbox_open_idx ON national_sync_outbox (next_attempt_at, id) WHERE status = 'pending';
  CREATE INDEX national_sync_outbox_status_idx ON national_sync_outbox (status, id);
  CREATE INDEX national_sync_outbox_person_idx ON national_sync_outbox (person_key_index);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS national_sync_outbox`)
}
