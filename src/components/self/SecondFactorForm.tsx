'use client'

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

/**
 * The second-factor form: a plain POST to the verify endpoint with `next` as a field, so it works the same
 * before and after hydration; the endpoint answers with a redirect (to `next`, or back here with `?error=`).
 * Only signing out needs the script.
 */
export function SecondFactorForm({
  lang,
  enrolled,
  next,
  email,
  setup,
  error,
}: {
  lang: 'vi' | 'en'
  enrolled: boolean
  next: string
  email: string
  setup: { secret: string; qrSvg: string } | null
  error: string | null
}) {
  const t = TEXT[lang]
  const signOut = async () => {
    await fetch('/api/accounts/logout', { method: 'POST', credentials: 'include' })
    window.location.href = '/admin/login'
  }

  return (
    <main className="self">
      <form className="card login" method="post" action="/api/accounts/mfa/verify">
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
        <input type="hidden" name="next" value={next} />
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
          <button className="primary" type="submit">
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
