import crypto from 'node:crypto'

import type pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'

/**
 * What the database side of a backup reads and a restore writes: every table of the `public` schema
 * except `payload_migrations` (a restore rebuilds the schema by running the migrations, which fill it)
 * and the job queue (`payload_jobs`: transient work; a restored system starts with an empty queue).
 */
export interface TableInfo {
  name: string
  /** Stored columns in table order (generated columns are left to PostgreSQL). */
  columns: string[]
  /** Primary-key columns; the dump is ordered by them so that its checksum does not depend on row order on disk. */
  orderBy: string[]
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Session settings that make COPY's text output byte-for-byte reproducible across servers and
 * sessions: the same time zone, date style, float digits and bytea format on both sides.
 */
export async function prepareSession(client: pg.ClientBase): Promise<void> {
  await client.query(`SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
    SET extra_float_digits = 1; SET bytea_output = 'hex'; SET client_encoding = 'UTF8'`)
}

export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; pk: string[] | null }>(`
    SELECT c.relname AS name,
           array(SELECT a.attname::text FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  ORDER BY a.attnum) AS columns,
           (SELECT array_agg(a.attname::text ORDER BY k.ord)
              FROM pg_index i
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
             WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname NOT IN ('payload_migrations', 'payload_jobs', 'payload_jobs_log')
     ORDER BY c.relname`)
  return rows.map((r) => ({ name: r.name, columns: r.columns, orderBy: r.pk && r.pk.length ? r.pk : r.columns }))
}

export function copyOutSql(t: TableInfo): string {
  const cols = t.columns.map(quoteIdent).join(', ')
  return `COPY (SELECT ${cols} FROM public.${quoteIdent(t.name)} ORDER BY ${t.orderBy.map(quoteIdent).join(', ')}) TO STDOUT`
}

export function copyInSql(t: { name: string; columns: string[] }): string {
  return `COPY public.${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')}) FROM STDIN`
}

/** Streams one table out as COPY text, calling `onChunk` for each piece; returns rows and SHA-256. */
export async function copyTableOut(
  client: pg.ClientBase,
  t: TableInfo,
  onChunk: (chunk: Buffer) => Promise<void> | void,
): Promise<{ rows: number; bytes: number; sha256: string }> {
  const stream = client.query(copyTo(copyOutSql(t)))
  const hash = crypto.createHash('sha256')
  let bytes = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
    await onChunk(chunk)
  }
  return { rows: stream.rowCount, bytes, sha256: hash.digest('hex') }
}

export interface SequenceValue {
  name: string
  value: string
  isCalled: boolean
}

export async function readSequences(client: pg.ClientBase): Promise<SequenceValue[]> {
  const { rows } = await client.query<{ name: string; last_value: string | null; start_value: string }>(
    `SELECT sequencename AS name, last_value::text, start_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  )
  return rows.map((r) => ({ name: r.name, value: r.last_value ?? r.start_value, isCalled: r.last_value !== null }))
}
