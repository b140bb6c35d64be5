import { escapeHtml as esc } from './html'

/** The e-mail a person receives when HR approves or returns their declaration (Vietnamese, English below). */
export function decisionEmail(input: { fullName: string; approved: boolean; reason?: string; link: string }) {
  const subject = input.approved
    ? 'Thông tin hồ sơ Anh/Chị khai đã được duyệt / Your declaration was approved'
    : 'Yêu cầu cập nhật hồ sơ được trả lại / Your declaration was returned'
  const vi = input.approved
    ? 'Bộ phận tổ chức cán bộ đã duyệt các thay đổi Anh/Chị khai; thông tin mới đã là thông tin chính thức trong hồ sơ.'
    : 'Bộ phận tổ chức cán bộ đã trả lại yêu cầu cập nhật hồ sơ của Anh/Chị.'
  const en = input.approved
    ? 'HR approved the changes you declared; they are now part of your official record.'
    : 'HR returned your change request.'
  const reason = input.reason?.trim()
  const text = [
    `Kính gửi ${input.fullName},`,
    '',
    vi,
    ...(reason ? [`Lý do: ${reason}`, 'Vui lòng sửa lại và gửi duyệt lại tại:'] : ['Xem hồ sơ của Anh/Chị tại:']),
    input.link,
    '',
    '---',
    `Dear ${input.fullName}, ${en}${reason ? ` Reason: ${reason}. Please correct it and submit again.` : ''}`,
    input.link,
  ].join('\n')
  const html = `<p>Kính gửi ${esc(input.fullName)},</p>
<p>${esc(vi)}</p>
${reason ? `<p><b>Lý do:</b> ${esc(reason)}</p>` : ''}
<p><a href="${esc(input.link)}">Mở “Hồ sơ của tôi”</a></p>
<hr><p lang="en">Dear ${esc(input.fullName)}, ${esc(en)}${reason ? ` Reason: ${esc(reason)}.` : ''} <a href="${esc(input.link)}">Open my record</a>.</p>`
  return { subject, text, html }
}
