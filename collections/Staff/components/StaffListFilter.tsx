'use client'
import { Button, useListQuery, useTranslation } from '@payloadcms/ui'
import type { Where } from 'payload'
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react'

import { todayInVietnam } from '../../../src/domain/dates'
import { AGE_BANDS, buildListWhere, readListWhere, type StaffListFilter as Filter } from '../../../src/domain/staffListFilter'

interface Options {
  units: Array<{ id: number; name: string; level: number }>
  ranks: Array<{ id: number; code: string; name: string }>
  positions: string[]
  partyFilter: boolean
}

const TEXT = {
  vi: {
    heading: 'Lọc danh sách',
    unit: 'Đơn vị (gồm các đơn vị trực thuộc)',
    rank: 'Ngạch / chức danh nghề nghiệp',
    position: 'Chức vụ',
    gender: 'Giới tính',
    age: 'Độ tuổi (tuổi tròn)',
    party: 'Đảng viên',
    any: 'Tất cả',
    male: 'Nam',
    female: 'Nữ',
    yes: 'Có',
    no: 'Không',
    partyOnlyMinistry: 'Đảng viên là thông tin nhạy cảm: chỉ Vụ Tổ chức cán bộ lọc được theo mục này.',
    clear: 'Xóa bộ lọc',
    other: (n: number) => `và ${n} điều kiện khác (giữ nguyên)`,
  },
  en: {
    heading: 'Filter the list',
    unit: 'Unit (with the units below it)',
    rank: 'Rank / professional title',
    position: 'Position',
    gender: 'Gender',
    age: 'Age (completed years)',
    party: 'Party member',
    any: 'All',
    male: 'Male',
    female: 'Female',
    yes: 'Yes',
    no: 'No',
    partyOnlyMinistry: 'Party membership is a sensitive item: only ministry HR can filter on it.',
    clear: 'Clear filters',
    other: (n: number) => `and ${n} other condition(s) (kept)`,
  },
}

const fieldStyle: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, fontSize: 13, flexBasis: 0 }
// Payload's input look (theme variables), so the panel reads as part of the admin in light and dark themes.
const selectStyle: CSSProperties = {
  height: 34,
  padding: '0 6px',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s, 3px)',
  background: 'var(--theme-input-bg, var(--theme-elevation-0))',
  color: 'var(--theme-elevation-800)',
  fontSize: 13,
  width: '100%',
}

function Select(props: { label: string; testId: string; value: string; onChange: (v: string) => void; disabled?: boolean; title?: string; grow?: number; minWidth?: number; children: ReactNode }) {
  return (
    <label style={{ ...fieldStyle, flexGrow: props.grow ?? 1, minWidth: props.minWidth ?? 110 }} title={props.title}>
      <span style={{ opacity: 0.8 }}>{props.label}</span>
      <select
        data-testid={props.testId}
        style={{ ...selectStyle, ...(props.disabled ? { opacity: 0.6 } : {}) }}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.children}
      </select>
    </label>
  )
}

/**
 * Above the staff list: filters by unit subtree, rank, position, gender, age band and party membership.
 * Each choice rewrites the list URL's `where` (src/domain/staffListFilter.ts), so Payload's list view
 * queries the database with it, together with the user's access scope, search, sort and page size.
 */
export function StaffListFilter() {
  const { i18n } = useTranslation()
  const t = i18n.language === 'en' ? TEXT.en : TEXT.vi
  const { query, refineListData } = useListQuery()
  const [options, setOptions] = useState<Options | null>(null)
  useEffect(() => {
    let live = true
    void fetch('/api/staff/list-filter-options', { credentials: 'include' })
      .then((res) => (res.ok ? (res.json() as Promise<Options>) : null))
      .then((o) => live && setOptions(o))
      .catch(() => live && setOptions(null))
    return () => {
      live = false
    }
  }, [])
  if (!options) return null

  const today = todayInVietnam(new Date())
  const { filter, rest } = readListWhere(query?.where, today)
  const apply = (next: Filter) => void refineListData({ where: (buildListWhere(next, today, rest) ?? {}) as Where, page: 1 })
  const set = <K extends keyof Filter>(key: K, value: Filter[K] | undefined) => {
    const next = { ...filter }
    if (value === undefined) delete next[key]
    else next[key] = value
    apply(next)
  }
  const num = (v: string) => (v === '' ? undefined : Number(v))
  const active = Object.keys(filter).length + rest.length > 0
  // A unit HR officer's list may hold a party filter made by someone else (a shared link): show it, let them clear it.
  const partyValue = filter.partyMember === undefined ? '' : filter.partyMember ? 'yes' : 'no'

  return (
    <div data-testid="staff-filter" style={{ margin: '0 0 16px', padding: '10px 14px', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
      <strong>{t.heading}</strong>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-end', flexWrap: 'wrap', marginTop: 8 }}>
        <Select grow={3} minWidth={240} label={t.unit} testId="staff-filter-unit" value={String(filter.unitId ?? '')} onChange={(v) => set('unitId', num(v))}>
          <option value="">{t.any}</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {'\u00a0\u00a0\u00a0'.repeat(u.level)}
              {u.level > 0 ? '└ ' : ''}
              {u.name}
            </option>
          ))}
        </Select>
        <Select grow={2} minWidth={200} label={t.rank} testId="staff-filter-rank" value={String(filter.rankId ?? '')} onChange={(v) => set('rankId', num(v))}>
          <option value="">{t.any}</option>
          {options.ranks.map((r) => (
            <option key={r.id} value={r.id}>
              {r.code} – {r.name}
            </option>
          ))}
        </Select>
        <Select label={t.position} testId="staff-filter-position" value={filter.position ?? ''} onChange={(v) => set('position', v || undefined)}>
          <option value="">{t.any}</option>
          {[...new Set([...options.positions, ...(filter.position ? [filter.position] : [])])].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
        <Select label={t.gender} testId="staff-filter-gender" value={filter.gender ?? ''} onChange={(v) => set('gender', v === 'male' || v === 'female' ? v : undefined)}>
          <option value="">{t.any}</option>
          <option value="male">{t.male}</option>
          <option value="female">{t.female}</option>
        </Select>
        <Select minWidth={190} label={t.age} testId="staff-filter-age" value={filter.ageBand ?? ''} onChange={(v) => set('ageBand', AGE_BANDS.find((b) => b.id === v)?.id)}>
          <option value="">{t.any}</option>
          {AGE_BANDS.map((b) => (
            <option key={b.id} value={b.id}>
              {i18n.language === 'en' ? b.en : b.vi}
            </option>
          ))}
        </Select>
        <Select
          label={t.party}
          testId="staff-filter-party"
          value={partyValue}
          disabled={!options.partyFilter && partyValue === ''}
          title={options.partyFilter ? undefined : t.partyOnlyMinistry}
          onChange={(v) => set('partyMember', v === 'yes' ? true : v === 'no' ? false : undefined)}
        >
          <option value="">{t.any}</option>
          <option value="yes">{t.yes}</option>
          <option value="no">{t.no}</option>
        </Select>
        <Button buttonStyle="secondary" size="small" margin={false} disabled={!active} onClick={() => void refineListData({ where: {}, page: 1 })}>
          {t.clear}
        </Button>
      </div>
      {rest.length > 0 && <div style={{ fontSize: 12, opacity: 0.8, marginTop: 6 }}>{t.other(rest.length)}</div>}
    </div>
  )
}
