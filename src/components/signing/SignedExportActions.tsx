'use client'

import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'

const TEXT = {
  vi: {
    download: 'Tải văn bản đã ký số (PDF)',
    verify: 'Trang xác thực công khai',
    waiting: 'Văn bản đang được xử lý; trang này cập nhật khi tải lại.',
    external: 'Đang chờ chữ ký từ thiết bị ký ngoài (USB token / dịch vụ ký từ xa): lấy dữ liệu cần ký tại',
    failed: 'Không ký được văn bản này. Tạo yêu cầu mới sau khi khắc phục lý do bên dưới.',
  },
  en: {
    download: 'Download the signed document (PDF)',
    verify: 'Public verification page',
    waiting: 'The document is being processed; reload to refresh.',
    external: 'Waiting for an external signer (USB token / remote signing): fetch the data to sign at',
    failed: 'This document could not be signed. Make a new request once the reason below is fixed.',
  },
}

/** Actions on a signed export's edit view: download when done, the verification page, what it waits for. */
export function SignedExportActions() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = i18n.language === 'en' ? TEXT.en : TEXT.vi
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const code = useFormFields(([fields]) => fields.code?.value as string | undefined)
  const box = { padding: '12px 16px', border: '1px solid var(--theme-elevation-150)', borderRadius: 4, marginBottom: 24, display: 'flex', gap: 16, flexWrap: 'wrap' as const, alignItems: 'center' }
  return (
    <div style={box} data-testid="signed-export-actions">
      {status === 'done' && (
        <a className="btn btn--style-primary btn--size-medium" href={`/api/signed-exports/${id}/file.pdf`} data-testid="signed-export-download">
          {t.download}
        </a>
      )}
      {code && (
        <a href={`/xac-thuc/${code}`} target="_blank" rel="noreferrer">
          {t.verify}
        </a>
      )}
      {status === 'queued' && <span>{t.waiting}</span>}
      {(status === 'awaiting-person' || status === 'awaiting-agency') && (
        <span>
          {t.external} <code>/api/signed-exports/{id}/to-be-signed</code>
        </span>
      )}
      {status === 'failed' && <span>{t.failed}</span>}
    </div>
  )
}
