import type { Payload } from 'payload'

import { migrations } from '../../migrations/index'
import { applyMigrations } from '../db/migrations'
import { poolOf } from '../db/pool'

/** Drops every table and re-applies the migrations: an empty database with the current schema. */
export async function resetDatabase(payload: Payload): Promise<void> {
  const pool = poolOf(payload)
  await pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;')
  await applyMigrations(payload, migrations)
}
