/**
 * The readable edition of "Tải toàn bộ dữ liệu của tôi": the review print of the record (every item and history,
 * pending changes marked), followed by what else hoso holds about the person — change requests, photos, signed
 * exports, personal-data requests, the account with its sign-ins, and the access log. Pure: the caller passes the
 * data already read (src/dataRequests/myData.ts).
 */
import { AUDIT_OPERATION_LABELS, type AuditOperation } from '../auditOperations'
import { DATA_REQUEST_OUTCOME_LABELS, DATA_REQUEST_STATE_LABELS, DATA_REQUEST_TYPE_LABELS, type DataRequestOutcome, type DataRequestState, type DataRequestType } from '../dataRequests'
import { formatDate, formatDateTimeInVietnam } from '../dates'
import { ROLE_LABELS, isRole } from '../roles'
import { EXPORT_STATUS_LABELS, type ExportStatus } from '../signing/signedExport'
import { STATUS_LABELS, type SubmissionStatus } from '../submission'
import type { Block, FormDocument } from './model'

export const MY_DATA_TITLE = 'TOÀN BỘ DỮ LIỆU CÁ NHÂN CỦA TÔI TRONG CƠ SỞ DỮ LIỆU HỒ SƠ'

type R = Record<string, unknown>
export interface MyDataLists {
  generatedAt: string
  changeRequests: R[]
  photos: Array<{ filename: string | null; current: boolean; createdAt: string }>
  signedExports: R[]
  dataRequests: R[]
  consents: Array<{ item: string; text: string; givenAt: string | null; withdrawnAt: string | null }>
  accounts: Array<{ email: string; roles: string[]; disabled: boolean; secondFactor: boolean; createdAt: string; sessions: Array<{ createdAt: string | null; expiresAt: string }> }>
  signIns: Array<{ occurredAt: string; operation: AuditOperation; ip: string | null; userAgent: string | null }>
  accessLog: Array<{ occurredAt: string; operation: AuditOperation; actor: string | null; self: boolean; roles: string[]; purpose: string | null; collection: string }>
}

const text = (v: unknown) => (v == null ? '' : String(v).normalize('NFC'))
const none = (rows: string[][], width: number): string[][] => (rows.length ? rows : [['Không có', ...Array(width - 1).fill('')]])
const roleNames = (roles: string[]) => roles.map((r) => (isRole(r) ? ROLE_LABELS[r].vi : r)).join(', ')
const label = <T extends string>(labels: Record<T, { vi: string }>, v: unknown) => (v != null && (labels as Record<string, { vi: string }>)[String(v)]?.vi) || text(v)

/** The review print (`record`) with the other sections appended; its title says what the document is. */
export function buildMyDataDocument(record: FormDocument, data: MyDataLists): FormDocument {
  const blocks: Block[] = [...record.blocks]
  blocks[0] = { ...(blocks[0] as Extract<Block, { kind: 'title' }>), text: MY_DATA_TITLE }
  blocks[1] = {
    kind: 'paragraph',
    label: `Lập lúc ${formatDateTimeInVietnam(data.generatedAt)} theo yêu cầu của chính người có hồ sơ (Luật Bảo vệ dữ liệu cá nhân, Điều 4). Tệp JSON kèm theo chứa cùng nội dung ở dạng máy đọc được.`,
    value: '',
  }
  const section = (title: string) => blocks.push({ kind: 'section', number: '', title })
  section('YÊU CẦU CẬP NHẬT HỒ SƠ (ĐÃ GỬI VÀ ĐANG CHỜ DUYỆT)')
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Lập ngày', width: 18 }, { header: 'Trạng thái', width: 22 }, { header: 'Các mục đề nghị', width: 40 }, { header: 'Duyệt / trả lại', width: 20 }],
    rows: none(
      data.changeRequests.map((c) => {
        const p = (c.proposal ?? {}) as { fields?: R; rows?: R }
        return [formatDateTimeInVietnam(c.createdAt as string), label(STATUS_LABELS as Record<SubmissionStatus, { vi: string }>, c.status), [...Object.keys(p.fields ?? {}), ...Object.keys(p.rows ?? {})].join(', '), formatDateTimeInVietnam(c.decidedAt as string)]
      }),
      4,
    ),
  })
  section('ẢNH HỒ SƠ')
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Tệp', width: 50 }, { header: 'Tải lên lúc', width: 30 }, { header: 'Đang dùng', width: 20 }],
    rows: none(data.photos.map((p) => [text(p.filename), formatDateTimeInVietnam(p.createdAt), p.current ? 'Có' : '']), 3),
  })
  section('BẢN TRÍCH XUẤT CÓ CHỮ KÝ SỐ ĐÃ CẤP')
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Mã tra cứu', width: 30 }, { header: 'Mẫu', width: 15 }, { header: 'Trạng thái', width: 25 }, { header: 'Lập lúc', width: 30 }],
    rows: none(data.signedExports.map((s) => [text(s.code), text(s.form), label(EXPORT_STATUS_LABELS as Record<ExportStatus, { vi: string }>, s.status), formatDateTimeInVietnam(s.createdAt as string)]), 4),
  })
  section('YÊU CẦU VỀ DỮ LIỆU CÁ NHÂN')
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Loại', width: 22 }, { header: 'Nội dung', width: 28 }, { header: 'Ngày nhận / hạn', width: 20 }, { header: 'Trạng thái, kết quả', width: 30 }],
    rows: none(
      data.dataRequests.map((d) => [
        label(DATA_REQUEST_TYPE_LABELS as Record<DataRequestType, { vi: string }>, d.type),
        text(d.subject),
        `${formatDate(d.receivedOn as string)} / ${formatDate((d.extendedDueDate ?? d.dueDate) as string)}`,
        [label(DATA_REQUEST_STATE_LABELS as Record<DataRequestState, { vi: string }>, d.state), d.outcome ? label(DATA_REQUEST_OUTCOME_LABELS as Record<DataRequestOutcome, { vi: string }>, d.outcome) : '', text(d.outcomeReason)].filter(Boolean).join('; '),
      ]),
      4,
    ),
  })
  section('SỰ ĐỒNG Ý XỬ LÝ DỮ LIỆU')
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Mục', width: 18 }, { header: 'Nội dung đã đồng ý', width: 46 }, { header: 'Đồng ý lúc', width: 18 }, { header: 'Rút lại lúc', width: 18 }],
    rows: none(data.consents.map((c) => [text(c.item), text(c.text), formatDateTimeInVietnam(c.givenAt), formatDateTimeInVietnam(c.withdrawnAt)]), 4),
  })
  section('TÀI KHOẢN VÀ LỊCH SỬ ĐĂNG NHẬP')
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Thư điện tử', width: 30 }, { header: 'Vai trò', width: 30 }, { header: 'Xác thực hai bước', width: 15 }, { header: 'Tạo lúc', width: 25 }],
    rows: none(data.accounts.map((a) => [text(a.email), roleNames(a.roles) + (a.disabled ? ' (đã khóa)' : ''), a.secondFactor ? 'Có' : 'Không', formatDateTimeInVietnam(a.createdAt)]), 4),
  })
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Thời điểm', width: 25 }, { header: 'Kết quả', width: 20 }, { header: 'Địa chỉ', width: 20 }, { header: 'Trình duyệt', width: 35 }],
    rows: none(data.signIns.map((s) => [formatDateTimeInVietnam(s.occurredAt), AUDIT_OPERATION_LABELS[s.operation]?.vi ?? s.operation, text(s.ip), text(s.userAgent).slice(0, 80)]), 4),
  })
  section('NHẬT KÝ TRUY CẬP HỒ SƠ')
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Thời điểm', width: 22 }, { header: 'Thao tác', width: 16 }, { header: 'Người thực hiện', width: 30 }, { header: 'Mục đích', width: 32 }],
    rows: none(
      data.accessLog.map((e) => [
        formatDateTimeInVietnam(e.occurredAt),
        AUDIT_OPERATION_LABELS[e.operation]?.vi ?? e.operation,
        e.self ? 'Bạn' : `${text(e.actor) || 'Hệ thống'}${e.roles.length ? ` (${roleNames(e.roles)})` : ''}`,
        text(e.purpose),
      ]),
      4,
    ),
  })
  return { ...record, title: `${MY_DATA_TITLE} — ${record.title}`, blocks }
}
