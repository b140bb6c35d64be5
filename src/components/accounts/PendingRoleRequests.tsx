'use client'

import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { ROLE_OPTIONS } from '../../accounts/roleOptions'
import { formatDateTimeInVietnam } from '../../domain/dates'

const TEXT = {
  vi: {
    title: 'Đề nghị thay đổi đang chờ phê duyệt',
    body: 'Thay đổi dưới đây chưa có hiệu lực: tài khoản vẫn giữ vai trò hiện tại cho đến khi người có thẩm quyền khác phê duyệt.',
    roles: 'Vai trò đề nghị',
    open: 'Mở đề nghị',
    none: '(không)',
  },
  en: {
    title: 'Change waiting for approval',
    body: 'The change below has not taken effect: the account keeps its current roles until another authorised person approves.',
    roles: 'Requested roles',
    open: 'Open the request',
    none: '(none)',
  },
}

interface Pending {
  id: number
  roles?: string[] | null
  createdAt: string
}

/**
 * On an account's edit view: the role change that is waiting for a second person (collections/RoleRequests),
 * so that whoever saved it sees that it was recorded and has not taken effect yet. Shown to those who may
 * read role requests (ministry HR, system administrators); refreshed after each save.
 */
export function PendingRoleRequests() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const t = TEXT[lang]
  const updatedAt = useFormFields(([fields]) => fields.updatedAt?.value as string | undefined)
  const [pending, setPending] = useState<Pending[]>([])
  useEffect(() => {
    if (id == null) return
    let live = true
    const query = `where[account][equals]=${encodeURIComponent(String(id))}&where[status][equals]=pending&depth=0&limit=5&sort=-createdAt`
    fetch(`/api/role-requests?${query}`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((body: { docs?: Pending[] }) => live && setPending(body.docs ?? []))
      .catch(() => live && setPending([]))
    return () => {
      live = false
    }
  }, [id, updatedAt])
  if (!pending.length) return null
  const label = (role: string) => ROLE_OPTIONS.find((o) => o.value === role)?.label[lang] ?? role
  return (
    <div
      data-testid="pending-role-requests"
      style={{ padding: '12px 16px', border: '1px solid var(--theme-warning-500, #d9a400)', borderRadius: 4, marginBottom: 24 }}
    >
      <strong>{t.title}</strong>
      <p style={{ margin: '4px 0 8px' }}>{t.body}</p>
      {pending.map((p) => (
        <div key={p.id}>
          {t.roles}: {p.roles?.length ? p.roles.map(label).join(', ') : t.none} ·{' '}
          {formatDateTimeInVietnam(p.createdAt)} ·{' '}
          <a href={`/admin/collections/role-requests/${p.id}`}>{t.open}</a>
        </div>
      ))}
    </div>
  )
}
