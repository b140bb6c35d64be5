/**
 * Reads a staff record for printing exactly as its reader may see it: every call goes through the Local
 * API on behalf of the user (`overrideAccess: false`), so record scope, field-level rules for sensitive
 * items and the access rules of each history apply. Only official data: the staff row and its histories.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { PayloadRequest, Where } from 'payload'

import { HISTORY_NAMES, HISTORY_SLUGS, type PrintRecord, type RecordHistories } from '../domain/forms'
import type { Photo } from '../payload-types'

const HISTORY_SORT: Record<keyof RecordHistories, string> = {
  trainingRecords: 'fromMonth',
  workHistory: 'fromMonth',
  salaryHistory: 'effectiveDate',
  allowanceHistory: 'fromMonth',
  awards: 'year',
  evaluations: 'year',
  disciplines: 'fromDate',
  familyMembers: 'sortOrder',
}

/** The record with its histories, or null when it does not exist or the user may not read it. */
export async function loadPrintRecord(req: PayloadRequest, staffId: number): Promise<PrintRecord | null> {
  const { payload, user } = req
  const staff = await payload.findByID({
    collection: 'staff',
    id: staffId,
    depth: 1,
    joins: false,
    overrideAccess: false,
    user,
    req,
    disableErrors: true,
  })
  if (!staff) return null
  const where: Where = { staff: { equals: staffId } }
  const lists = await Promise.all(
    HISTORY_NAMES.map((name) =>
      payload.find({
        collection: HISTORY_SLUGS[name] as 'awards',
        where,
        depth: 1,
        // The row's own record need not be populated again.
        populate: { staff: { staffCode: true } },
        sort: HISTORY_SORT[name],
        pagination: false,
        overrideAccess: false,
        // A history the reader may not see at all (kỷ luật for a unit head) prints as empty, not as an error.
        disableErrors: true,
        user,
        req,
      }),
    ),
  )
  const record = { ...staff } as unknown as Record<string, unknown>
  HISTORY_NAMES.forEach((name, i) => (record[name] = lists[i]!.docs))
  return record as unknown as PrintRecord
}

/** The photo file of a record (already read through the photos collection's access), or null. */
export async function loadPhoto(record: PrintRecord): Promise<{ bytes: Uint8Array; mimeType: string } | null> {
  const photo = record.photo as Photo | number | null | undefined
  if (!photo || typeof photo !== 'object' || !photo.filename) return null
  const dir = process.env.MEDIA_DIR ?? '.data/media/photos'
  try {
    const bytes = await fs.readFile(path.resolve(dir, path.basename(photo.filename)))
    return { bytes, mimeType: photo.mimeType ?? 'image/jpeg' }
  } catch {
    return null
  }
}

/** Name of the top unit of the record's tree (the ministry or province), read with the user's access. */
export async function managingAgencyOf(req: PayloadRequest, record: PrintRecord): Promise<string | undefined> {
  const rootId = Number(record.unitPath?.split('.').filter(Boolean)[0])
  if (!Number.isFinite(rootId)) return undefined
  const unit = await req.payload.findByID({ collection: 'units', id: rootId, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
  return unit?.name ?? undefined
}
