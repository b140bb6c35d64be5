'use client'
import { useConfig, useField, useTranslation } from '@payloadcms/ui'

import { roleLabel } from '../../../src/accounts/roleOptions'

const lang = (language: string): 'vi' | 'en' => (language === 'en' ? 'en' : 'vi')

/** The kind of data an event concerns by its name ("Quá trình đào tạo, bồi dưỡng"), not its slug. */
export function CollectionCell({ cellData }: { cellData?: unknown }) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  if (typeof cellData !== 'string' || !cellData) return <span />
  const labels = config.collections.find((c) => c.slug === cellData)?.labels?.plural as unknown
  const text = labels && typeof labels === 'object' ? ((labels as Record<string, string>)[lang(i18n.language)] ?? cellData) : typeof labels === 'string' ? labels : cellData
  return <span title={cellData}>{text}</span>
}

/** Roles by their names ("Cán bộ tổ chức đơn vị"), not their keys. */
export function RolesCell({ cellData }: { cellData?: unknown }) {
  const { i18n } = useTranslation()
  const roles = typeof cellData === 'string' ? cellData.split(/[,\s]+/).filter(Boolean) : Array.isArray(cellData) ? cellData.map(String) : []
  return <span>{roles.map((r) => roleLabel(r, lang(i18n.language))).join(', ')}</span>
}

/** Ids stored fenced by dots (".17.42.", for LIKE filters) shown as "#17, #42". */
export function DottedIdsCell({ cellData }: { cellData?: unknown }) {
  const ids = typeof cellData === 'string' ? cellData.split('.').filter(Boolean) : []
  return <span>{ids.map((id) => `#${id}`).join(', ')}</span>
}

const CELLS = { collection: CollectionCell, roles: RolesCell, ids: DottedIdsCell }

/** The same words in the event's own view, as a read-only field with its label. */
function ReadableField({ path, field, kind }: { path: string; field?: { label?: unknown }; kind: keyof typeof CELLS }) {
  const { value } = useField<string>({ path })
  const { i18n } = useTranslation()
  const l = field?.label as Record<string, string> | string | undefined
  const text = typeof l === 'string' ? l : (l?.[lang(i18n.language)] ?? path)
  const Cell = CELLS[kind]
  return (
    <div className="field-type text read-only" style={{ marginBottom: 'var(--spacing-field, 1.5rem)' }}>
      <div className="field-label">{text}</div>
      <div style={{ padding: '8px 15px', minHeight: 40, background: 'var(--theme-elevation-100)', borderRadius: 'var(--style-radius-s, 3px)' }}>
        <Cell cellData={value} />
      </div>
    </div>
  )
}

type FieldProps = { path: string; field?: { label?: unknown } }
export const CollectionField = (p: FieldProps) => <ReadableField {...p} kind="collection" />
export const RolesField = (p: FieldProps) => <ReadableField {...p} kind="roles" />
export const DottedIdsField = (p: FieldProps) => <ReadableField {...p} kind="ids" />
