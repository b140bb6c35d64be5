import type { Endpoint, PayloadRequest } from 'payload'

import { poolOf } from '../../src/db/pool'
import { recordEdition } from '../../src/reports/editions'
import { cellFor, reportDefinitions, reportFor } from '../../src/reports/service'
import { reportWorkbook } from '../../src/reports/xlsx'
import { handle, staffReadScope } from '../shared/responses'

const codeOf = (req: PayloadRequest) => String(req.routeParams?.code ?? '')

/**
 * Root endpoints (/api/reports…): the statistical reports. Readers are those who read records of a unit subtree
 * (staffReadScope: 401 without sign-in, 403 for an account that reads no record).
 */
export const REPORT_ENDPOINTS: Endpoint[] = [
  {
    path: '/reports',
    method: 'get',
    handler: handle(async (req) => {
      const reader = await staffReadScope(req)
      if (reader instanceof Response) return reader
      const defs = await reportDefinitions(poolOf(req.payload))
      return { docs: defs.map((d) => ({ code: d.code, version: d.version, title: d.title, formCode: d.formCode, legalBasis: d.legalBasis })) }
    }, { bilingual: true }),
  },
  {
    path: '/reports/:code',
    method: 'get',
    handler: handle(async (req) => {
      const reader = await staffReadScope(req)
      if (reader instanceof Response) return reader
      const out = await reportFor(req, poolOf(req.payload), reader, codeOf(req))
      if (out.format === 'json') return out.result
      const file = await reportWorkbook(out.result)
      const edition = await recordEdition(req, out.definition, out.result, out.format, file, out.parameters)
      return new Response(new Uint8Array(file), {
        headers: {
          'X-Hoso-Edition': String(edition.id),
          'X-Hoso-File-Sha256': edition.fileHash,
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="${out.result.code}-${out.result.date}.xlsx"`,
        },
      })
    }, { bilingual: true }),
  },
  {
    path: '/reports/:code/cell',
    method: 'get',
    handler: handle(async (req) => {
      const reader = await staffReadScope(req)
      if (reader instanceof Response) return reader
      return cellFor(req, poolOf(req.payload), reader, codeOf(req))
    }, { bilingual: true }),
  },
]
