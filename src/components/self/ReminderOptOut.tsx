'use client'
import { useEffect, useState } from 'react'

/**
 * The person's own switch for the weekly reminder digest (accounts.reminderOptOut). Reminders HR sends on
 * purpose ("Nhắc cập nhật") still arrive.
 */
export function ReminderOptOut({ lang }: { lang: 'vi' | 'en' }) {
  const en = lang === 'en'
  const [account, setAccount] = useState<{ id: number; reminderOptOut?: boolean } | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    fetch('/api/accounts/me', { credentials: 'include' })
      .then((r) => r.json())
      .then((j) => setAccount(j.user ?? null))
      .catch(() => setAccount(null))
  }, [])
  if (!account) return null
  const toggle = async (optOut: boolean) => {
    setError(null)
    const res = await fetch(`/api/accounts/${account.id}`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
      body: JSON.stringify({ reminderOptOut: optOut }),
    })
    if (!res.ok) return setError(en ? 'Could not save the setting.' : 'Không lưu được lựa chọn.')
    setAccount({ ...account, reminderOptOut: optOut })
  }
  return (
    <section className="card" data-testid="reminder-opt-out">
      <label>
        <input type="checkbox" checked={!account.reminderOptOut} onChange={(e) => void toggle(!e.target.checked)} />{' '}
        {en
          ? 'Receive the weekly e-mail reminding me to update my record (reminders from my unit are always sent)'
          : 'Nhận thư nhắc cập nhật hồ sơ hằng tuần (thư nhắc do đơn vị gửi vẫn luôn được gửi)'}
      </label>
      {error && <p className="error">{error}</p>}
    </section>
  )
}
