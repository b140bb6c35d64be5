/**
 * The register of personal-data breaches (Luật 91/2025/QH15 Điều 23: notify the specialised agency within 72 hours;
 * NĐ 356/2025 Điều 28: what the notice contains; Điều 29: keep the breach file at least 5 years in the cases it
 * names). Pure: validation, the 72-hour clock, the retention period, and the notice's content as a document.
 * The notice follows the content Điều 28 lists; its official form (Mẫu số 08) was not obtained, so its layout is not
 * imitated.
 */
import { formatDateTimeInVietnam } from './dates'
import type { FieldIssue } from './errors'
import type { Block, FormDocument } from './forms/model'

export const NOTIFY_WITHIN_HOURS = 72
export const MIN_RETENTION_YEARS = 5

export interface BreachInput {
  summary?: string | null
  nature?: string | null
  occurredAt?: string | null
  foundAt?: string | null
  place?: string | null
  categories?: string | null
  affectedCount?: number | null
  consequences?: string | null
  measures?: string | null
  contact?: string | null
  notifiedAt?: string | null
  notifiedTo?: string | null
  resolvedAt?: string | null
}

const issue = (field: string, vi: string, en: string): FieldIssue => ({ field, vi, en })
const blank = (v: unknown) => typeof v !== 'string' || !v.trim()
const time = (v: string | null | undefined) => (v ? new Date(v).getTime() : NaN)

export function validateBreach(b: BreachInput, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (blank(b.summary)) issues.push(issue('summary', 'Nêu ngắn gọn vi phạm', 'Summarise the breach'))
  if (blank(b.categories)) issues.push(issue('categories', 'Nêu loại dữ liệu cá nhân liên quan', 'Name the categories of personal data concerned'))
  const found = time(b.foundAt)
  if (Number.isNaN(found)) issues.push(issue('foundAt', 'Nhập thời điểm phát hiện', 'Enter when the breach was found'))
  else if (found > now.getTime()) issues.push(issue('foundAt', 'Thời điểm phát hiện không được ở tương lai', 'The time found cannot be in the future'))
  const occurred = time(b.occurredAt)
  if (!Number.isNaN(occurred) && !Number.isNaN(found) && occurred > found) issues.push(issue('occurredAt', 'Thời điểm xảy ra không được sau thời điểm phát hiện', 'It cannot have happened after it was found'))
  if (b.affectedCount == null || !Number.isInteger(b.affectedCount) || b.affectedCount < 0) {
    issues.push(issue('affectedCount', 'Nhập số người bị ảnh hưởng (số nguyên không âm; ước tính nếu chưa biết chính xác)', 'Enter the number of people affected (a whole number, estimated if not known)'))
  }
  const notified = time(b.notifiedAt)
  if (!Number.isNaN(notified) && !Number.isNaN(found) && notified < found) issues.push(issue('notifiedAt', 'Thời điểm thông báo không được trước thời điểm phát hiện', 'The notice cannot precede the finding'))
  if (!Number.isNaN(notified) && blank(b.notifiedTo)) issues.push(issue('notifiedTo', 'Nêu cơ quan đã được thông báo', 'Name the authority notified'))
  return issues
}

export type BreachClock = 'open' | 'overdue' | 'notified-on-time' | 'notified-late'
export const BREACH_CLOCK_LABELS: Record<BreachClock, { vi: string; en: string }> = {
  open: { vi: 'Chưa thông báo, còn trong 72 giờ', en: 'Not yet notified, within 72 hours' },
  overdue: { vi: 'Quá 72 giờ chưa thông báo', en: 'Not notified after 72 hours' },
  'notified-on-time': { vi: 'Đã thông báo trong 72 giờ', en: 'Notified within 72 hours' },
  'notified-late': { vi: 'Đã thông báo sau 72 giờ', en: 'Notified after 72 hours' },
}

/** When the competent authority must be notified at the latest: 72 hours after the breach was found. */
export const notifyBy = (foundAt: string) => new Date(time(foundAt) + NOTIFY_WITHIN_HOURS * 3_600_000)

export function breachClock(b: Pick<BreachInput, 'foundAt' | 'notifiedAt'>, now: Date): BreachClock | null {
  if (!b.foundAt) return null
  const deadline = notifyBy(b.foundAt).getTime()
  if (b.notifiedAt) return time(b.notifiedAt) <= deadline ? 'notified-on-time' : 'notified-late'
  return now.getTime() <= deadline ? 'open' : 'overdue'
}

/** Years a breach file is kept (BREACH_RETENTION_YEARS, at least the 5 of NĐ 356 Điều 29). */
export function breachRetentionYears(env: Record<string, string | undefined>): number {
  const raw = env.BREACH_RETENTION_YEARS
  if (raw == null || raw.trim() === '') return MIN_RETENTION_YEARS
  const n = Number(raw)
  if (!Number.isInteger(n) || n < MIN_RETENTION_YEARS) throw new Error(`BREACH_RETENTION_YEARS must be a whole number of at least ${MIN_RETENTION_YEARS} (got "${raw}")`)
  return n
}

/** Kept until: `years` after the breach was dealt with (resolved), or after it was found while it is not. */
export function breachKeptUntil(b: Pick<BreachInput, 'foundAt' | 'resolvedAt'>, years: number): string | null {
  const from = b.resolvedAt ?? b.foundAt
  if (!from) return null
  const d = new Date(from)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return d.toISOString()
}

const or = (v: string | null | undefined, none = 'Chưa xác định') => (blank(v) ? none : String(v).normalize('NFC').trim())

/**
 * The notice to the competent authority with the content NĐ 356/2025 Điều 28 lists: the nature of the breach (time,
 * place, what happened, categories and number of data subjects and records concerned), how to reach the
 * personal-data protection officer, the likely consequences, and the measures taken.
 */
export function buildBreachNotice(b: BreachInput & { id: number }, agency: string): FormDocument {
  const blocks: Block[] = [
    { kind: 'title', text: 'THÔNG BÁO VI PHẠM QUY ĐỊNH VỀ BẢO VỆ DỮ LIỆU CÁ NHÂN', subtitle: `${agency} — vụ việc số ${b.id}` },
    {
      kind: 'paragraph',
      label: 'Nội dung theo Nghị định 356/2025/NĐ-CP Điều 28; gửi cơ quan chuyên trách bảo vệ dữ liệu cá nhân theo biểu mẫu do cơ quan này quy định.',
      value: '',
    },
    { kind: 'section', number: '1.', title: 'MÔ TẢ TÍNH CHẤT CỦA VI PHẠM' },
    { kind: 'item', fields: [{ label: 'Tóm tắt', value: or(b.summary) }] },
    { kind: 'item', fields: [{ label: 'Thời điểm xảy ra', value: b.occurredAt ? formatDateTimeInVietnam(b.occurredAt) : 'Chưa xác định' }] },
    { kind: 'item', fields: [{ label: 'Thời điểm phát hiện', value: b.foundAt ? formatDateTimeInVietnam(b.foundAt) : '' }] },
    { kind: 'item', fields: [{ label: 'Địa điểm, hệ thống', value: or(b.place) }] },
    { kind: 'paragraph', label: 'Diễn biến, hành vi vi phạm', value: or(b.nature) },
    { kind: 'paragraph', label: 'Loại dữ liệu cá nhân liên quan', value: or(b.categories) },
    { kind: 'item', fields: [{ label: 'Số chủ thể dữ liệu bị ảnh hưởng (ước tính)', value: b.affectedCount == null ? 'Chưa xác định' : String(b.affectedCount) }] },
    { kind: 'section', number: '2.', title: 'LIÊN HỆ BỘ PHẬN BẢO VỆ DỮ LIỆU CÁ NHÂN' },
    { kind: 'paragraph', label: 'Người, bộ phận đầu mối', value: or(b.contact) },
    { kind: 'section', number: '3.', title: 'HẬU QUẢ, THIỆT HẠI CÓ THỂ XẢY RA' },
    { kind: 'paragraph', label: '', value: or(b.consequences) },
    { kind: 'section', number: '4.', title: 'BIỆN PHÁP ĐÃ VÀ SẼ THỰC HIỆN ĐỂ XỬ LÝ, GIẢM THIỂU TÁC HẠI' },
    { kind: 'paragraph', label: '', value: or(b.measures) },
  ]
  if (b.foundAt) {
    blocks.push({ kind: 'paragraph', label: `Hạn thông báo (72 giờ kể từ khi phát hiện): ${formatDateTimeInVietnam(notifyBy(b.foundAt))}`, value: '' })
  }
  return { form: 'review', title: `Thông báo vi phạm bảo vệ dữ liệu cá nhân số ${b.id}`, blocks }
}
