'use client'
import { Button, useAuth, useSelection, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import { isHrOfficer } from '../../../src/domain/access'

const TEXT = {
  vi: {
    heading: 'Văn bản điện tử có ký số',
    hint: 'Chọn hồ sơ trong danh sách, rồi yêu cầu sơ yếu lý lịch ký số (người có thẩm quyền và cơ quan quản lý).',
    form: 'Biểu mẫu',
    auto: 'Theo loại cán bộ (2C hoặc HS02)',
    full: 'Toàn bộ hồ sơ (trích xuất)',
    request: (n: number) => `Ký số và xuất (${n} hồ sơ đã chọn)`,
    sent: (n: number) => `Đã tạo ${n} văn bản; việc ký đang chạy.`,
    open: 'Xem tiến độ và tải về',
    allPages: 'Hãy chọn từng hồ sơ trên trang (không chọn "tất cả các trang").',
  },
  en: {
    heading: 'Signed electronic documents',
    hint: 'Select records in the list, then request signed CV forms (competent person and managing agency).',
    form: 'Form',
    auto: 'By staff category (2C or HS02)',
    full: 'Full record (extract)',
    request: (n: number) => `Sign and export (${n} selected)`,
    sent: (n: number) => `${n} documents created; signing is running.`,
    open: 'Follow progress and download',
    allPages: 'Select records on the page (not "all pages").',
  },
}

/** Above the staff list, for HR: a signed export of the selected records (POST /api/signed-exports/request). */
export function SignedExportRequest() {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const t = i18n.language === 'en' ? TEXT.en : TEXT.vi
  const { selected, count } = useSelection()
  const [form, setForm] = useState('auto')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string; batch?: string } | null>(null)
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  if (!isHrOfficer({ roles })) return null
  const ids = [...selected.entries()].filter(([, on]) => on).map(([id]) => Number(id))
  const submit = async () => {
    setBusy(true)
    setResult(null)
    try {
      const res = await fetch('/api/signed-exports/request', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': i18n.language },
        body: JSON.stringify({ staff: ids, form }),
      })
      const body = await res.json()
      if (res.ok) setResult({ ok: true, text: t.sent(body.ids.length), batch: body.batch })
      else setResult({ ok: false, text: body.errors?.[0]?.message ?? String(res.status) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ margin: '0 0 16px', padding: '10px 14px', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }} data-testid="signed-export-request">
      <strong>{t.heading}</strong>
      <div style={{ fontSize: 13, opacity: 0.8, margin: '4px 0 8px' }}>{t.hint}</div>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <label>
          {t.form}{' '}
          <select value={form} onChange={(e) => setForm(e.target.value)} data-testid="signed-export-form">
            <option value="auto">{t.auto}</option>
            <option value="2c">2C-BNV/2008</option>
            <option value="hs02">HS02-VC/BNV</option>
            <option value="full">{t.full}</option>
          </select>
        </label>
        <Button buttonStyle="primary" size="small" margin={false} disabled={busy || ids.length === 0} onClick={submit}>
          {t.request(ids.length)}
        </Button>
        {count > ids.length && <span>{t.allPages}</span>}
      </div>
      {result && (
        <div role="status" style={{ marginTop: 8, color: result.ok ? 'inherit' : 'var(--theme-error-500)' }}>
          {result.text}{' '}
          {result.batch && <a href={`/admin/collections/signed-exports?where[batch][equals]=${result.batch}`}>{t.open}</a>}
        </div>
      )}
    </div>
  )
}
