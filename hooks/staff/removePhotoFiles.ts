import fs from 'node:fs/promises'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterDeleteHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { transactionDb } from '../../src/db/pool'

type Context = { hosoPhotoFiles?: Map<string, string[]> }

/**
 * The database deletes a record's photo rows with it (ON DELETE CASCADE); their files under the photos'
 * staticDir are personal data too. Their names are read before the delete and the files removed after the
 * DELETE statement and the audit event (the last step before Payload commits), so a refused or failed delete
 * leaves every file in place. Payload has no after-commit hook: a commit failing after this step would keep
 * the rows without their files.
 */
export const rememberPhotoFiles: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await transactionDb(req.payload, req)
  const { rows } = await db.execute(sql`SELECT filename FROM photos WHERE staff_id = ${Number(id)} AND filename IS NOT NULL`)
  ;((req.context as Context).hosoPhotoFiles ??= new Map()).set(String(id), rows.map((r) => String(r.filename)))
}

export const removePhotoFiles: CollectionAfterDeleteHook = async ({ id, req }) => {
  const files = (req.context as Context).hosoPhotoFiles?.get(String(id)) ?? []
  const dir = photoDir(req)
  for (const name of files) {
    // Names come from Payload's upload handling; basename keeps a tampered row from reaching outside the directory.
    await fs.rm(path.join(dir, path.basename(name)), { force: true }).catch((err: unknown) => {
      req.payload.logger.error({ err, staffId: id }, 'could not remove the photo file of a deleted record')
    })
  }
}

function photoDir(req: PayloadRequest): string {
  const upload = req.payload.collections.photos.config.upload
  return path.resolve(typeof upload === 'object' && upload.staticDir ? upload.staticDir : '.data/media/photos')
}
