/** What an audit event records (domain.md §6.3): changes, reads, and the acts other features report. */
export const AUDIT_OPERATIONS = [
  'create',
  'update',
  'delete',
  'read',
  'export',
  'print',
  'sign',
  'login',
  'login-failed',
  'grant',
  'approve',
  'return',
  'backup',
  'restore',
] as const

export type AuditOperation = (typeof AUDIT_OPERATIONS)[number]

export const AUDIT_OPERATION_LABELS: Record<AuditOperation, { vi: string; en: string }> = {
  create: { vi: 'Tạo mới', en: 'Create' },
  update: { vi: 'Sửa', en: 'Update' },
  delete: { vi: 'Xóa', en: 'Delete' },
  read: { vi: 'Xem', en: 'Read' },
  export: { vi: 'Xuất dữ liệu', en: 'Export' },
  print: { vi: 'In', en: 'Print' },
  sign: { vi: 'Ký số', en: 'Sign' },
  login: { vi: 'Đăng nhập', en: 'Sign-in' },
  'login-failed': { vi: 'Đăng nhập không thành công', en: 'Failed sign-in' },
  grant: { vi: 'Cấp quyền', en: 'Grant' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  return: { vi: 'Trả lại', en: 'Return' },
  backup: { vi: 'Sao lưu', en: 'Backup' },
  restore: { vi: 'Khôi phục', en: 'Restore' },
}
