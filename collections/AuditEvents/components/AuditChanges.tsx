import type { ServerFieldBase } from 'payload'

import { auditChangeRows } from '../../../src/audit/changeTable'

const TEXT = {
  vi: { field: 'Trường thông tin', before: 'Trước', after: 'Sau', none: 'Không có thay đổi nào được ghi.', empty: 'Không có.' },
  en: { field: 'Field', before: 'Before', after: 'After', none: 'No change recorded.', empty: 'None.' },
}

const cell = { padding: '6px 10px', borderBottom: '1px solid var(--theme-elevation-150)', verticalAlign: 'top' as const, textAlign: 'left' as const }

/**
 * "Thay đổi (trước → sau)" of an audit event: a table of the fields that changed, with the concerned collection's
 * Vietnamese labels and the values in words. Rendered on the server — Payload's JSON field loads its editor from
 * a CDN, which the Content-Security-Policy blocks (and no page of hoso loads anything from another host).
 */
export async function AuditChanges({ data, payload, i18n, field }: ServerFieldBase) {
  const lang = i18n?.language === 'en' ? 'en' : 'vi'
  const t = TEXT[lang]
  const rows = await auditChangeRows(payload, (data as { targetCollection?: string })?.targetCollection, (data as { changes?: unknown })?.changes)
  const title = (field as { label?: Record<string, string> }).label?.[lang] ?? 'Thay đổi'
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <div className="field-label">{title}</div>
      {rows.length === 0 ? (
        <p style={{ opacity: 0.75 }}>{t.none}</p>
      ) : (
        <table data-testid="audit-changes" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th style={cell}>{t.field}</th>
              <th style={cell}>{t.before}</th>
              <th style={cell}>{t.after}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} data-field={r.field}>
                <th scope="row" style={{ ...cell, fontWeight: 600 }} title={r.field}>
                  {r.label[lang]}
                </th>
                <td style={cell}>{r.before[lang]}</td>
                <td style={cell}>{r.after[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

/** "Chi tiết" of an audit event: its keys and values as a short list instead of a JSON editor. */
export function AuditDetail({ data, i18n, field }: ServerFieldBase) {
  const lang = i18n?.language === 'en' ? 'en' : 'vi'
  const detail = (data as { detail?: unknown })?.detail
  const entries: Array<[string, unknown]> =
    detail && typeof detail === 'object' && !Array.isArray(detail) ? Object.entries(detail as Record<string, unknown>) : detail == null ? [] : [['', detail]]
  const title = (field as { label?: Record<string, string> }).label?.[lang] ?? 'Chi tiết'
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <div className="field-label">{title}</div>
      {entries.length === 0 ? (
        <p style={{ opacity: 0.75 }}>{TEXT[lang].empty}</p>
      ) : (
        <dl data-testid="audit-detail" style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}>
          {entries.map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt style={{ fontWeight: 600 }}>{k}</dt>
              <dd style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{typeof v === 'string' ? v : JSON.stringify(v, null, 1)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}
