import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Lockout back-off: Payload locks an account for 15 minutes after 5 failed sign-ins; each further lockout
 * without a successful sign-in in between doubles the time (15 min, 30 min, 1 h, 2 h … at most 24 h).
 * Kept in the database so that it holds for every sign-in path and every app instance. A successful
 * sign-in (or a system administrator's unlock) resets the count.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE accounts ADD COLUMN lockouts integer NOT NULL DEFAULT 0;

    CREATE FUNCTION hoso_lockout_backoff() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.lock_until IS NOT NULL AND NEW.lock_until > now()
         AND (OLD.lock_until IS NULL OR OLD.lock_until <= now()) THEN
        -- A new lockout begins.
        NEW.lockouts := OLD.lockouts + 1;
        NEW.lock_until := now() + least(interval '15 minutes' * power(2, NEW.lockouts - 1), interval '24 hours');
      ELSIF NEW.login_attempts = 0 AND coalesce(OLD.login_attempts, 0) > 0 AND NEW.lock_until IS NULL THEN
        -- Signed in successfully, or unlocked by an administrator.
        NEW.lockouts := 0;
      END IF;
      RETURN NEW;
    END $$;

    CREATE TRIGGER accounts_lockout_backoff BEFORE UPDATE OF lock_until, login_attempts ON accounts
      FOR EACH ROW EXECUTE FUNCTION hoso_lockout_backoff();
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TRIGGER IF EXISTS accounts_lockout_backoff ON accounts;
    DROP FUNCTION IF EXISTS hoso_lockout_backoff();
    ALTER TABLE accounts DROP COLUMN IF EXISTS lockouts;
  `)
}
