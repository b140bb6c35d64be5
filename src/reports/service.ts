/**
 * The report endpoints' work: who may run what over which units, the run, the drill-down, their audit events.
 * A report reads the reader's unit subtrees (duty or grant); named records granted alone are not a report's
 * rows. Sensitive column groups are dropped, never refused, for a reader who may not read those items on every
 * chosen unit (src/domain/sensitivity.ts: ministry HR, unit HR within their own subtree).
 */
import type { PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import { recordAuditEvent } from '../audit/record'
import { rateLimiter } from '../rateLimit/limiter'
import type { Actor, Scope } from '../domain/access'
import { DomainError } from '../domain/errors'
import { allowedGroups, parseCellQuery, parseReportQuery, SHIPPED_DEFINITIONS, validateDefinition, type ReportDefinition } from '../domain/reports'
import { maySeeSensitive } from '../domain/sensitivity'
import { isWithinSubtree } from '../domain/unitTree'
import { inScopeSql } from '../search/staffSearch'
import { peopleInCell, runReport, type ReportResult } from './run'

export type Reader = { actor: Actor; scope: Exclude<Scope, { kind: 'none' }> }

/** The definitions in force: the shipped ones, then those saved by ministry HR (same code: the saved one wins). */
export async function reportDefinitions(pool: Pool): Promise<ReportDefinition[]> {
  const saved = await savedDefinitions(pool)
  const codes = new Set(saved.map((d) => d.code))
  return [...SHIPPED_DEFINITIONS.filter((d) => !codes.has(d.code)), ...saved]
}

async function savedDefinitions(pool: Pool): Promise<ReportDefinition[]> {
  const { rows } = await pool.query<{ definition: ReportDefinition }>('SELECT definition FROM report_definitions WHERE active ORDER BY code')
  // Checked again when read: a definition saved under an older snapshot list is left out, never run.
  return rows.map((r) => r.definition).filter((d) => validateDefinition(d).length === 0)
}

export async function definitionByCode(pool: Pool, code: string): Promise<ReportDefinition> {
  const d = (await reportDefinitions(pool)).find((x) => x.code === code)
  if (!d) throw new DomainError([{ field: 'code', vi: `Không có báo cáo "${code}"`, en: `No report "${code}"` }], 'not-found')
  return d
}

/** The units a reader's report starts from: the chosen unit (within reach) or every subtree they read. */
async function rootsFor(pool: Pool, reader: Reader, unitId: number | null): Promise<Array<{ id: number; path: string }>> {
  if (unitId != null) {
    const { rows } = await pool.query<{ id: number; path: string }>('SELECT id, path FROM units WHERE id = $1 AND path IS NOT NULL', [unitId])
    const unit = rows[0]
    const reach = reader.scope.kind === 'all' || (unit && reader.scope.subtreeUnitIds.some((r) => isWithinSubtree(unit.path, r)))
    if (!unit || !reach) throw new DomainError([{ field: 'unit', vi: 'Không tìm thấy đơn vị trong phạm vi của bạn', en: 'No such unit within your scope' }], 'not-found')
    return [unit]
  }
  if (reader.scope.kind === 'all') return (await pool.query<{ id: number; path: string }>('SELECT id, path FROM units WHERE parent_id IS NULL AND path IS NOT NULL')).rows
  const { rows } = await pool.query<{ id: number; path: string }>('SELECT id, path FROM units WHERE id = ANY($1::int[]) AND path IS NOT NULL', [reader.scope.subtreeUnitIds])
  if (!rows.length) throw new DomainError([{ field: 'unit', vi: 'Bạn không phụ trách đơn vị nào để lập báo cáo', en: 'You are in charge of no unit to report on' }], 'forbidden')
  return rows
}

/**
 * A report reads the whole subtree (about a second for a ministry of 100 000): runs and drill-downs are limited per
 * account (HOSO_REPORT_RUNS_PER_MINUTE, default 30), counted in PostgreSQL across instances.
 */
async function withinRunLimit(req: PayloadRequest, pool: Pool): Promise<void> {
  const limit = Number(process.env.HOSO_REPORT_RUNS_PER_MINUTE ?? 30)
  const r = await rateLimiter(pool).hit(`report:account:${req.user?.id}`, { limit, windowMs: 60_000 })
  if (!r.allowed) {
    throw new DomainError(
      [{ field: 'report', vi: `Bạn đã chạy quá ${limit} báo cáo trong một phút; vui lòng thử lại sau ${r.retryAfterSeconds} giây`, en: `More than ${limit} report runs in a minute; try again in ${r.retryAfterSeconds} s` }],
      'too-many',
    )
  }
}

const sensitiveOn = (actor: Actor, roots: ReadonlyArray<{ path: string }>) => roots.every((r) => maySeeSensitive(actor, { unitPath: r.path }))

export async function reportFor(req: PayloadRequest, pool: Pool, reader: Reader, code: string, now = new Date()): Promise<{ result: ReportResult; definition: ReportDefinition; format: 'json' | 'xlsx'; parameters: Record<string, unknown> }> {
  const definition = await definitionByCode(pool, code)
  const query = parseReportQuery(new URL(req.url ?? '', 'http://local').searchParams, now)
  const roots = await rootsFor(pool, reader, query.unitId)
  await withinRunLimit(req, pool)
  const result = await runReport(pool, definition, { date: query.date, rootUnitIds: roots.map((r) => r.id), allowed: allowedGroups(sensitiveOn(reader.actor, roots)) })
  const parameters = { date: result.date, unit: query.unitId, units: result.scope.unitIds, version: definition.version, omitted: result.omittedGroups }
  await recordAuditEvent(req, {
    operation: query.format === 'json' ? 'read' : 'export',
    collection: 'reports',
    detail: { report: code, format: query.format, ...parameters },
  })
  return { result, definition, format: query.format, parameters }
}

export async function cellFor(req: PayloadRequest, pool: Pool, reader: Reader, code: string, now = new Date()) {
  const definition = await definitionByCode(pool, code)
  const query = parseCellQuery(new URL(req.url ?? '', 'http://local').searchParams, now)
  const [row] = await rootsFor(pool, reader, query.rowUnitId)
  await withinRunLimit(req, pool)
  const scope = reader.scope
  const out = await peopleInCell(pool, definition, {
    date: query.date,
    rowUnitId: row!.id,
    col: query.col,
    allowed: allowedGroups(sensitiveOn(reader.actor, [row!])),
    readable: (param) => (scope.kind === 'all' ? 'true' : inScopeSql(scope, param)),
  })
  if (out.people.length) {
    await recordAuditEvent(req, {
      operation: 'read',
      collection: 'staff',
      recordIds: out.people.map((p) => p.id),
      detail: { list: true, report: code, row: query.rowUnitId, col: query.col, date: query.date.toISOString().slice(0, 10) },
    })
  }
  return { report: code, row: query.rowUnitId, col: query.col, date: query.date.toISOString().slice(0, 10), ...out }
}
