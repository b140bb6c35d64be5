import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * No duplicate reminders: one message per recipient, template and period (an ISO week for digests, a day
 * for manual reminders). src/reminders/run.ts claims a message by inserting its row with ON CONFLICT DO
 * NOTHING before sending, so a retried job or a second app instance finds the row taken and sends nothing.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE UNIQUE INDEX reminder_sends_once_idx ON reminder_sends (recipient_id, template, period_key);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP INDEX IF EXISTS reminder_sends_once_idx;`)
}
