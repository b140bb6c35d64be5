import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: the audit trail's tamper evidence lives in PostgreSQL, so no writer can fork the chain or
 * rewrite it through the application.
 *
 * - BEFORE INSERT: under a transaction-level advisory lock (held to commit, so concurrent writers queue and
 *   each sees the previous committed event), number the event (seq = last + 1), stamp the server time and
 *   hash it: hash = sha256(canonical text of the row, including the previous event's hash). Values a
 *   client sends for seq, occurred_at, prev_hash or hash are overwritten.
 * - The canonical text is each field in a fixed order as `<UTF-8 byte length>:<text>` (NULL as `~`),
 *   after the tag `hoso-audit-v1|`; src/domain/auditChain.ts builds the same text in Node and
 *   `npm run audit:verify` recomputes the chain with it.
 * - UPDATE, DELETE and TRUNCATE are refused for everyone. The one exception is hoso_audit_apply_retention(),
 *   which deletes events older than the database setting hoso.audit_retention_days (unset: keep forever),
 *   always a prefix of the chain and never the newest event, so what remains still verifies.
 *   A database superuser can still disable triggers: the chain is what detects that (audit:verify).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION hoso_audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
    SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(convert_to(v, 'UTF8'))::text || ':' || v END
  $fn$;

  CREATE OR REPLACE FUNCTION hoso_audit_canonical(e audit_events) RETURNS text LANGUAGE sql STABLE AS $fn$
    SELECT 'hoso-audit-v1|'
      || hoso_audit_field(e.seq::text)
      || hoso_audit_field(e.prev_hash)
      || hoso_audit_field(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      || hoso_audit_field(e.operation::text)
      || hoso_audit_field(e.target_collection)
      || hoso_audit_field(e.record_ids)
      || hoso_audit_field(e.subjects)
      || hoso_audit_field(e.subject_units)
      || hoso_audit_field(e.actor_id::text)
      || hoso_audit_field(e.actor_name)
      || hoso_audit_field(e.actor_roles)
      || hoso_audit_field(e.ip)
      || hoso_audit_field(e.user_agent)
      || hoso_audit_field(e.request_id)
      || hoso_audit_field(e.purpose)
      || hoso_audit_field(e.changes::text)
      || hoso_audit_field(e.detail::text)
  $fn$;

  CREATE OR REPLACE FUNCTION hoso_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    last_seq numeric;
    last_hash varchar;
  BEGIN
    -- 0x686f736f = 'hoso': one lock for the whole trail, released at commit or rollback.
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

  CREATE OR REPLACE FUNCTION hoso_audit_protect() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP = 'DELETE' AND current_setting('hoso.audit_pruning', true) = 'on' THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Nhật ký truy cập chỉ được ghi thêm, không được sửa hoặc xóa / the audit trail is append-only (%)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $fn$;

  CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION hoso_audit_chain();
  CREATE TRIGGER audit_events_protect BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION hoso_audit_protect();
  CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION hoso_audit_protect();

  -- Retention (domain.md §6.1 Điều 25: "trong thời hạn theo quy định"): off unless the database setting
  -- hoso.audit_retention_days is set, e.g. ALTER DATABASE hoso SET hoso.audit_retention_days = '3650'.
  -- Deletes the oldest events only (a prefix), never the newest one; returns how many were removed.
  CREATE OR REPLACE FUNCTION hoso_audit_apply_retention() RETURNS integer LANGUAGE plpgsql AS $fn$
  DECLARE
    days integer := nullif(current_setting('hoso.audit_retention_days', true), '')::integer;
    cut numeric;
    removed integer;
  BEGIN
    IF days IS NULL OR days <= 0 THEN
      RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(1752134511, 1);
    SELECT min(seq) INTO cut FROM audit_events WHERE occurred_at >= now() - make_interval(days => days);
    IF cut IS NULL THEN
      SELECT max(seq) INTO cut FROM audit_events;
    END IF;
    PERFORM set_config('hoso.audit_pruning', 'on', true);
    DELETE FROM audit_events WHERE seq < cut;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('hoso.audit_pruning', 'off', true);
    RETURN removed;
  END
  $fn$;

  -- "Everything about this person / this unit's subtree": LIKE '%.42.%' on the dotted id lists.
  CREATE INDEX audit_events_subjects_trgm ON audit_events USING gin (subjects gin_trgm_ops);
  CREATE INDEX audit_events_subject_units_trgm ON audit_events USING gin (subject_units gin_trgm_ops);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS audit_events_subject_units_trgm;
  DROP INDEX IF EXISTS audit_events_subjects_trgm;
  DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
  DROP TRIGGER IF EXISTS audit_events_protect ON audit_events;
  DROP TRIGGER IF EXISTS audit_events_chain ON audit_events;
  DROP FUNCTION IF EXISTS hoso_audit_apply_retention();
  DROP FUNCTION IF EXISTS hoso_audit_protect();
  DROP FUNCTION IF EXISTS hoso_audit_chain();
  DROP FUNCTION IF EXISTS hoso_audit_canonical(audit_events);
  DROP FUNCTION IF EXISTS hoso_audit_field(text);
  `)
}
