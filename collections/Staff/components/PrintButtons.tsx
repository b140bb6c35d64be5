'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'

const TEXT = {
  vi: { heading: 'In hồ sơ', cv: 'In sơ yếu lý lịch', review: 'In bản rà soát', hint: 'Lưu hồ sơ trước khi in' },
  en: { heading: 'Print', cv: 'Print CV form (2C / HS02)', review: 'Print review copy', hint: 'Save the record before printing' },
}

/**
 * Sidebar of the staff edit view: links to the sơ yếu lý lịch (2C or HS02, chosen by the record's staff
 * category) and to the full-record review print. Both open the PDF endpoints, which apply the same access
 * rules as reading the record.
 */
export function PrintButtons() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = i18n.language === 'en' ? TEXT.en : TEXT.vi
  const style = { display: 'block', marginBottom: 8 }
  return (
    <div className="field-type" style={{ marginBottom: 24 }}>
      <div className="field-label" style={{ marginBottom: 8 }}>{t.heading}</div>
      {id ? (
        <>
          <a className="btn btn--style-secondary btn--size-small" style={style} href={`/api/staff/${id}/2c.pdf`} target="_blank" rel="noopener">
            {t.cv}
          </a>
          <a className="btn btn--style-secondary btn--size-small" style={style} href={`/api/staff/${id}/review.pdf`} target="_blank" rel="noopener">
            {t.review}
          </a>
        </>
      ) : (
        <p style={{ opacity: 0.7 }}>{t.hint}</p>
      )}
    </div>
  )
}
