import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * When a staff record's e-mail address last changed, kept by the database for every write path. Account
 * issuance (src/accounts/issueAccounts.ts) does not send an activation link to an address changed within
 * the hold period: whoever edited it (an HR officer can) must not receive the link to someone else's account.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE staff_email_changes (
      id serial PRIMARY KEY,
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      changed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX staff_email_changes_staff_idx ON staff_email_changes (staff_id, changed_at DESC);

    CREATE FUNCTION hoso_log_staff_email_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.email IS DISTINCT FROM OLD.email THEN
        INSERT INTO staff_email_changes (staff_id) VALUES (NEW.id);
      END IF;
      RETURN NEW;
    END $$;

    CREATE TRIGGER staff_email_change AFTER UPDATE OF email ON staff
      FOR EACH ROW EXECUTE FUNCTION hoso_log_staff_email_change();
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TRIGGER IF EXISTS staff_email_change ON staff;
    DROP FUNCTION IF EXISTS hoso_log_staff_email_change();
    DROP TABLE IF EXISTS staff_email_changes;
  `)
}
