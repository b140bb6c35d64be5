import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written (Payload cannot express these): what PostgreSQL does better than application code.
 * - The unit tree as a materialized path ".1.7.42." kept by triggers: a unit's path follows its parent,
 *   a move re-paths the whole subtree in the same transaction, a cycle is refused. Each staff row carries
 *   its unit's path, so "staff in this subtree" is one indexed query (unit_path LIKE '%.7.%', GIN trigram).
 * - Accent-insensitive, typo-tolerant name search: trigram GIN index on the unaccented search_name.
 * - Vietnamese list order: sort_name ("tên họ đệm") compared with the ICU collation vi-x-icu.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  CREATE OR REPLACE FUNCTION hoso_units_set_path() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    parent_path varchar;
    parent_depth integer;
  BEGIN
    IF NEW.parent_id IS NULL THEN
      NEW.path := '.' || NEW.id || '.';
      NEW.depth := 0;
    ELSE
      SELECT path, depth INTO parent_path, parent_depth FROM units WHERE id = NEW.parent_id;
      IF parent_path LIKE '%.' || NEW.id || '.%' THEN
        RAISE EXCEPTION 'Đơn vị cấp trên không hợp lệ: không thể chuyển đơn vị % vào đơn vị cấp dưới của nó / a unit cannot be moved under its own sub-unit', NEW.id
          USING ERRCODE = 'check_violation';
      END IF;
      NEW.path := parent_path || NEW.id || '.';
      NEW.depth := parent_depth + 1;
    END IF;
    RETURN NEW;
  END
  $fn$;

  -- Children follow a moved parent, level by level (each child's BEFORE trigger reads the updated parent).
  CREATE OR REPLACE FUNCTION hoso_units_cascade_path() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    UPDATE units SET path = NULL WHERE parent_id = NEW.id;
    UPDATE staff SET unit_path = NEW.path WHERE unit_id = NEW.id;
    RETURN NULL;
  END
  $fn$;

  CREATE OR REPLACE FUNCTION hoso_staff_set_unit_path() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    SELECT path INTO NEW.unit_path FROM units WHERE id = NEW.unit_id;
    RETURN NEW;
  END
  $fn$;

  CREATE TRIGGER units_set_path BEFORE INSERT OR UPDATE ON units
    FOR EACH ROW EXECUTE FUNCTION hoso_units_set_path();
  CREATE TRIGGER units_cascade_path AFTER UPDATE ON units
    FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION hoso_units_cascade_path();
  CREATE TRIGGER staff_set_unit_path BEFORE INSERT OR UPDATE ON staff
    FOR EACH ROW EXECUTE FUNCTION hoso_staff_set_unit_path();

  -- Existing rows (none on a new database): compute paths top-down.
  UPDATE units SET path = NULL WHERE parent_id IS NULL;

  CREATE INDEX units_path_trgm_idx ON units USING gin (path gin_trgm_ops);
  CREATE INDEX staff_unit_path_trgm_idx ON staff USING gin (unit_path gin_trgm_ops);
  CREATE INDEX staff_search_name_trgm_idx ON staff USING gin (search_name gin_trgm_ops);
  ALTER TABLE staff ALTER COLUMN sort_name TYPE varchar COLLATE "vi-x-icu";
  CREATE INDEX staff_sort_name_idx ON staff (sort_name, id);
  ALTER TABLE staff ALTER COLUMN unit_path SET NOT NULL;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE staff ALTER COLUMN unit_path DROP NOT NULL;
  DROP INDEX IF EXISTS staff_sort_name_idx;
  ALTER TABLE staff ALTER COLUMN sort_name TYPE varchar COLLATE "default";
  DROP INDEX IF EXISTS staff_search_name_trgm_idx;
  DROP INDEX IF EXISTS staff_unit_path_trgm_idx;
  DROP INDEX IF EXISTS units_path_trgm_idx;
  DROP TRIGGER IF EXISTS staff_set_unit_path ON staff;
  DROP TRIGGER IF EXISTS units_cascade_path ON units;
  DROP TRIGGER IF EXISTS units_set_path ON units;
  DROP FUNCTION IF EXISTS hoso_staff_set_unit_path();
  DROP FUNCTION IF EXISTS hoso_units_cascade_path();
  DROP FUNCTION IF EXISTS hoso_units_set_path();
  `)
}
