'use client'
import { useCallback, useEffect, useState } from 'react'

import { formatDateInVietnam } from '../../domain/dates'
import { averageCompleteness, percentComplete, type UnitAggregate } from '../../domain/reminders'

/** A unit's figures as the dashboard endpoint sends them (JSON: the date as an ISO string). */
type Unit = Omit<UnitAggregate, 'oldestPendingAt'> & { oldestPendingAt: string | null }
type Person = {
  staffId: number
  fullName: string
  unitName: string
  percent: number
  missing: Array<{ field: string; vi: string; en: string }>
  stale: boolean
  pending: boolean
  returned: boolean
  hasAccount: boolean
}

const FILTERS = ['all', 'incomplete', 'stale', 'pending', 'returned'] as const
const FILTER_LABELS: Record<(typeof FILTERS)[number], [string, string]> = {
  all: ['Cần chú ý', 'Needing attention'],
  incomplete: ['Chưa đầy đủ', 'Incomplete'],
  stale: ['Quá hạn xác nhận', 'Not confirmed in time'],
  pending: ['Chờ duyệt', 'Pending approval'],
  returned: ['Bị trả lại', 'Returned'],
}

const pct = (u: Unit) => percentComplete(u)
const date = (d: string | null) => formatDateInVietnam(d) || '—'

export function UpdateDashboardClient({ en, mayUrge }: { en: boolean; mayUrge: boolean }) {
  const t = (vi: string, eng: string) => (en ? eng : vi)
  const [units, setUnits] = useState<Unit[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [unit, setUnit] = useState<Unit | null>(null)
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all')
  const [people, setPeople] = useState<Person[] | null>(null)
  const [chosen, setChosen] = useState<Set<number>>(new Set())
  const [notice, setNotice] = useState<string | null>(null)
  const headers = { 'Accept-Language': en ? 'en' : 'vi' }

  useEffect(() => {
    fetch('/api/reminder-sends/dashboard', { credentials: 'include', headers })
      .then(async (r) => {
        const j = await r.json()
        if (!r.ok) throw new Error(j.errors?.[0]?.message ?? r.statusText)
        setUnits(j.units)
      })
      .catch((e: Error) => setError(e.message))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const load = useCallback(
    (u: Unit, f: (typeof FILTERS)[number]) => {
      setPeople(null)
      setChosen(new Set())
      setNotice(null)
      fetch(`/api/reminder-sends/people?unit=${u.unitId}&filter=${f}`, { credentials: 'include', headers })
        .then(async (r) => {
          const j = await r.json()
          if (!r.ok) throw new Error(j.errors?.[0]?.message ?? r.statusText)
          setPeople(j.people)
        })
        .catch((e: Error) => setError(e.message))
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [en],
  )

  const urge = async () => {
    setNotice(null)
    const res = await fetch('/api/reminder-sends/urge', {
      method: 'POST',
      credentials: 'include',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ staffIds: [...chosen] }),
    })
    const j = await res.json()
    if (!res.ok) return setNotice(j.errors?.map((x: { message: string }) => x.message).join('; ') ?? res.statusText)
    setNotice(
      t(
        `Đã gửi ${j.sent} thư; ${j.alreadyToday} người đã được nhắc hôm nay; ${j.noAccount} người chưa có tài khoản; ${j.failed} thư gửi lỗi.`,
        `${j.sent} sent; ${j.alreadyToday} already reminded today; ${j.noAccount} without an account; ${j.failed} failed.`,
      ),
    )
    setChosen(new Set())
  }

  return (
    <section id="cap-nhat-ho-so" className="hoso-updates" data-testid="update-dashboard">
      <h2>{t('Tình hình cập nhật hồ sơ', 'Record update status')}</h2>
      {error && <p className="hoso-updates__error">{error}</p>}
      {!units && !error && <p>{t('Đang tải…', 'Loading…')}</p>}
      {units && (
        <table className="hoso-updates__table">
          <thead>
            <tr>
              <th>{t('Đơn vị', 'Unit')}</th>
              <th>{t('Số hồ sơ', 'Records')}</th>
              <th>{t('Mức đầy đủ trung bình', 'Average completeness')}</th>
              <th>{t('Hồ sơ đủ 100 %', 'Records 100 % complete')}</th>
              <th>{t('Chưa đầy đủ', 'Incomplete')}</th>
              <th>{t('Quá hạn xác nhận', 'Stale')}</th>
              <th>{t('Chờ duyệt', 'Pending')}</th>
              <th>{t('Bị trả lại', 'Returned')}</th>
              <th>{t('Chờ lâu nhất từ', 'Oldest pending')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitId} className={unit?.unitId === u.unitId ? 'is-selected' : undefined}>
                <td style={{ paddingLeft: `${(u.depth - (units[0]?.depth ?? 0)) * 1.25 + 0.5}rem` }}>
                  <button type="button" className="hoso-updates__link" onClick={() => (setUnit(u), load(u, filter))}>
                    {u.name}
                  </button>
                </td>
                <td>{u.staff}</td>
                <td data-testid="unit-average">{averageCompleteness(u)} %</td>
                <td>{pct(u)} %</td>
                <td>{u.incomplete}</td>
                <td>{u.stale}</td>
                <td>{u.pending}{u.pendingOverdue ? ` (${u.pendingOverdue} ${t('quá hạn', 'overdue')})` : ''}</td>
                <td>{u.returned}</td>
                <td>{date(u.oldestPendingAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unit && (
        <div className="hoso-updates__people" data-testid="update-people">
          <h3>{unit.name}</h3>
          <p>
            {FILTERS.map((f) => (
              <button key={f} type="button" className={f === filter ? 'is-active' : undefined} onClick={() => (setFilter(f), load(unit, f))}>
                {t(...FILTER_LABELS[f])}
              </button>
            ))}{' '}
            <a href={`/api/reminder-sends/export?unit=${unit.unitId}&filter=${filter}`}>{t('Xuất Excel', 'Export to Excel')}</a>
            {mayUrge && (
              <button type="button" disabled={!chosen.size} onClick={urge} data-testid="urge">
                {t(`Nhắc cập nhật (${chosen.size})`, `Send reminder (${chosen.size})`)}
              </button>
            )}
          </p>
          {notice && <p className="hoso-updates__notice">{notice}</p>}
          {!people && <p>{t('Đang tải…', 'Loading…')}</p>}
          {people && !people.length && <p>{t('Không có ai cần nhắc.', 'Nobody needs a reminder.')}</p>}
          {people && people.length > 0 && (
            <table className="hoso-updates__table">
              <thead>
                <tr>
                  {mayUrge && (
                    <th>
                      <input
                        type="checkbox"
                        aria-label={t('Chọn tất cả', 'Select all')}
                        checked={chosen.size > 0 && chosen.size === people.filter((p) => p.hasAccount).length}
                        onChange={(e) => setChosen(e.target.checked ? new Set(people.filter((p) => p.hasAccount).map((p) => p.staffId)) : new Set())}
                      />
                    </th>
                  )}
                  <th>{t('Họ và tên', 'Name')}</th>
                  <th>{t('Đơn vị', 'Unit')}</th>
                  <th>{t('% đầy đủ', '% complete')}</th>
                  <th>{t('Còn thiếu', 'Missing')}</th>
                  <th>{t('Tình trạng', 'Status')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.staffId}>
                    {mayUrge && (
                      <td>
                        <input
                          type="checkbox"
                          disabled={!p.hasAccount}
                          title={p.hasAccount ? undefined : t('Chưa có tài khoản', 'No account')}
                          checked={chosen.has(p.staffId)}
                          onChange={(e) => {
                            const next = new Set(chosen)
                            if (e.target.checked) next.add(p.staffId)
                            else next.delete(p.staffId)
                            setChosen(next)
                          }}
                        />
                      </td>
                    )}
                    <td>
                      <a href={`/admin/collections/staff/${p.staffId}`}>{p.fullName}</a>
                    </td>
                    <td>{p.unitName}</td>
                    <td>{p.percent}%</td>
                    <td>{p.missing.map((m) => (en ? m.en : m.vi)).join(', ')}</td>
                    <td>
                      {[p.stale && t('quá hạn xác nhận', 'stale'), p.pending && t('chờ duyệt', 'pending'), p.returned && t('bị trả lại', 'returned')]
                        .filter(Boolean)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  )
}
