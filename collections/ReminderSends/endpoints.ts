import ExcelJS from 'exceljs'
import type { Endpoint, PayloadRequest } from 'payload'

import { actorOf } from '../../src/accounts/actor'
import { isSysadmin } from '../../src/domain/access'
import { DomainError, type FieldIssue, type RefusalKind } from '../../src/domain/errors'
import {
  formatVietnamDay,
  matchesFilter,
  missingItems,
  PEOPLE_FILTERS,
  personFlags,
  reminderScope,
  reminderSettingsFrom,
  type PeopleFilter,
} from '../../src/domain/reminders'
import { isWithinSubtree } from '../../src/domain/unitTree'
import { previewEmail, PREVIEW_TEMPLATES } from '../../src/reminders/preview'
import { peopleInSubtree, unitAggregates } from '../../src/reminders/queries'
import { sendManualReminders } from '../../src/reminders/run'
import { poolOf } from '../../src/db/pool'
import { recordAuditEvent } from '../../src/audit/record'
import { handle } from '../shared/responses'

/** A refusal of this endpoint (one issue, its kind: the endpoint kit answers 400/403/404). */
const refused = (kind: RefusalKind, issue: FieldIssue) => new DomainError([issue], kind)

const FORBIDDEN: FieldIssue = {
  field: 'unit',
  vi: 'Bạn không có quyền xem tình hình cập nhật hồ sơ của đơn vị này.',
  en: 'You may not see the update status of this unit.',
}

/** The subtree root the caller asked for (`?unit=`), checked against their scope; null = whole tree. */
async function rootFor(req: PayloadRequest): Promise<{ unitId: number | null; mayUrge: boolean }> {
  const scope = reminderScope(actorOf(req))
  if (scope.kind === 'none') throw refused('forbidden', FORBIDDEN)
  const raw = req.searchParams.get('unit')
  if (raw == null || raw === '') return { unitId: scope.rootUnitId, mayUrge: scope.mayUrge }
  const unitId = Number(raw)
  if (!Number.isInteger(unitId) || unitId <= 0) throw refused('invalid', { field: 'unit', vi: 'Mã đơn vị không hợp lệ.', en: 'Invalid unit id.' })
  const { rows } = await poolOf(req.payload).query<{ path: string }>('SELECT path FROM units WHERE id = $1', [unitId])
  if (!rows[0]) throw refused('not-found', { field: 'unit', vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' })
  if (scope.rootUnitId != null && !isWithinSubtree(rows[0].path, scope.rootUnitId)) throw refused('forbidden', FORBIDDEN)
  return { unitId, mayUrge: scope.mayUrge }
}

const filterOf = (req: PayloadRequest): PeopleFilter => {
  const f = (req.searchParams.get('filter') ?? 'all') as PeopleFilter
  if (!PEOPLE_FILTERS.includes(f)) throw refused('invalid', { field: 'filter', vi: 'Bộ lọc không hợp lệ.', en: 'Invalid filter.' })
  return f
}

/** The drill-down list: people of the subtree matching the filter, least complete first. */
async function peopleList(req: PayloadRequest, unitId: number | null, filter: PeopleFilter, limit?: number) {
  const settings = reminderSettingsFrom(process.env)
  const now = new Date()
  const rows = await peopleInSubtree(poolOf(req.payload), unitId, settings, now, { onlyNeedingAttention: true })
  const out = []
  for (const p of rows) {
    const f = personFlags(p, settings, now)
    if (!matchesFilter(f, filter)) continue
    out.push({
      staffId: p.staffId,
      fullName: p.fullName,
      unitName: p.unitName,
      percent: f.percent,
      missing: missingItems(p.missing),
      incomplete: f.incomplete,
      stale: f.stale,
      pending: f.pending,
      returned: f.returned,
      lastConfirmedAt: p.lastConfirmedAt,
      submittedAt: p.submittedAt ?? null,
      hasAccount: p.accountId != null,
    })
    if (limit && out.length >= limit) break
  }
  return out
}

const vnDate = (d: unknown) => formatVietnamDay(d as string | null)

/**
 * The people list names people and what their records lack: each answer is a read of their records (the Excel
 * export an export), recorded with the ids shown, as a staff list is.
 */
async function auditPeopleList(req: PayloadRequest, operation: 'read' | 'export', unitId: number | null, filter: PeopleFilter, people: Array<{ staffId: number }>) {
  const ids = people.map((p) => p.staffId)
  await recordAuditEvent(req, {
    operation,
    collection: 'staff',
    recordIds: ids,
    subjects: ids,
    detail: { view: operation === 'export' ? 'reminders-people-xlsx' : 'reminders-people', unit: unitId, filter, rows: ids.length },
  })
}

/**
 * The completeness dashboard and urging over HTTP (unit HR, unit heads: their subtree; ministry HR: all):
 *   GET  /api/reminder-sends/dashboard?unit=ID          per-unit figures (each unit's whole subtree)
 *   GET  /api/reminder-sends/people?unit=ID&filter=F    people needing attention (F: all|incomplete|stale|pending|returned)
 *   GET  /api/reminder-sends/export?unit=ID&filter=F    the same list as an Excel workbook
 *   POST /api/reminder-sends/urge {staffIds: [...]}     "Nhắc cập nhật" now (HR only; every id must be in scope)
 *   GET  /api/reminder-sends/preview?template=T&lang=   a template rendered with sample data (HR, sysadmin)
 */
export const reminderEndpoints: Endpoint[] = [
  {
    path: '/dashboard',
    method: 'get',
    handler: handle(async (req) => {
      const root = await rootFor(req)
      const units = await unitAggregates(poolOf(req.payload), root.unitId, reminderSettingsFrom(process.env), new Date())
      return { rootUnitId: root.unitId, mayUrge: root.mayUrge, units }
    }),
  },
  {
    path: '/people',
    method: 'get',
    handler: handle(async (req) => {
      const root = await rootFor(req)
      const filter = filterOf(req)
      const people = await peopleList(req, root.unitId, filter, 1000)
      await auditPeopleList(req, 'read', root.unitId, filter, people)
      return { mayUrge: root.mayUrge, people }
    }),
  },
  {
    path: '/export',
    method: 'get',
    handler: handle(async (req) => {
      const root = await rootFor(req)
      const filter = filterOf(req)
      const people = await peopleList(req, root.unitId, filter)
      await auditPeopleList(req, 'export', root.unitId, filter, people)
      const wb = new ExcelJS.Workbook()
      wb.creator = 'hoso'
      const ws = wb.addWorksheet('Cap nhat ho so')
      ws.columns = [
        { header: 'Họ và tên / Name', key: 'fullName', width: 28 },
        { header: 'Đơn vị / Unit', key: 'unitName', width: 36 },
        { header: '% đầy đủ / Complete', key: 'percent', width: 12 },
        { header: 'Còn thiếu / Missing', key: 'missing', width: 60 },
        { header: 'Quá hạn xác nhận / Stale', key: 'stale', width: 14 },
        { header: 'Chờ duyệt / Pending', key: 'pending', width: 12 },
        { header: 'Bị trả lại / Returned', key: 'returned', width: 12 },
        { header: 'Xác nhận lần cuối / Last confirmed', key: 'lastConfirmedAt', width: 16 },
        { header: 'Gửi duyệt / Submitted', key: 'submittedAt', width: 14 },
      ]
      ws.getRow(1).font = { bold: true }
      const yes = (b: boolean) => (b ? 'x' : '')
      for (const p of people) {
        ws.addRow({
          ...p,
          missing: p.missing.map((m) => m.vi).join('; '),
          stale: yes(p.stale),
          pending: yes(p.pending),
          returned: yes(p.returned),
          lastConfirmedAt: vnDate(p.lastConfirmedAt),
          submittedAt: vnDate(p.submittedAt),
        })
      }
      const buffer = await wb.xlsx.writeBuffer()
      return new Response(buffer as ArrayBuffer, {
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="cap-nhat-ho-so-${root.unitId ?? 'all'}.xlsx"`,
          'Cache-Control': 'no-store',
        },
      })
    }),
  },
  {
    path: '/urge',
    method: 'post',
    handler: handle(async (req) => {
      const scope = reminderScope(actorOf(req))
      if (scope.kind === 'none' || !scope.mayUrge) {
        throw refused('forbidden', { field: 'staffIds', vi: 'Chỉ cán bộ tổ chức mới được nhắc cập nhật hồ sơ.', en: 'Only HR may send update reminders.' })
      }
      let body: { staffIds?: unknown }
      try {
        body = ((await req.json?.()) ?? {}) as { staffIds?: unknown }
      } catch {
        body = {}
      }
      const ids = Array.isArray(body.staffIds) ? body.staffIds.map(Number) : []
      if (!ids.length || ids.length > 1000 || ids.some((i) => !Number.isInteger(i) || i <= 0)) {
        throw refused('invalid', { field: 'staffIds', vi: 'Chọn từ 1 đến 1000 người để nhắc.', en: 'Choose between 1 and 1000 people.' })
      }
      const unique = [...new Set(ids)]
      const { rows } = await poolOf(req.payload).query<{ id: number; unit_path: string }>('SELECT id, unit_path FROM staff WHERE id = ANY($1::int[])', [unique])
      const outside = unique.filter((id) => {
        const r = rows.find((x) => x.id === id)
        return !r || (scope.rootUnitId != null && !isWithinSubtree(r.unit_path, scope.rootUnitId))
      })
      // All or nothing: one id out of scope refuses the whole request and sends nothing.
      if (outside.length) {
        throw refused('forbidden', {
          field: 'staffIds',
          vi: `Có ${outside.length} hồ sơ không thuộc phạm vi quản lý của bạn; không thư nào được gửi.`,
          en: `${outside.length} record(s) are outside your scope; nothing was sent.`,
        })
      }
      return sendManualReminders(req.payload, unique, Number(req.user!.id))
    }),
  },
  {
    path: '/preview',
    method: 'get',
    handler: handle(async (req) => {
      const actor = actorOf(req)
      if (reminderScope(actor).kind === 'none' && !isSysadmin(actor)) throw refused('forbidden', FORBIDDEN)
      const template = req.searchParams.get('template') ?? 'person-digest'
      if (!PREVIEW_TEMPLATES.includes(template as never)) {
        throw refused('invalid', { field: 'template', vi: 'Mẫu thư không hợp lệ.', en: 'Unknown template.' })
      }
      const email = previewEmail(template as (typeof PREVIEW_TEMPLATES)[number], req.payload)
      if (req.searchParams.get('format') === 'text') {
        return new Response(`${email.subject}\n\n${email.text}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
      }
      return new Response(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${email.subject.replace(/</g, '&lt;')}</title></head><body><p><b>${email.subject.replace(/</g, '&lt;')}</b></p>${email.html}</body></html>`, {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
      })
    }),
  },
]
