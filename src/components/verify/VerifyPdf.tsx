'use client'

import { useState } from 'react'

import type { PublicExportRecord } from '../../signedExports/publicRecord'
import type { SignatureReport, VerificationReport } from '../../signing/types'

type Lang = 'vi' | 'en'

const TEXT = {
  vi: {
    title: 'Xác thực văn bản điện tử có ký số',
    intro: 'Tải lên tệp PDF để kiểm tra từng chữ ký số: ai ký, chứng thư số do ai cấp, thời điểm ký, văn bản có bị sửa sau khi ký không, và đây có phải văn bản do hệ thống phát hành.',
    choose: 'Chọn tệp PDF',
    check: 'Kiểm tra',
    checking: 'Đang kiểm tra…',
    record: 'Văn bản được tra cứu',
    code: 'Mã tra cứu',
    form: 'Loại văn bản',
    status: 'Trạng thái',
    issued: 'Ngày tạo',
    person: 'Người có thẩm quyền ký',
    agency: 'Cơ quan ký số',
    sha: 'SHA-256 của bản gốc',
    overallOk: 'Tất cả chữ ký hợp lệ; văn bản không bị thay đổi sau khi ký.',
    overallBad: 'Văn bản KHÔNG hợp lệ: xem chi tiết từng chữ ký bên dưới.',
    ours: (code: string) => `Tệp trùng khớp từng byte với bản gốc do hệ thống phát hành (mã tra cứu ${code}).`,
    notOurs: 'Tệp không trùng với văn bản nào do hệ thống phát hành.',
    differs: 'Tệp khác với bản gốc của mã tra cứu này.',
    of: 'Họ tên trong văn bản',
    signature: 'Chữ ký',
    docTimestamp: 'Dấu thời gian lưu trữ',
    signer: 'Người ký / cơ quan ký',
    issuer: 'Tổ chức cấp chứng thư',
    chain: 'Chuỗi chứng thư',
    validity: 'Hiệu lực chứng thư',
    claimed: 'Thời điểm ký (khai báo)',
    timestamp: 'Dấu thời gian (RFC 3161)',
    integrity: 'Toàn vẹn dữ liệu',
    trusted: 'Tin cậy (đến chứng thư gốc)',
    revocation: 'Tình trạng thu hồi',
    level: 'Mức PAdES',
    modified: 'Thay đổi sau khi ký',
    values: { valid: 'Hợp lệ', invalid: 'Không hợp lệ', unknown: 'Không xác định', good: 'Chưa bị thu hồi', revoked: 'Đã bị thu hồi' },
    changes: { none: 'Không', allowed: 'Chỉ thêm chữ ký / dữ liệu xác thực (được phép)', other: 'CÓ — nội dung đã bị thay đổi' },
    noSignatures: 'Tệp không có chữ ký số nào.',
    other: 'English',
  },
  en: {
    title: 'Verify a digitally signed document',
    intro: 'Upload a PDF to check each digital signature: who signed, who issued the certificate, when it was signed, whether the document changed after signing, and whether it is one of our documents.',
    choose: 'Choose a PDF file',
    check: 'Verify',
    checking: 'Checking…',
    record: 'Document looked up',
    code: 'Verification code',
    form: 'Document',
    status: 'Status',
    issued: 'Created',
    person: 'Competent person',
    agency: 'Agency signature',
    sha: 'SHA-256 of the original',
    overallOk: 'Every signature is valid; the document has not changed since it was signed.',
    overallBad: 'The document is NOT valid: see each signature below.',
    ours: (code: string) => `The file is byte-for-byte our original (verification code ${code}).`,
    notOurs: 'The file matches none of our documents.',
    differs: 'The file differs from the original of this verification code.',
    of: 'Name in the document',
    signature: 'Signature',
    docTimestamp: 'Archival timestamp',
    signer: 'Signer',
    issuer: 'Certificate issuer',
    chain: 'Certificate chain',
    validity: 'Certificate validity',
    claimed: 'Signing time (claimed)',
    timestamp: 'Timestamp (RFC 3161)',
    integrity: 'Integrity',
    trusted: 'Trusted (to a root)',
    revocation: 'Revocation',
    level: 'PAdES level',
    modified: 'Changed after signing',
    values: { valid: 'Valid', invalid: 'Invalid', unknown: 'Unknown', good: 'Not revoked', revoked: 'Revoked' },
    changes: { none: 'No', allowed: 'Only signatures / validation data added (allowed)', other: 'YES — the content was changed' },
    noSignatures: 'The file carries no digital signature.',
    other: 'Tiếng Việt',
  },
}

/** ISO 8601 in Vietnam time (+07:00), as NĐ 30/2020 shows signing times. */
function vnTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Date(d.getTime() + 7 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00')
}

function Verdict({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return <div className={ok ? 'notice' : 'error'}>{children}</div>
}

function SignatureCard({ s, i, t }: { s: SignatureReport; i: number; t: (typeof TEXT)['vi'] }) {
  const v = (x: string) => (t.values as Record<string, string>)[x] ?? x
  const rows: Array<[string, React.ReactNode]> = [
    [t.signer, s.signer ? `${s.signer.commonName} (${s.signer.subject})` : '—'],
    [t.issuer, s.signer?.issuer ?? '—'],
    [t.chain, s.chain.map((c) => c.commonName).join(' → ') || '—'],
    [t.validity, s.signer ? `${vnTime(s.signer.notBefore)} — ${vnTime(s.signer.notAfter)}` : '—'],
    [t.claimed, vnTime(s.claimedSigningTime)],
    [t.timestamp, s.timestamp ? `${vnTime(s.timestamp.time)} · ${s.timestamp.authority} · ${v(s.timestamp.integrity)}` : '—'],
    [t.integrity, v(s.integrity)],
    [t.trusted, v(s.chainTrusted)],
    [t.revocation, v(s.revocation)],
    [t.level, s.level ?? '—'],
    [t.modified, t.changes[s.laterChanges]],
  ]
  return (
    <section className={`card status ${s.valid ? 'approved' : 'returned'}`} data-testid="signature-report">
      <h2>
        {s.kind === 'signature' ? t.signature : t.docTimestamp} {i + 1}: {s.valid ? '✔ ' + t.values.valid : '✘ ' + t.values.invalid}
      </h2>
      <table className="diff">
        <tbody>
          {rows.map(([k, val]) => (
            <tr key={k}>
              <th style={{ width: '38%' }}>{k}</th>
              <td>{val}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.problems.length > 0 && <ul>{(t === TEXT.en ? s.problemsEn : s.problems).map((p) => <li key={p}>{p}</li>)}</ul>}
    </section>
  )
}

/** The public verification page (/xac-thuc, /xac-thuc/CODE): upload a PDF, see every signature. */
export function VerifyPdf({ lang, record, codeError }: { lang: Lang; record?: PublicExportRecord | null; codeError?: string }) {
  const t = TEXT[lang]
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<{ report: VerificationReport; export: PublicExportRecord | null } | null>(null)

  const check = async () => {
    if (!file) return
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const res = await fetch('/api/signed-exports/verify', { method: 'POST', headers: { 'Content-Type': 'application/pdf', 'Accept-Language': lang }, body: file })
      const body = await res.json()
      if (!res.ok) setError(body.errors?.[0]?.message ?? String(res.status))
      else setResult(body)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const report = result?.report
  return (
    <main className="self">
      <header>
        <h1>{t.title}</h1>
        <a className="who" href={`?lang=${lang === 'vi' ? 'en' : 'vi'}`}>{t.other}</a>
      </header>
      {codeError && <div className="error">{codeError}</div>}
      {record && (
        <section className="card" data-testid="export-record">
          <h2>{t.record}</h2>
          <table className="diff">
            <tbody>
              <tr><th>{t.code}</th><td>{record.code}</td></tr>
              <tr><th>{t.form}</th><td>{record.formLabel}</td></tr>
              <tr><th>{t.status}</th><td>{record.statusLabel[lang]}</td></tr>
              <tr><th>{t.issued}</th><td>{vnTime(record.createdAt)}</td></tr>
              {record.person && <tr><th>{t.person}</th><td>{record.person.name} · {vnTime(record.person.signedAt)}</td></tr>}
              {record.agency && <tr><th>{t.agency}</th><td>{record.agency.name} · {vnTime(record.agency.signedAt)}</td></tr>}
              {record.sha256 && <tr><th>{t.sha}</th><td style={{ wordBreak: 'break-all' }}>{record.sha256}</td></tr>}
            </tbody>
          </table>
        </section>
      )}
      <section className="card">
        <p>{t.intro}</p>
        <label>
          {t.choose}
          <input type="file" accept="application/pdf,.pdf" data-testid="verify-file" onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setResult(null)
              setError(null)
            }} />
        </label>
        <div className="actions" style={{ position: 'static' }}>
          <button className="primary" disabled={!file || busy} onClick={check} data-testid="verify-submit">
            {busy ? t.checking : t.check}
          </button>
        </div>
        {error && <div className="error" role="alert">{error}</div>}
      </section>
      {report && (
        <div data-testid="verify-result">
          {report.signatures.length === 0 ? (
            <Verdict ok={false}>{t.noSignatures}</Verdict>
          ) : (
            <Verdict ok={report.valid}>{report.valid ? t.overallOk : t.overallBad}</Verdict>
          )}
          <p>
            {result!.export ? (
              <Verdict ok>
                {t.ours(result!.export.code)} {result!.export.staffName && `${t.of}: ${result!.export.staffName}.`}
              </Verdict>
            ) : (
              <Verdict ok={false}>{record ? t.differs : t.notOurs}</Verdict>
            )}
          </p>
          {report.signatures.map((s, i) => (
            <SignatureCard key={s.fieldName + i} s={s} i={i} t={t} />
          ))}
          <p className="who">SHA-256: {report.sha256}</p>
        </div>
      )}
    </main>
  )
}
