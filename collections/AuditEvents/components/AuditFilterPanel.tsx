'use client'
import { Button, useListQuery, useTranslation } from '@payloadcms/ui'
import { useEffect, useMemo, useState } from 'react'

import { auditFilterParamsOf, auditFilterWhere, parseAuditFilter, type AuditFilterParams } from '../../../src/domain/auditFilters'
import { AUDIT_OPERATION_LABELS, AUDIT_OPERATIONS } from '../../../src/domain/auditOperations'
import { localize } from '../../../src/domain/errors'

const TEXT = {
  vi: {
    heading: 'Lọc nhật ký',
    person: 'Hồ sơ cán bộ (mã ID)',
    personHint: 'Số định danh của hồ sơ',
    actor: 'Người thực hiện',
    actorSearch: 'Tìm theo tên…',
    unit: 'Đơn vị (cả cấp dưới)',
    operation: 'Thao tác',
    from: 'Từ ngày',
    to: 'Đến ngày',
    all: '— Tất cả —',
    apply: 'Áp dụng bộ lọc',
    clear: 'Xóa bộ lọc',
    exportCsv: 'Xuất CSV theo bộ lọc',
    days: 'Ngày dạng dd/mm/yyyy, theo giờ Việt Nam.',
  },
  en: {
    heading: 'Filter the trail',
    person: 'Staff record (id)',
    personHint: "The record's id",
    actor: 'Actor',
    actorSearch: 'Search by name…',
    unit: 'Unit (and subunits)',
    operation: 'Operation',
    from: 'From',
    to: 'To',
    all: '— All —',
    apply: 'Apply filter',
    clear: 'Clear',
    exportCsv: 'Export CSV with this filter',
    days: 'Days as dd/mm/yyyy, in Vietnamese time.',
  },
}

type Unit = { id: number; name: string; path?: string | null; depth?: number | null }
type Actor = { id: string; name: string | null; roles: string | null }

/** Tree order from the materialised path "1.7.42.": parents before children, siblings by id. */
const byPath = (a: Unit, b: Unit) => {
  const pa = (a.path ?? '').split('.').filter(Boolean).map(Number)
  const pb = (b.path ?? '').split('.').filter(Boolean).map(Number)
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!
  return pa.length - pb.length
}

const paramsOf = (p: AuditFilterParams) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(p)) if (v) q.set(k, v)
  return q
}

/**
 * Above the audit-events list, for the auditor: person, actor, unit subtree, operation and period. Applying it
 * sets the list's `where` (the same conditions as the CSV export, src/domain/auditFilters.ts); the export link
 * carries the filter the list shows. Everything here comes from the trail itself and the unit tree.
 */
export function AuditFilterPanel() {
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const t = TEXT[lang]
  const { query, handleWhereChange } = useListQuery()
  const applied = useMemo(() => auditFilterParamsOf(query?.where), [query?.where])
  const [form, setForm] = useState<AuditFilterParams>(applied)
  const [issues, setIssues] = useState<string[]>([])
  const [units, setUnits] = useState<Unit[]>([])
  const [actors, setActors] = useState<Actor[]>([])
  const [actorQuery, setActorQuery] = useState('')

  useEffect(() => setForm(applied), [applied])
  useEffect(() => {
    void fetch('/api/units?limit=2000&depth=0&select[name]=true&select[path]=true&select[depth]=true', { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((b: { docs: Unit[] }) => setUnits([...b.docs].sort(byPath)))
  }, [])
  useEffect(() => {
    // An answer to an older search that arrives late must not replace the newer one.
    let current = true
    const timer = setTimeout(() => {
      void fetch(`/api/audit-events/actors?q=${encodeURIComponent(actorQuery)}`, { credentials: 'include' })
        .then((r) => (r.ok ? r.json() : { docs: [] }))
        .then((b: { docs: Actor[] }) => current && setActors(b.docs))
    }, actorQuery ? 250 : 0)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [actorQuery])

  const set = (k: keyof AuditFilterParams) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }))
  const apply = async () => {
    const { filter, issues: found } = parseAuditFilter(paramsOf(form))
    setIssues(found.map((i) => localize(i, lang)))
    if (!found.length) await handleWhereChange?.(auditFilterWhere(filter))
  }
  const clear = async () => {
    setForm({})
    setIssues([])
    await handleWhereChange?.({})
  }
  // The chosen actor stays in the list even when the search no longer finds it.
  const actorOptions = form.actor && !actors.some((a) => a.id === form.actor) ? [{ id: form.actor, name: null, roles: null }, ...actors] : actors
  const field = { display: 'flex', flexDirection: 'column', gap: 4, fontSize: 13 } as const

  return (
    <div data-testid="audit-filter" style={{ margin: '0 0 16px', padding: '10px 14px', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
      <strong>{t.heading}</strong>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 12, margin: '8px 0' }}>
        <label style={field}>
          {t.person}
          <input name="person" inputMode="numeric" placeholder={t.personHint} value={form.person ?? ''} onChange={set('person')} />
        </label>
        <label style={field}>
          {t.actor}
          <input name="actorSearch" type="search" placeholder={t.actorSearch} value={actorQuery} onChange={(e) => setActorQuery(e.target.value)} />
          <select name="actor" value={form.actor ?? ''} onChange={set('actor')}>
            <option value="">{t.all}</option>
            {actorOptions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name ? `${a.name}${a.roles ? ` (${a.roles})` : ''} · #${a.id}` : `#${a.id}`}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          {t.unit}
          <select name="unit" value={form.unit ?? ''} onChange={set('unit')}>
            <option value="">{t.all}</option>
            {units.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {'\u00a0\u00a0'.repeat(u.depth ?? 0)}
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          {t.operation}
          <select name="operation" value={form.operation ?? ''} onChange={set('operation')}>
            <option value="">{t.all}</option>
            {AUDIT_OPERATIONS.map((op) => (
              <option key={op} value={op}>
                {AUDIT_OPERATION_LABELS[op][lang]}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          {t.from}
          <input name="from" placeholder="dd/mm/yyyy" value={form.from ?? ''} onChange={set('from')} />
        </label>
        <label style={field}>
          {t.to}
          <input name="to" placeholder="dd/mm/yyyy" value={form.to ?? ''} onChange={set('to')} />
        </label>
      </div>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button buttonStyle="primary" size="small" margin={false} onClick={apply}>
          {t.apply}
        </Button>
        <Button buttonStyle="secondary" size="small" margin={false} onClick={clear}>
          {t.clear}
        </Button>
        <a href={`/api/audit-events/export.csv?${paramsOf(applied).toString()}`} data-testid="audit-export" download>
          {t.exportCsv}
        </a>
        <span style={{ fontSize: 12, opacity: 0.7 }}>{t.days}</span>
      </div>
      {issues.length > 0 && (
        <div role="alert" style={{ marginTop: 8, color: 'var(--theme-error-500)' }}>
          {issues.join(' · ')}
        </div>
      )}
    </div>
  )
}
