'use client'

import { useCallback, useEffect, useMemo, useState } from 'react'

import type { FieldInfo } from '../../changeRequests/catalogue'
import { formatDateTimeInVietnam } from '../../domain/dates'
import { MyDataRights } from './MyDataRights'
import { ReminderOptOut } from './ReminderOptOut'
import type { SelfServiceForm } from '../../changeRequests/form'

type Lang = 'vi' | 'en'
type Row = Record<string, unknown> & { id?: number }
type Change = { field: string; label: string; before: string; after: string }
type RowChange = { collection: string; collectionLabel: string; kind: 'added' | 'removed' | 'changed'; before: string; after: string; fields: Change[] }
interface RequestView {
  id: number
  status: 'draft' | 'submitted' | 'approved' | 'returned' | 'withdrawn'
  revision: number
  proposal: { fields: Record<string, unknown>; rows: Record<string, Row[]> }
  returnReason: string | null
  submittedAt: string | null
  decidedAt: string | null
  transitions: Array<{ action: string; at: string; reason?: string | null }>
  stale: boolean
  staleMessage: string
  fields: Change[]
  rows: RowChange[]
  actions: string[]
  photos: { before: string | null; after: string | null }
}
interface State {
  staffId: number
  stamp: string
  official: Record<string, unknown> & { rows: Record<string, Row[]> }
  request: RequestView | null
  photos: Record<string, string>
}

const TEXT = {
  vi: {
    title: 'Hồ sơ của tôi',
    signOut: 'Đăng xuất',
    admin: 'Trang quản trị',
    loading: 'Đang tải hồ sơ…',
    status: { draft: 'Nháp — chưa gửi duyệt', submitted: 'Đã gửi, đang chờ duyệt', approved: 'Đã duyệt', returned: 'Bị trả lại', withdrawn: 'Đã rút' },
    statusLead: 'Trạng thái khai báo',
    noRequest: 'không có thay đổi đang khai',
    none: 'Hồ sơ của Anh/Chị đang là thông tin chính thức. Sửa các mục dưới đây rồi bấm “Lưu nháp” hoặc “Gửi duyệt”.',
    draftLead: 'Các thay đổi được tô màu chưa có hiệu lực cho đến khi bộ phận tổ chức cán bộ duyệt.',
    submittedLead: 'Bộ phận tổ chức cán bộ đang xem xét. Thông tin chính thức giữ nguyên cho đến khi được duyệt.',
    approvedLead: 'Thay đổi gần nhất đã được duyệt và là thông tin chính thức.',
    returnedLead: 'Yêu cầu bị trả lại. Sửa theo lý do dưới đây rồi gửi duyệt lại.',
    reason: 'Lý do',
    changes: 'Các thay đổi đang khai',
    item: 'Mục',
    officialCol: 'Chính thức',
    proposedCol: 'Đề nghị',
    pending: 'Chờ duyệt',
    unsent: 'Chưa gửi',
    officialValue: 'Chính thức',
    empty: '(trống)',
    save: 'Lưu nháp',
    submit: 'Gửi duyệt',
    withdraw: 'Rút yêu cầu để sửa',
    saved: 'Đã lưu. Thông tin liên hệ được cập nhật ngay; các mục khác chờ gửi duyệt.',
    submittedOk: 'Đã gửi duyệt.',
    withdrawn: 'Đã rút yêu cầu; Anh/Chị có thể sửa tiếp.',
    addRow: 'Thêm dòng',
    removeRow: 'Bỏ dòng này',
    contact: 'cập nhật ngay',
    print: 'In bản rà soát thông tin',
    print2c: 'In sơ yếu lý lịch (đã duyệt)',
    history: 'Quá trình xử lý',
    actions: { submit: 'Gửi duyệt', approve: 'Duyệt', return: 'Trả lại', withdraw: 'Rút', reopen: 'Mở lại để sửa' } as Record<string, string>,
    choose: '— chọn —',
    readOnly: 'Đang chờ duyệt: rút yêu cầu nếu cần sửa tiếp.',
    photo: 'Ảnh 4×6',
    photoPick: 'Chọn ảnh mới (JPEG hoặc PNG, tối đa 5 MB)',
    photoNone: 'Chưa có ảnh',
    photoNew: 'Ảnh mới khai',
    whoSaw: 'Ai đã xem hồ sơ của tôi',
    whoSawLead: 'Những lần người khác xem, in, xuất hoặc thay đổi hồ sơ của Anh/Chị, và những thay đổi do chính Anh/Chị thực hiện.',
    whoSawNone: 'Chưa có ai xem hồ sơ của Anh/Chị.',
    when: 'Thời điểm',
    who: 'Người thực hiện',
    what: 'Thao tác',
    why: 'Mục đích',
  },
  en: {
    title: 'My record',
    signOut: 'Sign out',
    admin: 'Admin',
    loading: 'Loading your record…',
    status: { draft: 'Draft — not submitted', submitted: 'Submitted, awaiting approval', approved: 'Approved', returned: 'Returned', withdrawn: 'Withdrawn' },
    statusLead: 'Declaration status',
    noRequest: 'nothing declared',
    none: 'Your record shows official data. Edit the items below, then “Save draft” or “Submit”.',
    draftLead: 'Highlighted changes take effect only once HR approves them.',
    submittedLead: 'HR is reviewing. Official data stays unchanged until approval.',
    approvedLead: 'Your latest changes were approved and are now official.',
    returnedLead: 'Your request was returned. Correct it as asked below and submit again.',
    reason: 'Reason',
    changes: 'Changes you declared',
    item: 'Item',
    officialCol: 'Official',
    proposedCol: 'Proposed',
    pending: 'Pending',
    unsent: 'Not sent',
    officialValue: 'Official',
    empty: '(empty)',
    save: 'Save draft',
    submit: 'Submit',
    withdraw: 'Withdraw to edit',
    saved: 'Saved. Contact details are updated at once; other items wait for submission.',
    submittedOk: 'Submitted.',
    withdrawn: 'Request withdrawn; you can edit again.',
    addRow: 'Add row',
    removeRow: 'Remove this row',
    contact: 'updated at once',
    print: 'Print for review',
    print2c: 'Print CV form (approved)',
    history: 'History',
    actions: { submit: 'Submitted', approve: 'Approved', return: 'Returned', withdraw: 'Withdrawn', reopen: 'Reopened' } as Record<string, string>,
    choose: '— choose —',
    readOnly: 'Awaiting approval: withdraw the request to edit again.',
    photo: '4×6 photo',
    photoPick: 'Choose a new photo (JPEG or PNG, up to 5 MB)',
    photoNone: 'No photo yet',
    photoNew: 'New photo',
    whoSaw: 'Who has seen my record',
    whoSawLead: 'Every time someone else viewed, printed, exported or changed your record, and the changes you made yourself.',
    whoSawNone: 'Nobody has viewed your record yet.',
    when: 'When',
    who: 'Who',
    what: 'What',
    why: 'Purpose',
  },
}

const OPEN = ['draft', 'submitted', 'returned']

/** Form value ↔ stored value, by field kind. */
function toInput(value: unknown, f: FieldInfo): string {
  if (value == null) return ''
  if (f.type === 'date') return String(value).slice(0, 10)
  if (f.type === 'month') return String(value).slice(0, 7)
  if (typeof value === 'object' && value && 'id' in value) return String((value as { id: unknown }).id)
  return String(value)
}
function fromInput(raw: string, f: FieldInfo): unknown {
  if (raw === '') return null
  if (f.type === 'date') return `${raw}T00:00:00.000Z`
  if (f.type === 'month') return `${raw}-01T00:00:00.000Z`
  if (f.type === 'number' || f.type === 'code') return Number(raw)
  return raw
}

function Input(props: { f: FieldInfo; value: unknown; onChange: (v: unknown) => void; disabled: boolean; lang: Lang; codes: SelfServiceForm['codes']; pending?: boolean; name: string }) {
  const { f, value, onChange, disabled, lang, codes, pending, name } = props
  const common = { id: name, name, disabled, className: pending ? 'pending' : undefined }
  const raw = toInput(value, f)
  if (f.type === 'textarea') return <textarea {...common} rows={3} value={raw} onChange={(e) => onChange(fromInput(e.target.value, f))} />
  if (f.type === 'select' || f.type === 'code') {
    const options = f.type === 'select' ? (f.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] })) : (codes[f.codeList ?? ''] ?? []).map((o) => ({ value: String(o.value), label: o.label }))
    return (
      <select {...common} value={raw} onChange={(e) => onChange(fromInput(e.target.value, f))}>
        <option value="">{TEXT[lang].choose}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    )
  }
  const type = f.type === 'date' ? 'date' : f.type === 'month' ? 'month' : f.type === 'number' ? 'number' : f.type === 'email' ? 'email' : 'text'
  return <input {...common} type={type} value={raw} onChange={(e) => onChange(fromInput(e.target.value, f))} />
}

/** The person's own record: official values, their declaration in progress, and its status. */
export function MyRecord({ lang, form, email, showAdminLink }: { lang: Lang; form: SelfServiceForm; email: string; showAdminLink: boolean }) {
  const t = TEXT[lang]
  const [state, setState] = useState<State | null>(null)
  const [values, setValues] = useState<Record<string, unknown>>({})
  const [rows, setRows] = useState<Record<string, Row[]>>({})
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [photoPreview, setPhotoPreview] = useState<string | null>(null)
  const [accessLog, setAccessLog] = useState<Array<{ time: string; actor: string; operationLabel: string; purpose: string | null }> | null>(null)

  const adopt = useCallback((s: State) => {
    setState(s)
    const open = s.request && OPEN.includes(s.request.status) ? s.request : null
    setValues({ ...s.official, ...(open?.proposal.fields ?? {}) })
    setRows(Object.fromEntries(form.histories.map((h) => [h.slug, open?.proposal.rows[h.slug] ?? s.official.rows[h.slug] ?? []])))
  }, [form.histories])

  /** One call to the server: busy while it runs, its errors shown in the person's language; the answer or null. */
  const send = useCallback(
    async (url: string, init: RequestInit): Promise<any | null> => {
      setBusy(true)
      setError(null)
      const res = await fetch(url, { ...init, credentials: 'include', headers: { ...(init.headers as Record<string, string>), 'Accept-Language': lang } })
      const json = await res.json().catch(() => ({}))
      setBusy(false)
      if (!res.ok) {
        setError(json.errors?.map((x: { message: string }) => x.message).join('; ') ?? res.statusText)
        return null
      }
      return json
    },
    [lang],
  )

  const api = useCallback(
    async (method: string, path: string, body?: unknown): Promise<State | null> => {
      setNotice(null)
      const json = (await send(`/api/change-requests/mine${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })) as State | null
      if (json) adopt(json)
      return json
    },
    [adopt, send],
  )

  useEffect(() => {
    void api('GET', '')
    void fetch('/api/audit-events/mine?limit=50', { credentials: 'include', headers: { 'Accept-Language': lang } })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((b) => setAccessLog(b.docs ?? []))
      .catch(() => setAccessLog([]))
  }, [api, lang])

  const allFields = useMemo(() => form.sections.flatMap((s) => s.fields), [form.sections])
  if (!state) return <main className="self">{error ? <p className="error">{error}</p> : <p>{t.loading}</p>}</main>

  const request = state.request
  const open = request && OPEN.includes(request.status) ? request : null
  const locked = open?.status === 'submitted'
  const diffOf = (field: string) => open?.fields.find((c) => c.field === field || c.field.startsWith(`${field}.`))

  const save = async () => {
    const fields = { ...Object.fromEntries(allFields.map((f) => [f.name, values[f.name] ?? null])), photo: values.photo ?? null }
    return api('PUT', '', { stamp: state.stamp, revision: open?.revision ?? null, fields, rows })
  }
  const onSave = async () => {
    if (await save()) setNotice(t.saved)
  }
  const onSubmit = async () => {
    const saved = await save()
    if (!saved) return
    if (!saved.request || !OPEN.includes(saved.request.status)) {
      setError(lang === 'vi' ? 'Chưa có thay đổi nào để gửi duyệt.' : 'There is nothing to submit.')
      return
    }
    if (await api('POST', '/submit', { revision: saved.request.revision })) setNotice(t.submittedOk)
  }
  const onWithdraw = async () => {
    if (open && (await api('POST', '/withdraw', { revision: open.revision }))) setNotice(t.withdrawn)
  }
  const onPhoto = async (file: File | undefined) => {
    if (!file) return
    const data = new FormData()
    data.append('file', file)
    const json = await send('/api/change-requests/mine/photo', { method: 'POST', body: data })
    if (!json) return
    setValues((old) => ({ ...old, photo: json.id }))
    setPhotoPreview(json.url)
  }
  const officialPhoto = state.official.photo != null ? state.photos[String(state.official.photo)] : null
  const declaredPhoto = photoPreview ?? (open?.proposal.fields.photo != null ? state.photos[String(open.proposal.fields.photo)] : null)
  const signOut = async () => {
    await fetch('/api/accounts/logout', { method: 'POST', credentials: 'include' })
    window.location.reload()
  }

  const statusKey = request?.status ?? 'none'
  const lead = !request ? t.none : { draft: t.draftLead, submitted: t.submittedLead, approved: t.approvedLead, returned: t.returnedLead, withdrawn: t.none }[request.status]

  return (
    <main className="self">
      <header>
        <div>
          <h1>{t.title}</h1>
          <span className="who">{email}</span>
        </div>
        <nav className="tools">
          <a className="button" href={`/api/staff/${state.staffId}/review.pdf`} target="_blank" rel="noreferrer">
            {t.print}
          </a>
          <a className="button" href={`/api/staff/${state.staffId}/2c.pdf`} target="_blank" rel="noreferrer">
            {t.print2c}
          </a>
          {showAdminLink && (
            <a className="button" href="/admin">
              {t.admin}
            </a>
          )}
          <button type="button" onClick={signOut}>
            {t.signOut}
          </button>
        </nav>
      </header>

      <section className={`card status ${statusKey}`} data-testid="request-status" data-status={statusKey}>
        <h2>
          {t.statusLead}: {request ? t.status[request.status] : t.noRequest}
        </h2>
        <p>{lead}</p>
        {request?.returnReason && request.status === 'returned' && (
          <p data-testid="return-reason">
            <b>{t.reason}:</b> {request.returnReason}
          </p>
        )}
        {open?.stale && <p className="error">{open.staleMessage}</p>}
        {open && (open.fields.length > 0 || open.rows.length > 0) && (
          <>
            <h2>{t.changes}</h2>
            <table className="diff">
              <thead>
                <tr>
                  <th>{t.item}</th>
                  <th>{t.officialCol}</th>
                  <th>{t.proposedCol}</th>
                </tr>
              </thead>
              <tbody>
                {open.fields.map((c) => (
                  <tr key={c.field}>
                    <td>{c.label}</td>
                    <td>{c.before || t.empty}</td>
                    <td>
                      <b>{c.after || t.empty}</b>
                    </td>
                  </tr>
                ))}
                {open.rows.map((r, i) => (
                  <tr key={`r${i}`}>
                    <td>{r.collectionLabel}</td>
                    <td>{r.before || t.empty}</td>
                    <td>
                      <b>{r.kind === 'removed' ? t.empty : r.after}</b>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {locked && <p className="notice">{t.readOnly}</p>}

      <section className="card photo-card">
        <h2>{t.photo}</h2>
        <div className="photos">
          <figure>
            {officialPhoto ? <img src={officialPhoto} alt={t.photo} /> : <div className="photo-empty">{t.photoNone}</div>}
            <figcaption>{t.officialValue}</figcaption>
          </figure>
          {declaredPhoto && (
            <figure>
              <img src={declaredPhoto} alt={t.photoNew} className="pending" data-testid="declared-photo" />
              <figcaption>
                {t.photoNew} <span className="badge">{open?.status === 'submitted' ? t.pending : t.unsent}</span>
              </figcaption>
            </figure>
          )}
        </div>
        {!locked && (
          <label htmlFor="photo-file">
            {t.photoPick}
            <input id="photo-file" type="file" accept="image/jpeg,image/png" disabled={busy} onChange={(e) => onPhoto(e.target.files?.[0])} />
          </label>
        )}
      </section>

      {form.sections.map((section) => (
        <section className="card" key={section.label.vi}>
          <h2>{section.label[lang]}</h2>
          <div className="grid">
            {section.fields.flatMap((f) =>
              f.type === 'group'
                ? (f.fields ?? []).map((sub) => {
                    const group = (values[f.name] ?? {}) as Record<string, unknown>
                    const diff = diffOf(`${f.name}.${sub.name}`)
                    return (
                      <label key={`${f.name}.${sub.name}`} htmlFor={`f-${f.name}-${sub.name}`}>
                        {sub.label[lang]}
                        {diff && <span className="badge">{open?.status === 'draft' ? t.unsent : t.pending}</span>}
                        <Input
                          f={sub}
                          name={`f-${f.name}-${sub.name}`}
                          value={group[sub.name]}
                          lang={lang}
                          codes={form.codes}
                          disabled={busy || locked}
                          pending={Boolean(diff)}
                          onChange={(v) => setValues((old) => ({ ...old, [f.name]: { ...((old[f.name] ?? {}) as object), [sub.name]: v } }))}
                        />
                      </label>
                    )
                  })
                : [
                    <label key={f.name} htmlFor={`f-${f.name}`}>
                      {f.label[lang]}
                      {f.tier === 'T1' && <span className="hint"> ({t.contact})</span>}
                      {diffOf(f.name) && <span className="badge">{open?.status === 'draft' ? t.unsent : t.pending}</span>}
                      <Input
                        f={f}
                        name={`f-${f.name}`}
                        value={values[f.name]}
                        lang={lang}
                        codes={form.codes}
                        disabled={busy || locked}
                        pending={Boolean(diffOf(f.name))}
                        onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
                      />
                      {diffOf(f.name) && (
                        <span className="official">
                          {t.officialValue}: {diffOf(f.name)!.before || t.empty}
                        </span>
                      )}
                    </label>,
                  ],
            )}
          </div>
        </section>
      ))}

      {form.histories.map((h) => (
        <section className="card" key={h.slug} data-history={h.slug}>
          <h2>{h.label[lang]}</h2>
          {(rows[h.slug] ?? []).map((row, i) => (
            <div className="row-card" key={row.id ?? `new-${i}`}>
              <div className="grid">
                {h.fields
                  .filter((f) => f.name !== 'sortOrder')
                  .map((f) => (
                    <label key={f.name} htmlFor={`r-${h.slug}-${i}-${f.name}`}>
                      {f.label[lang]}
                      <Input
                        f={f}
                        name={`r-${h.slug}-${i}-${f.name}`}
                        value={row[f.name]}
                        lang={lang}
                        codes={form.codes}
                        disabled={busy || locked}
                        onChange={(v) => setRows((old) => ({ ...old, [h.slug]: old[h.slug]!.map((r, j) => (j === i ? { ...r, [f.name]: v } : r)) }))}
                      />
                    </label>
                  ))}
              </div>
              {!locked && (
                <p>
                  <button type="button" disabled={busy} onClick={() => setRows((old) => ({ ...old, [h.slug]: old[h.slug]!.filter((_, j) => j !== i) }))}>
                    {t.removeRow}
                  </button>
                </p>
              )}
            </div>
          ))}
          {!locked && (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                setRows((old) => ({
                  ...old,
                  [h.slug]: [...(old[h.slug] ?? []), Object.fromEntries(h.fields.filter((f) => f.type === 'select').map((f) => [f.name, f.options?.[0]?.value ?? null]))],
                }))
              }
            >
              {t.addRow}
            </button>
          )}
        </section>
      ))}

      {request && request.transitions.length > 0 && (
        <section className="card">
          <h2>{t.history}</h2>
          <ul>
            {request.transitions.map((tr, i) => (
              <li key={i}>
                {formatDateTimeInVietnam(tr.at)} — {t.actions[tr.action] ?? tr.action}
                {tr.reason ? `: ${tr.reason}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" data-testid="access-log">
        <h2>{t.whoSaw}</h2>
        <p>{t.whoSawLead}</p>
        {accessLog && accessLog.length === 0 && <p>{t.whoSawNone}</p>}
        {accessLog && accessLog.length > 0 && (
          <table className="diff">
            <thead>
              <tr>
                <th>{t.when}</th>
                <th>{t.who}</th>
                <th>{t.what}</th>
                <th>{t.why}</th>
              </tr>
            </thead>
            <tbody>
              {accessLog.map((e, i) => (
                <tr key={i}>
                  <td>{e.time}</td>
                  <td>{e.actor}</td>
                  <td>{e.operationLabel}</td>
                  <td>{e.purpose ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div className="actions">
        {error && (
          <p className="error" role="alert" style={{ width: '100%' }}>
            {error}
          </p>
        )}
        {notice && (
          <p className="notice" role="status" style={{ width: '100%' }}>
            {notice}
          </p>
        )}
        {!locked && (
          <>
            <button type="button" onClick={onSave} disabled={busy}>
              {t.save}
            </button>
            <button type="button" className="primary" onClick={onSubmit} disabled={busy}>
              {t.submit}
            </button>
          </>
        )}
        {locked && open?.actions.includes('withdraw') && (
          <button type="button" onClick={onWithdraw} disabled={busy}>
            {t.withdraw}
          </button>
        )}
      </div>
      <MyDataRights lang={lang} />
      <ReminderOptOut lang={lang} />
    </main>
  )
}
