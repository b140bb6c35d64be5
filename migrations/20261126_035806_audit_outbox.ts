import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: the read-event outbox. Logging a read must not cost a chained insert (advisory lock, hash,
 * two trigram indexes) on the request's path, so a read's event is one plain INSERT into `audit_outbox`
 * (no lock, no chain, no secondary index), and the drainer (src/audit/outbox.ts) moves outbox rows into the
 * chained `audit_events` in batches with hoso_audit_drain_outbox().
 *
 * - The database stamps `queued_at` (a client's value is overwritten) — it becomes the event's `occurred_at`.
 * - UPDATE and TRUNCATE of the outbox are refused for everyone. A DELETE is allowed only for a row whose event
 *   is already in the chain (`audit_events.outbox_id`, unique): whoever runs it, an outbox row can leave only
 *   once its event is kept, so no flag or privilege can make an event disappear.
 * - A chained row that names an outbox row takes its content from that row (the chain trigger copies it), so
 *   an outbox row cannot be "moved" into a different event; `outbox_id` is unique, so it is chained once.
 * - hoso_audit_drain_outbox(max_rows, wait): under a transaction-level advisory lock (one drainer at a time
 *   across all app instances; `wait => false` gives up at once when another one holds it), chains up to
 *   max_rows outbox rows in id order and deletes them, in one transaction. Returns how many it moved, or
 *   -1 when it did not get the lock.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE audit_outbox (
    id bigserial PRIMARY KEY,
    queued_at timestamp(3) with time zone NOT NULL DEFAULT clock_timestamp(),
    operation enum_audit_events_operation NOT NULL,
    target_collection varchar,
    record_ids varchar,
    subjects varchar,
    subject_units varchar,
    actor_id numeric,
    actor_name varchar,
    actor_roles varchar,
    ip varchar,
    user_agent varchar,
    request_id varchar,
    purpose varchar,
    changes jsonb,
    detail jsonb
  );

  ALTER TABLE audit_events ADD COLUMN outbox_id bigint;
  CREATE UNIQUE INDEX audit_events_outbox_id_idx ON audit_events (outbox_id) WHERE outbox_id IS NOT NULL;

  CREATE FUNCTION hoso_audit_outbox_stamp() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    NEW.queued_at := date_trunc('milliseconds', clock_timestamp());
    RETURN NEW;
  END
  $fn$;

  CREATE FUNCTION hoso_audit_outbox_protect() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_events WHERE outbox_id = OLD.id) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Hàng đợi nhật ký chỉ được ghi thêm; một sự kiện chỉ rời hàng đợi khi đã vào nhật ký / the audit outbox is append-only; an event leaves it only once chained (%)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $fn$;

  CREATE TRIGGER audit_outbox_stamp BEFORE INSERT ON audit_outbox
    FOR EACH ROW EXECUTE FUNCTION hoso_audit_outbox_stamp();
  CREATE TRIGGER audit_outbox_protect BEFORE UPDATE OR DELETE ON audit_outbox
    FOR EACH ROW EXECUTE FUNCTION hoso_audit_outbox_protect();
  CREATE TRIGGER audit_outbox_no_truncate BEFORE TRUNCATE ON audit_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION hoso_audit_outbox_protect();

  -- The chain trigger of migrations/*audit_chain*, plus: a row naming an outbox row takes that row's content
  -- and its time (when the read happened, not when it was chained).
  CREATE OR REPLACE FUNCTION hoso_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    last_seq numeric;
    last_hash varchar;
    o audit_outbox;
  BEGIN
    PERFORM pg_advisory_xact_lock(1752134511, 1);
    IF NEW.outbox_id IS NOT NULL THEN
      SELECT * INTO o FROM audit_outbox WHERE id = NEW.outbox_id;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'audit outbox row % does not exist', NEW.outbox_id USING ERRCODE = 'foreign_key_violation';
      END IF;
      NEW.operation := o.operation;
      NEW.target_collection := o.target_collection;
      NEW.record_ids := o.record_ids;
      NEW.subjects := o.subjects;
      NEW.subject_units := o.subject_units;
      NEW.actor_id := o.actor_id;
      NEW.actor_name := o.actor_name;
      NEW.actor_roles := o.actor_roles;
      NEW.ip := o.ip;
      NEW.user_agent := o.user_agent;
      NEW.request_id := o.request_id;
      NEW.purpose := o.purpose;
      NEW.changes := o.changes;
      NEW.detail := o.detail;
    END IF;
    SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.occurred_at := coalesce(o.queued_at, date_trunc('milliseconds', clock_timestamp()));
    NEW.hash := NULL;
    NEW.hash := encode(sha256(convert_to(hoso_audit_canonical(NEW), 'UTF8')), 'hex');
    RETURN NEW;
  END
  $fn$;

  CREATE FUNCTION hoso_audit_drain_outbox(max_rows integer DEFAULT 5000, wait boolean DEFAULT true) RETURNS integer
  LANGUAGE plpgsql AS $fn$
  DECLARE
    ids bigint[];
  BEGIN
    IF wait THEN
      PERFORM pg_advisory_xact_lock(1752134511, 2);
    ELSIF NOT pg_try_advisory_xact_lock(1752134511, 2) THEN
      RETURN -1;
    END IF;
    SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO ids
      FROM (SELECT id FROM audit_outbox ORDER BY id LIMIT max_rows) b;
    IF cardinality(ids) = 0 THEN
      RETURN 0;
    END IF;
    INSERT INTO audit_events (outbox_id, operation)
      SELECT id, operation FROM audit_outbox WHERE id = ANY(ids) ORDER BY id;
    DELETE FROM audit_outbox WHERE id = ANY(ids);
    RETURN cardinality(ids);
  END
  $fn$;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP FUNCTION IF EXISTS hoso_audit_drain_outbox(integer, boolean);
  CREATE OR REPLACE FUNCTION hoso_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    last_seq numeric;
    last_hash varchar;
  BEGIN
    PERFORM pg_advisory_xact_lock(1752134511, 1);
    SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.occurred_at := date_trunc('milliseconds', clock_timestamp());
    NEW.hash := NULL;
    NEW.hash := encode(sha256(convert_to(hoso_audit_canonical(NEW), 'UTF8')), 'hex');
    RETURN NEW;
  END
  $fn$;
  DROP TABLE IF EXISTS audit_outbox;
  DROP FUNCTION IF EXISTS hoso_audit_outbox_protect();
  DROP FUNCTION IF EXISTS hoso_audit_outbox_stamp();
  DROP INDEX IF EXISTS audit_events_outbox_id_idx;
  ALTER TABLE audit_events DROP COLUMN IF EXISTS outbox_id;
  `)
}
