'use client'
import { useCallback, useEffect, useState } from 'react'

import {
  DATA_REQUEST_OUTCOME_LABELS,
  DATA_REQUEST_STATE_LABELS,
  DATA_REQUEST_TYPE_LABELS,
  DATA_REQUEST_TYPES,
  type DataRequestOutcome,
  type DataRequestState,
  type DataRequestType,
} from '../../domain/dataRequests'
import { formatDate } from '../../domain/dates'

interface Request {
  id: number
  type: DataRequestType
  subject: string
  state: DataRequestState
  receivedOn: string
  dueDate: string | null
  extendedDueDate: string | null
  firstReplyText: string | null
  extensionReason: string | null
  outcome: DataRequestOutcome | null
  outcomeReason: string | null
}

/**
 * The person's rights over their data (Luật 91/2025 Điều 4): "Tải toàn bộ dữ liệu của tôi" at once (JSON and PDF,
 * no request needed), and a request to the personal-data officer with its deadlines and answers.
 */
export function MyDataRights({ lang }: { lang: 'vi' | 'en' }) {
  const en = lang === 'en'
  const [requests, setRequests] = useState<Request[] | null>(null)
  const [type, setType] = useState<DataRequestType>('view')
  const [subject, setSubject] = useState('')
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    fetch('/api/data-requests?limit=50&depth=0&sort=-receivedAt', { credentials: 'include', headers: { 'Accept-Language': lang } })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((b) => setRequests(b.docs ?? []))
      .catch(() => setRequests([]))
  }, [lang])
  useEffect(load, [load])

  const file = async () => {
    setBusy(true)
    setError(null)
    setNotice(null)
    const res = await fetch('/api/data-requests/mine', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify({ type, subject, text }),
    })
    const json = await res.json().catch(() => ({}))
    setBusy(false)
    if (!res.ok) return setError(json.errors?.map((x: { message: string }) => x.message).join('; ') ?? res.statusText)
    setSubject('')
    setText('')
    setNotice(
      en
        ? `Request received. First reply by ${formatDate(json.firstReplyDue)}${json.dueDate ? `, answer by ${formatDate(json.dueDate)}` : ''}.`
        : `Đã tiếp nhận yêu cầu. Trả lời lần đầu trước hết ngày ${formatDate(json.firstReplyDue)}${json.dueDate ? `, giải quyết trước hết ngày ${formatDate(json.dueDate)}` : ''}.`,
    )
    load()
  }

  return (
    <section className="card" data-testid="my-data-rights">
      <h2>{en ? 'My personal data' : 'Dữ liệu cá nhân của tôi'}</h2>
      <p>
        {en
          ? 'Everything this database holds about you — record with all histories, change requests, photos, signed exports, account, sign-ins and who accessed your record — at once, without a request.'
          : 'Toàn bộ dữ liệu cơ sở dữ liệu này lưu về Anh/Chị — hồ sơ cùng các quá trình, yêu cầu cập nhật, ảnh, bản trích xuất có ký số, tài khoản, lịch sử đăng nhập và nhật ký truy cập hồ sơ — tải ngay, không cần gửi yêu cầu.'}
      </p>
      <p>
        <a href="/api/my-data.pdf" data-testid="my-data-pdf" download>
          {en ? 'Download all my data (PDF)' : 'Tải toàn bộ dữ liệu của tôi (PDF)'}
        </a>{' '}
        ·{' '}
        <a href="/api/my-data.json" data-testid="my-data-json" download>
          {en ? 'machine-readable (JSON)' : 'dạng máy đọc được (JSON)'}
        </a>
      </p>
      <h3>{en ? 'A request about my personal data' : 'Gửi yêu cầu về dữ liệu cá nhân'}</h3>
      <label>
        {en ? 'Kind of request' : 'Loại yêu cầu'}{' '}
        <select name="dataRequestType" value={type} onChange={(e) => setType(e.target.value as DataRequestType)} disabled={busy}>
          {DATA_REQUEST_TYPES.map((k) => (
            <option key={k} value={k}>
              {DATA_REQUEST_TYPE_LABELS[k][lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {en ? 'Which data it is about' : 'Dữ liệu liên quan'}{' '}
        <input name="dataRequestSubject" value={subject} maxLength={500} onChange={(e) => setSubject(e.target.value)} disabled={busy} />
      </label>
      <label>
        {en ? 'Details' : 'Nội dung'} <textarea name="dataRequestText" value={text} maxLength={5000} onChange={(e) => setText(e.target.value)} disabled={busy} />
      </label>
      <button type="button" onClick={() => void file()} disabled={busy}>
        {en ? 'Send the request' : 'Gửi yêu cầu'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {requests && requests.length > 0 && (
        <table className="diff" data-testid="my-data-requests">
          <thead>
            <tr>
              <th>{en ? 'Request' : 'Yêu cầu'}</th>
              <th>{en ? 'Received / due' : 'Ngày nhận / hạn'}</th>
              <th>{en ? 'State and answer' : 'Trạng thái, trả lời'}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>
                  {DATA_REQUEST_TYPE_LABELS[r.type]?.[lang] ?? r.type}: {r.subject}
                </td>
                <td>
                  {formatDate(r.receivedOn)} / {formatDate(r.extendedDueDate ?? r.dueDate)}
                </td>
                <td>
                  {[
                    DATA_REQUEST_STATE_LABELS[r.state]?.[lang],
                    r.firstReplyText,
                    r.extensionReason && `${en ? 'Extended' : 'Gia hạn'}: ${r.extensionReason}`,
                    r.outcome && DATA_REQUEST_OUTCOME_LABELS[r.outcome][lang],
                    r.outcomeReason,
                  ]
                    .filter(Boolean)
                    .join(' — ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
