import { percentComplete, type HrDigest, type PersonDigest } from '../domain/reminders'
import { escapeHtml as esc } from './html'

export interface RenderedEmail {
  subject: string
  text: string
  html: string
}

const FOOTER_VI = 'Không muốn nhận thư nhắc hằng tuần? Bỏ chọn "Nhận thư nhắc cập nhật hồ sơ hằng tuần" ở cuối trang "Hồ sơ của tôi" (thư do đơn vị gửi trực tiếp vẫn được gửi).'
const FOOTER_EN = 'To stop the weekly digest, untick "Receive the weekly e-mail" at the bottom of "My record" (reminders sent by your unit are still delivered).'

/** Weekly digest (or, with `manual`, the reminder HR sends on demand) to one person. Vietnamese, English below. */
export function personReminderEmail(d: PersonDigest, options: { manual?: boolean } = {}): RenderedEmail {
  const subject = options.manual
    ? 'Đơn vị đề nghị Anh/Chị cập nhật hồ sơ / Your unit asks you to update your record'
    : 'Nhắc cập nhật hồ sơ cán bộ / Reminder: please update your personnel record'
  const introVi = options.manual
    ? 'Bộ phận tổ chức cán bộ của đơn vị đề nghị Anh/Chị rà soát và cập nhật hồ sơ của mình.'
    : 'Theo Quy chế cập nhật cơ sở dữ liệu công chức, viên chức, mỗi người có trách nhiệm giữ thông tin hồ sơ của mình đầy đủ, chính xác, kịp thời.'
  const introEn = options.manual
    ? 'Your unit’s HR office asks you to review and update your record.'
    : 'Under the personnel database regulation, everyone keeps their own record complete, accurate and current.'
  const missingVi = d.missing.map((m) => `- ${m.vi}`)
  const missingEn = d.missing.map((m) => m.en).join(', ')
  const text = [
    `Kính gửi ${d.fullName},`,
    '',
    introVi,
    ...d.reasons.map((r) => r.vi),
    ...(d.returnReason ? [`Lý do trả lại: ${d.returnReason}`] : []),
    ...(missingVi.length ? ['Các mục còn thiếu:', ...missingVi] : []),
    '',
    'Cập nhật tại "Hồ sơ của tôi":',
    d.link,
    ...(options.manual ? [] : ['', FOOTER_VI]),
    '',
    '---',
    `Dear ${d.fullName},`,
    introEn,
    ...d.reasons.map((r) => r.en),
    ...(d.returnReason ? [`Reason for return: ${d.returnReason}`] : []),
    ...(missingEn ? [`Missing: ${missingEn}.`] : []),
    `Update it in "My record": ${d.link}`,
    ...(options.manual ? [] : [FOOTER_EN]),
  ].join('\n')
  const html = `<p>Kính gửi ${esc(d.fullName)},</p>
<p>${esc(introVi)}</p>
${d.reasons.map((r) => `<p>${esc(r.vi)}</p>`).join('\n')}
${d.returnReason ? `<p><b>Lý do trả lại:</b> ${esc(d.returnReason)}</p>` : ''}
${d.missing.length ? `<p>Các mục còn thiếu:</p><ul>${d.missing.map((m) => `<li>${esc(m.vi)}</li>`).join('')}</ul>` : ''}
<p><a href="${esc(d.link)}">Mở “Hồ sơ của tôi” để cập nhật</a></p>
${options.manual ? '' : `<p style="color:#666;font-size:small">${esc(FOOTER_VI)}</p>`}
<hr>
<div lang="en"><p>Dear ${esc(d.fullName)}, ${esc(introEn)}</p>
${d.reasons.map((r) => `<p>${esc(r.en)}</p>`).join('\n')}
${d.returnReason ? `<p><b>Reason for return:</b> ${esc(d.returnReason)}</p>` : ''}
${missingEn ? `<p>Missing: ${esc(missingEn)}.</p>` : ''}
<p><a href="${esc(d.link)}">Open my record</a></p>
${options.manual ? '' : `<p style="color:#666;font-size:small">${esc(FOOTER_EN)}</p>`}</div>`
  return { subject, text, html }
}

/** Weekly digest to one unit HR officer: approvals waiting, totals, the units most in need of urging. */
export function hrReminderEmail(d: HrDigest): RenderedEmail {
  const subject = `Tình hình cập nhật hồ sơ — ${d.unitName} / Record update status`
  const t = d.totals
  const pendingVi =
    d.pending > 0
      ? `${d.pending} yêu cầu cập nhật hồ sơ đang chờ duyệt${d.pendingOverdue ? `, trong đó ${d.pendingOverdue} yêu cầu đã chờ quá hạn` : ''}${d.oldestPendingDays !== null ? `; yêu cầu lâu nhất đã chờ ${d.oldestPendingDays} ngày` : ''}.`
      : 'Không có yêu cầu cập nhật hồ sơ nào chờ duyệt.'
  const pendingEn =
    d.pending > 0
      ? `${d.pending} declaration(s) await approval${d.pendingOverdue ? `, ${d.pendingOverdue} overdue` : ''}${d.oldestPendingDays !== null ? `; the oldest has waited ${d.oldestPendingDays} days` : ''}.`
      : 'No declarations await approval.'
  const totalsVi = `${t.staff} hồ sơ: ${t.percentComplete}% đầy đủ; ${t.incomplete} chưa đầy đủ, ${t.stale} quá hạn xác nhận, ${t.returned} bị trả lại chưa gửi lại.`
  const totalsEn = `${t.staff} records: ${t.percentComplete}% complete; ${t.incomplete} incomplete, ${t.stale} not confirmed in time, ${t.returned} returned and not resubmitted.`
  const row = (u: HrDigest['worst'][number]) =>
    `${u.name}: ${percentComplete(u)}% đầy đủ / complete, ${u.incomplete} chưa đầy đủ / incomplete, ${u.stale} quá hạn / stale, ${u.pending} chờ duyệt / pending`
  const text = [
    `Kính gửi ${d.fullName},`,
    '',
    `Tình hình cập nhật hồ sơ của ${d.unitName} và các đơn vị trực thuộc:`,
    pendingVi,
    totalsVi,
    ...(d.worst.length ? ['', 'Các đơn vị cần đôn đốc / Units to urge:', ...d.worst.map((u) => `- ${row(u)}`)] : []),
    '',
    'Xem chi tiết và nhắc từng người tại:',
    d.link,
    '',
    '---',
    `Dear ${d.fullName}, record update status of ${d.unitName} and its units:`,
    pendingEn,
    totalsEn,
    `Details and per-person reminders: ${d.link}`,
  ].join('\n')
  const html = `<p>Kính gửi ${esc(d.fullName)},</p>
<p>Tình hình cập nhật hồ sơ của <b>${esc(d.unitName)}</b> và các đơn vị trực thuộc:</p>
<p>${esc(pendingVi)}</p>
<p>${esc(totalsVi)}</p>
${
  d.worst.length
    ? `<table border="1" cellpadding="4" cellspacing="0"><thead><tr><th>Đơn vị / Unit</th><th>% đầy đủ / complete</th><th>Chưa đầy đủ / Incomplete</th><th>Quá hạn / Stale</th><th>Chờ duyệt / Pending</th></tr></thead><tbody>${d.worst
        .map((u) => `<tr><td>${esc(u.name)}</td><td>${percentComplete(u)}%</td><td>${u.incomplete}</td><td>${u.stale}</td><td>${u.pending}</td></tr>`)
        .join('')}</tbody></table>`
    : ''
}
<p><a href="${esc(d.link)}">Xem chi tiết và nhắc cập nhật</a></p>
<hr>
<div lang="en"><p>Dear ${esc(d.fullName)}, record update status of ${esc(d.unitName)} and its units:</p>
<p>${esc(pendingEn)}</p><p>${esc(totalsEn)}</p>
<p><a href="${esc(d.link)}">Details and per-person reminders</a></p></div>`
  return { subject, text, html }
}
