import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written: the distinct names of the staff table, for the typo-tolerant name search.
 *
 * Vietnamese names repeat (a few family names, a few middle names): 100 000 people of the demo data carry
 * about 20 000 distinct unaccented names. The search's nearest-first trigram scan (KNN on a GiST index) is
 * several times cheaper over the distinct names than over every row, and the nearest people are exactly the
 * people of the nearest names (each name has at least one). `staff_names` holds each unaccented
 * `search_name` with how many people carry it, kept by triggers in the same transaction as the staff rows:
 * statement-level for inserts and deletes (a bulk load or a cascade is one grouped upsert), row-level for an
 * update that changes a name. A name leaves when its last person does. The GiST index on staff moves here;
 * the GIN index on staff stays for substring filters (ILIKE '%…%').
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE staff_names (
    search_name varchar PRIMARY KEY,
    people integer NOT NULL CHECK (people >= 0)
  );
  INSERT INTO staff_names (search_name, people)
    SELECT search_name, count(*) FROM staff WHERE search_name IS NOT NULL GROUP BY search_name;
  CREATE INDEX staff_names_search_name_gist_idx ON staff_names USING gist (search_name gist_trgm_ops);

  -- Adds delta (1 or -1) per occurrence of each name; a name whose count reaches 0 leaves. Inserts take the
  -- rows' locks in name order, so two concurrent bulk loads cannot deadlock on each other.
  CREATE OR REPLACE FUNCTION hoso_staff_names_count(names varchar[], delta integer) RETURNS void LANGUAGE plpgsql AS $fn$
  BEGIN
    IF delta > 0 THEN
      INSERT INTO staff_names AS n (search_name, people)
        SELECT name, count(*) * delta FROM unnest(names) AS name WHERE name IS NOT NULL GROUP BY name ORDER BY name
        ON CONFLICT (search_name) DO UPDATE SET people = n.people + EXCLUDED.people;
    ELSE
      UPDATE staff_names AS n SET people = greatest(n.people + d.k * delta, 0)
        FROM (SELECT name, count(*) AS k FROM unnest(names) AS name WHERE name IS NOT NULL GROUP BY name) AS d
       WHERE n.search_name = d.name;
      DELETE FROM staff_names WHERE people = 0 AND search_name = ANY(names);
    END IF;
  END
  $fn$;

  CREATE OR REPLACE FUNCTION hoso_staff_names_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM hoso_staff_names_count(ARRAY(SELECT search_name FROM new_rows), 1);
    RETURN NULL;
  END
  $fn$;

  CREATE OR REPLACE FUNCTION hoso_staff_names_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM hoso_staff_names_count(ARRAY(SELECT search_name FROM old_rows), -1);
    RETURN NULL;
  END
  $fn$;

  CREATE OR REPLACE FUNCTION hoso_staff_names_renamed() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    PERFORM hoso_staff_names_count(ARRAY[OLD.search_name], -1);
    PERFORM hoso_staff_names_count(ARRAY[NEW.search_name], 1);
    RETURN NULL;
  END
  $fn$;

  CREATE TRIGGER staff_names_inserted AFTER INSERT ON staff
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoso_staff_names_inserted();
  CREATE TRIGGER staff_names_deleted AFTER DELETE ON staff
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoso_staff_names_deleted();
  CREATE TRIGGER staff_names_renamed AFTER UPDATE OF search_name ON staff
    FOR EACH ROW WHEN (OLD.search_name IS DISTINCT FROM NEW.search_name) EXECUTE FUNCTION hoso_staff_names_renamed();

  DROP INDEX IF EXISTS staff_search_name_gist_idx;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS staff_search_name_gist_idx ON staff USING gist (search_name gist_trgm_ops);
  DROP TRIGGER IF EXISTS staff_names_renamed ON staff;
  DROP TRIGGER IF EXISTS staff_names_deleted ON staff;
  DROP TRIGGER IF EXISTS staff_names_inserted ON staff;
  DROP FUNCTION IF EXISTS hoso_staff_names_renamed();
  DROP FUNCTION IF EXISTS hoso_staff_names_deleted();
  DROP FUNCTION IF EXISTS hoso_staff_names_inserted();
  DROP FUNCTION IF EXISTS hoso_staff_names_count(varchar[], integer);
  DROP TABLE IF EXISTS staff_names;
  `)
}
