'use client'

import { useEffect, useState } from 'react'

const TEXT = {
  vi: {
    title: 'Xác thực hai bước',
    leadEnrol: 'Vai trò của Anh/Chị cho phép xem hồ sơ của nhiều người, nên cần thêm một lớp bảo vệ. Dùng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…) quét mã QR dưới đây, rồi nhập mã 6 chữ số ứng dụng hiển thị.',
    leadVerify: 'Nhập mã 6 chữ số trong ứng dụng xác thực của Anh/Chị.',
    manual: 'Không quét được? Nhập khóa này vào ứng dụng:',
    code: 'Mã xác thực',
    submit: 'Xác nhận',
    signOut: 'Đăng xuất',
  },
  en: {
    title: 'Two-factor sign-in',
    leadEnrol: 'Your role reaches many people’s records, so it needs a second factor. Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…), then enter the 6-digit code it shows.',
    leadVerify: 'Enter the 6-digit code from your authenticator app.',
    manual: 'Cannot scan? Enter this key in the app:',
    code: 'Code',
    submit: 'Confirm',
    signOut: 'Sign out',
  },
}

export function SecondFactorForm({ lang, enrolled, next, email }: { lang: 'vi' | 'en'; enrolled: boolean; next: string; email: string }) {
  const t = TEXT[lang]
  const [setup, setSetup] = useState<{ secret: string; qrSvg: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (enrolled) return
    void (async () => {
      const res = await fetch('/api/accounts/mfa/setup', { method: 'POST', credentials: 'include', headers: { 'Accept-Language': lang } })
      const body = await res.json().catch(() => ({}))
      if (res.ok) setSetup(body)
      else setError(body.errors?.[0]?.message ?? res.statusText)
    })()
  }, [enrolled, lang])

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const code = String(new FormData(e.currentTarget).get('code') ?? '')
    setBusy(true)
    setError(null)
    const res = await fetch('/api/accounts/mfa/verify', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify({ code }),
    })
    setBusy(false)
    if (res.ok) {
      window.location.href = next
      return
    }
    const body = await res.json().catch(() => ({}))
    setError(body.errors?.[0]?.message ?? res.statusText)
  }
  const signOut = async () => {
    await fetch('/api/accounts/logout', { method: 'POST', credentials: 'include' })
    window.location.href = '/admin/login'
  }

  return (
    <main className="self">
      <form className="card login" onSubmit={submit}>
        <h1>{t.title}</h1>
        <p className="who">{email}</p>
        <p>{enrolled ? t.leadVerify : t.leadEnrol}</p>
        {!enrolled && setup && (
          <>
            <div data-testid="totp-qr" style={{ width: 220 }} dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
            <p>
              {t.manual} <code data-testid="totp-secret">{setup.secret}</code>
            </p>
          </>
        )}
        <label>
          {t.code}
          <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" required autoFocus />
        </label>
        <br />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div style={{ display: 'flex', gap: '0.5rem' }}>
          <button className="primary" type="submit" disabled={busy}>
            {t.submit}
          </button>
          <button type="button" onClick={signOut}>
            {t.signOut}
          </button>
        </div>
      </form>
    </main>
  )
}
