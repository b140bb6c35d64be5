import { formatDateTimeInVietnam } from '../domain/dates'
import { escapeHtml as esc } from './html'

/** The activation e-mail a new account holder receives (Vietnamese first, English below). */
export function activationEmail(input: { fullName: string; email: string; link: string; expiresAt: Date }) {
  const until = formatDateTimeInVietnam(input.expiresAt)
  const subject = 'Kích hoạt tài khoản cơ sở dữ liệu hồ sơ cán bộ / Activate your hoso account'
  const text = [
    `Kính gửi ${input.fullName},`,
    '',
    `Trung tâm Công nghệ thông tin đã cấp cho Anh/Chị tài khoản ${input.email} để khai báo và cập nhật hồ sơ cá nhân.`,
    `Vui lòng mở đường dẫn sau để đặt mật khẩu và kích hoạt tài khoản (chỉ dùng được một lần, hết hạn lúc ${until}):`,
    input.link,
    '',
    'Mật khẩu cần có ít nhất 12 ký tự hoặc là một cụm từ gồm ít nhất 4 từ.',
    '',
    '---',
    `Dear ${input.fullName}, an account (${input.email}) has been issued to you to declare and keep your personnel record up to date.`,
    `Open the link above to choose a password and activate it (single use, expires ${input.expiresAt.toISOString()}).`,
  ].join('\n')
  const html = `<p>Kính gửi ${esc(input.fullName)},</p>
<p>Trung tâm Công nghệ thông tin đã cấp cho Anh/Chị tài khoản <b>${esc(input.email)}</b> để khai báo và cập nhật hồ sơ cá nhân.</p>
<p><a href="${esc(input.link)}">Đặt mật khẩu và kích hoạt tài khoản</a> (chỉ dùng được một lần, hết hạn lúc ${esc(until)}).</p>
<p>Mật khẩu cần có ít nhất 12 ký tự hoặc là một cụm từ gồm ít nhất 4 từ.</p>
<hr><p lang="en">Dear ${esc(input.fullName)}, an account (${esc(input.email)}) has been issued to you. <a href="${esc(input.link)}">Choose a password and activate it</a> (single use, expires ${esc(input.expiresAt.toISOString())}).</p>`
  return { subject, text, html }
}
