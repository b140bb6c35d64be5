/**
 * The bytes of signed exports, in PostgreSQL (`signed_export_files`, migrations/*signed_exports*): the
 * rendered document, the document after the competent person's signature, and the final dual-signed
 * file. Keeping them in the database puts the final file and the row's "done" in one transaction (and
 * in every backup) — a document is never marked done without its file, nor a half-signed file as done.
 */
import { sql } from '@payloadcms/db-postgres'

import type { SignatureSpace } from '../pdf/render'
import type { Drizzle } from '../db/pool'

export type FileStage = 'unsigned' | 'person' | 'final'

export interface StoredFile {
  stage: FileStage
  bytes: Uint8Array
  layout: SignatureSpace | null
}

export async function saveFile(db: Drizzle, exportId: number, stage: FileStage, bytes: Uint8Array, layout: SignatureSpace | null): Promise<void> {
  await db.execute(sql`
    INSERT INTO signed_export_files (export_id, stage, bytes, layout)
    VALUES (${exportId}, ${stage}, ${Buffer.from(bytes)}, ${layout ? JSON.stringify(layout) : null}::jsonb)
    ON CONFLICT (export_id, stage) DO UPDATE SET bytes = excluded.bytes, layout = excluded.layout, created_at = now()`)
}

/** The most advanced stage stored for an export (final › person › unsigned), or null. */
export async function latestFile(db: Drizzle, exportId: number): Promise<StoredFile | null> {
  const { rows } = await db.execute(sql`
    SELECT stage, bytes, layout FROM signed_export_files WHERE export_id = ${exportId}
     ORDER BY CASE stage WHEN 'final' THEN 0 WHEN 'person' THEN 1 ELSE 2 END LIMIT 1`)
  const row = rows[0] as { stage: FileStage; bytes: Buffer; layout: SignatureSpace | null } | undefined
  return row ? { stage: row.stage, bytes: new Uint8Array(row.bytes), layout: row.layout } : null
}

/** The final file only (null while the export is not done). */
export async function finalFile(db: Drizzle, exportId: number): Promise<Uint8Array | null> {
  const { rows } = await db.execute(sql`SELECT bytes FROM signed_export_files WHERE export_id = ${exportId} AND stage = 'final'`)
  const row = rows[0] as { bytes: Buffer } | undefined
  return row ? new Uint8Array(row.bytes) : null
}

/** Drops the intermediate stages (after the final file is stored, or when an export fails). */
export async function dropIntermediate(db: Drizzle, exportId: number): Promise<void> {
  await db.execute(sql`DELETE FROM signed_export_files WHERE export_id = ${exportId} AND stage <> 'final'`)
}
