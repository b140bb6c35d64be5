import { vietnamTime, type MaintenanceWindow } from '../domain/maintenance'
import { escapeHtml as esc } from './html'

/** The announcement of a maintenance window (Vietnamese, English below), with its times in Việt Nam time. */
export function maintenanceEmail(w: MaintenanceWindow, publicUrl: string) {
  const from = vietnamTime(w.startsAt)
  const to = vietnamTime(w.endsAt)
  const readOnly = w.kind === 'read-only'
  const subject = `Thông báo tạm dừng hệ thống hoso để bảo trì từ ${from} đến ${to} / Maintenance notice`
  const vi = readOnly
    ? 'Trong thời gian này hệ thống chỉ cho phép xem và in hồ sơ; không lưu được thay đổi.'
    : 'Trong thời gian này hệ thống tạm dừng hoàn toàn.'
  const en = readOnly ? 'During this time records can be read and printed, but no change can be saved.' : 'During this time the system is stopped.'
  const status = publicUrl ? `${publicUrl.replace(/\/$/, '')}/api/status` : ''
  const text = [
    'Kính gửi Anh/Chị,',
    '',
    `Hệ thống cơ sở dữ liệu hồ sơ cán bộ (hoso) tạm dừng để bảo trì từ ${from} đến ${to} (giờ Việt Nam).`,
    `Nội dung: ${w.titleVi}`,
    ...(w.reasonVi ? [`Lý do: ${w.reasonVi}`] : []),
    vi,
    ...(status ? [`Tình trạng hệ thống: ${status}`] : []),
    '',
    '---',
    `hoso will be under maintenance from ${from} to ${to} (Việt Nam time): ${w.titleEn || w.titleVi}. ${en}${w.reasonEn ? ` Why: ${w.reasonEn}` : ''}`,
  ].join('\n')
  const html = `<p>Kính gửi Anh/Chị,</p>
<p>Hệ thống cơ sở dữ liệu hồ sơ cán bộ (hoso) tạm dừng để bảo trì <b>từ ${esc(from)} đến ${esc(to)}</b> (giờ Việt Nam).</p>
<p><b>Nội dung:</b> ${esc(w.titleVi)}</p>
${w.reasonVi ? `<p><b>Lý do:</b> ${esc(w.reasonVi)}</p>` : ''}
<p>${esc(vi)}</p>
<hr><p lang="en">hoso will be under maintenance from ${esc(from)} to ${esc(to)} (Việt Nam time): ${esc(w.titleEn || w.titleVi)}. ${esc(en)}</p>`
  return { subject, text, html }
}
