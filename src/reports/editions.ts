/** An exported report run kept as an edition (`report-editions`): what was run, for whom, and the file's hash. */
import { createHash } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import type { ReportDefinition } from '../domain/reports'
import type { ReportResult } from './run'

export async function recordEdition(req: PayloadRequest, definition: ReportDefinition, result: ReportResult, format: string, file: Buffer, parameters: Record<string, unknown>) {
  const fileHash = createHash('sha256').update(file).digest('hex')
  const edition = await req.payload.create({
    collection: 'report-editions',
    data: {
      code: definition.code,
      version: definition.version,
      reportDate: result.date,
      format,
      units: result.scope.unitIds,
      parameters,
      definition: definition as unknown as Record<string, unknown>,
      fileHash,
      requestedBy: req.user ? Number(req.user.id) : null,
    },
    overrideAccess: true,
    req,
  })
  return { id: edition.id, fileHash }
}
