import { DATA_REQUEST_TYPE_LABELS, type DataRequestReminder, type DataRequestType } from '../domain/dataRequests'
import { formatDate } from '../domain/dates'
import { escapeHtml as esc } from './html'

/**
 * The personal-data officer's reminder of a deadline (NĐ 356/2025 Điều 5). It names the request, not the person:
 * the officer opens it in hoso.
 */
export function dataRequestReminderEmail(input: { id: number; type: DataRequestType; reminder: DataRequestReminder; link: string }) {
  const { reminder } = input
  const kind = DATA_REQUEST_TYPE_LABELS[input.type] ?? { vi: input.type, en: input.type }
  const what = reminder.deadline === 'first-reply' ? { vi: 'trả lời lần đầu', en: 'first reply' } : { vi: 'giải quyết', en: 'answer' }
  const day = formatDate(reminder.on)
  const overdue = reminder.stage === 'overdue'
  const subject = overdue
    ? `Yêu cầu về dữ liệu cá nhân số ${input.id} đã quá hạn ${what.vi} / Personal-data request ${input.id}: ${what.en} overdue`
    : `Yêu cầu về dữ liệu cá nhân số ${input.id} sắp đến hạn ${what.vi} / Personal-data request ${input.id}: ${what.en} due`
  const vi = overdue
    ? `Yêu cầu "${kind.vi}" số ${input.id} đã quá hạn ${what.vi} (hạn: ngày ${day}).`
    : `Yêu cầu "${kind.vi}" số ${input.id} cần được ${what.vi} chậm nhất trong ngày ${day}.`
  const en = overdue ? `Request "${kind.en}" no. ${input.id}: the ${what.en} was due on ${day}.` : `Request "${kind.en}" no. ${input.id}: the ${what.en} is due on ${day}.`
  const text = [vi, 'Nghị định 356/2025/NĐ-CP Điều 5.', input.link, '', '---', en, input.link].join('\n')
  const html = `<p>${esc(vi)}</p><p>Nghị định 356/2025/NĐ-CP Điều 5.</p><p><a href="${esc(input.link)}">Mở yêu cầu</a></p><hr><p lang="en">${esc(en)} <a href="${esc(input.link)}">Open the request</a>.</p>`
  return { subject, text, html }
}
