'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'

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
