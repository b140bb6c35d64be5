import type { Payload } from 'payload'

import { effectiveEnd, vietnamTime } from '../../domain/maintenance'
import { maintenanceNow } from '../../maintenance/windows'

type Props = { payload: Payload; i18n?: { language?: string }; lang?: 'vi' | 'en' }

/**
 * On every page (the admin's header, "Hồ sơ của tôi", /xac-thuc) from the moment a window is announced until it
 * ends: when, in Việt Nam time, and what stops. Rendered on the server, so it shows before any script runs.
 */
export async function MaintenanceBanner({ payload, i18n, lang }: Props) {
  const { current, next } = await maintenanceNow(payload)
  const w = current ?? next
  if (!w) return null
  const en = (lang ?? i18n?.language) === 'en'
  const from = vietnamTime(w.startsAt)
  const to = vietnamTime(new Date(effectiveEnd(w)))
  const what = en ? w.titleEn || w.titleVi : w.titleVi
  const effect =
    w.kind === 'read-only'
      ? en ? 'records can be read and printed, no change can be saved' : 'chỉ xem và in được hồ sơ, không lưu được thay đổi'
      : en ? 'the system is stopped' : 'hệ thống dừng hoàn toàn'
  const text = current
    ? en ? `Maintenance in progress until ${to} (Việt Nam time): ${effect}. ${what}` : `Đang bảo trì đến ${to} (giờ Việt Nam): ${effect}. ${what}`
    : en ? `Planned maintenance from ${from} to ${to} (Việt Nam time): ${effect}. ${what}` : `Thông báo bảo trì từ ${from} đến ${to} (giờ Việt Nam): ${effect}. ${what}`
  return (
    <div className="hoso-maintenance-banner" data-testid="maintenance-banner" role="status" style={{ background: current ? '#8a1c1c' : '#7a5a00', color: '#fff', padding: '0.5rem 1rem', fontSize: '0.95rem', lineHeight: 1.4 }}>
      {text}
    </div>
  )
}
