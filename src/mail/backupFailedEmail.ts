import { formatDateTimeInVietnam } from '../domain/dates'

/** Sent to system administrators when a backup run has failed on every attempt. */
export function backupFailedEmail(input: { attempts: number; error: string; startedAt: Date; kind: 'backup' | 'drill' }) {
  const when = formatDateTimeInVietnam(input.startedAt)
  const what = input.kind === 'drill' ? { vi: 'Diễn tập khôi phục', en: 'Restore drill' } : { vi: 'Sao lưu', en: 'Backup' }
  const subject = `[hoso] ${what.vi} thất bại / ${what.en} failed`
  const text = [
    `${what.vi} cơ sở dữ liệu hồ sơ bắt đầu lúc ${when} đã thất bại sau ${input.attempts} lần thử.`,
    `Lỗi: ${input.error}`,
    '',
    'Vui lòng kiểm tra nhật ký máy chủ và thư mục sao lưu (BACKUP_DIR), sau đó chạy lại `npm run backup`',
    'hoặc bấm "Sao lưu ngay" (POST /api/backups/run).',
    '',
    '---',
    `${what.en} of the hoso database started ${input.startedAt.toISOString()} failed after ${input.attempts} attempts.`,
    `Error: ${input.error}`,
    'Check the server log and BACKUP_DIR, then run `npm run backup` or POST /api/backups/run.',
  ].join('\n')
  return { subject, text }
}
