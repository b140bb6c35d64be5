'use client'

import { useState } from 'react'

const TEXT = {
  vi: { title: 'Hồ sơ của tôi', lead: 'Đăng nhập để xem, khai và cập nhật hồ sơ cá nhân.', email: 'Thư điện tử', password: 'Mật khẩu', submit: 'Đăng nhập', failed: 'Đăng nhập không thành công.' },
  en: { title: 'My record', lead: 'Sign in to view, declare and update your personnel record.', email: 'E-mail', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed.' },
}

/** Sign-in for staff (Payload's login; the session cookie is shared with the admin). */
export function LoginForm({ lang }: { lang: 'vi' | 'en' }) {
  const t = TEXT[lang]
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    setBusy(true)
    setError(null)
    const res = await fetch('/api/accounts/login', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify({ email: data.get('email'), password: data.get('password') }),
    })
    setBusy(false)
    if (res.ok) {
      window.location.reload()
      return
    }
    const body = await res.json().catch(() => ({}))
    setError(body.errors?.map((x: { message: string }) => x.message).join('; ') || t.failed)
  }
  return (
    <main className="self">
      <form className="card login" onSubmit={submit}>
        <h1>{t.title}</h1>
        <p>{t.lead}</p>
        <label>
          {t.email}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <br />
        <label>
          {t.password}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <br />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit" disabled={busy}>
          {t.submit}
        </button>
      </form>
    </main>
  )
}
