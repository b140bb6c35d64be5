'use client'

import { Button, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

type Change = { field: string; label: string; before: string; after: string }
type RowChange = { collection: string; collectionLabel: string; kind: 'added' | 'removed' | 'changed'; before: string; after: string; fields: Change[] }
type Review = {
  id: number
  staffId: number
  staffName: string
  status: string
  revision: number
  returnReason: string | null
  stale: boolean
  staleMessage: string
  fields: Change[]
  rows: RowChange[]
  actions: string[]
  photos: { before: string | null; after: string | null }
}

const TEXT = {
  vi: {
    loading: 'Đang tải…',
    official: 'Hồ sơ chính thức',
    proposed: 'Đề nghị thay đổi',
    item: 'Mục',
    noChange: 'Yêu cầu này không thay đổi mục nào.',
    rows: 'Quá trình',
    added: 'Thêm',
    removed: 'Bỏ',
    changed: 'Sửa',
    approve: 'Duyệt',
    return: 'Trả lại',
    reason: 'Lý do trả lại (người khai sẽ thấy và nhận qua thư điện tử)',
    openRecord: 'Mở hồ sơ',
    returned: 'Lý do đã trả lại',
    title: 'Chênh lệch so với hồ sơ chính thức',
  },
  en: {
    loading: 'Loading…',
    official: 'Official record',
    proposed: 'Proposed',
    item: 'Item',
    noChange: 'This request changes nothing.',
    rows: 'Histories',
    added: 'Added',
    removed: 'Removed',
    changed: 'Changed',
    approve: 'Approve',
    return: 'Return',
    reason: 'Reason for returning (the person sees it and gets it by e-mail)',
    openRecord: 'Open the record',
    returned: 'Returned because',
    title: 'Difference from the official record',
  },
}

/** HR's review of a change request: field-by-field difference, then approve or return with a reason. */
export function ChangeRequestReview() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = i18n.language === 'en' ? TEXT.en : TEXT.vi
  const router = useRouter()
  const [review, setReview] = useState<Review | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`/api/change-requests/${id}/review`, { credentials: 'include' })
    const body = await res.json()
    if (!res.ok) setError(body.errors?.map((e: { message: string }) => e.message).join('; ') ?? res.statusText)
    else setReview(body)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  const act = async (action: 'approve' | 'return') => {
    if (!review) return
    setBusy(true)
    setError(null)
    const res = await fetch(`/api/change-requests/${review.id}/${action}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ revision: review.revision, reason }),
    })
    const body = await res.json()
    setBusy(false)
    if (!res.ok) {
      setError(body.errors?.map((e: { message: string }) => e.message).join('; ') ?? res.statusText)
      return
    }
    setReview(body)
    router.refresh()
  }

  if (!id) return null
  if (!review) return <div className="cr-review">{error ?? t.loading}</div>

  return (
    <div className="cr-review" data-testid="change-request-review">
      <h3>
        {t.title}: {review.staffName} (<a href={`/admin/collections/staff/${review.staffId}`}>{t.openRecord}</a>)
      </h3>
      {review.stale && <p className="cr-review__warning" role="alert">{review.staleMessage}</p>}
      {review.returnReason && (
        <p>
          <b>{t.returned}:</b> {review.returnReason}
        </p>
      )}
      {review.fields.length === 0 && review.rows.length === 0 && <p>{t.noChange}</p>}
      {review.fields.length > 0 && (
        <table className="cr-review__table">
          <thead>
            <tr>
              <th>{t.item}</th>
              <th>{t.official}</th>
              <th>{t.proposed}</th>
            </tr>
          </thead>
          <tbody>
            {review.fields.map((c) => (
              <tr key={c.field} data-field={c.field}>
                <th scope="row">{c.label}</th>
                <td className="cr-review__before">{c.field === 'photo' ? <Photo review={review} side="before" /> : c.before || '—'}</td>
                <td className="cr-review__after">{c.field === 'photo' ? <Photo review={review} side="after" /> : c.after || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {review.rows.length > 0 && (
        <table className="cr-review__table">
          <thead>
            <tr>
              <th>{t.rows}</th>
              <th>{t.official}</th>
              <th>{t.proposed}</th>
            </tr>
          </thead>
          <tbody>
            {review.rows.map((r, i) => (
              <tr key={i} className={`cr-review__row--${r.kind}`}>
                <th scope="row">
                  {r.collectionLabel} — {t[r.kind]}
                </th>
                <td className="cr-review__before">{r.before || '—'}</td>
                <td className="cr-review__after">
                  {r.kind === 'changed' ? r.fields.map((f) => `${f.label}: ${f.after || '—'}`).join('; ') : r.after || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="cr-review__error" role="alert">
          {error}
        </p>
      )}
      {(review.actions.includes('approve') || review.actions.includes('return')) && (
        <div className="cr-review__actions">
          {review.actions.includes('return') && (
            <label>
              {t.reason}
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} name="returnReason" />
            </label>
          )}
          <div className="cr-review__buttons">
            {review.actions.includes('approve') && (
              <Button buttonStyle="primary" disabled={busy || review.stale} onClick={() => act('approve')} margin={false}>
                {t.approve}
              </Button>
            )}
            {review.actions.includes('return') && (
              <Button buttonStyle="secondary" disabled={busy} onClick={() => act('return')} margin={false}>
                {t.return}
              </Button>
            )}
          </div>
        </div>
      )}
    </div>
  )
}

/** The official or the declared 4×6 photo, for comparing faces rather than ids. */
function Photo({ review, side }: { review: Review; side: 'before' | 'after' }) {
  const url = review.photos[side]
  return url ? <img src={url} alt="" style={{ width: 120, height: 160, objectFit: 'cover' }} /> : <>—</>
}
