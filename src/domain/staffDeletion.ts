/**
 * When a personnel record may be deleted. Deleting is ministry HR's decision (access/organisationManagers)
 * and meant for a record created by mistake: the record goes together with everything that belongs only
 * to it (histories, photos, change requests, reminder log rows — ON DELETE CASCADE, migrations/…_staff_deletion).
 * Two things must outlive it, so the deletion is refused while they exist:
 * - an account linked to the record: the person signs in with it; disable the account instead
 *   (a person who leaves keeps their record, QĐ 832/QĐ-BNV);
 * - signed exports of the record: signed documents are legal documents and stay verifiable at /xac-thuc.
 * The audit trail keeps its events; it refers to records by id, never by foreign key.
 */
import type { FieldIssue } from './errors'

export interface StaffDependants {
  /** Accounts linked to the record. */
  accounts: number
  /** Signed exports of the record, in any state. */
  signedExports: number
}

/** Why the record may not be deleted (empty when it may). */
export function staffDeletionRefusals(d: StaffDependants): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (d.accounts > 0) {
    issues.push({
      field: 'id',
      vi: 'Không xóa được hồ sơ: người này có tài khoản đăng nhập. Hãy khóa (vô hiệu hóa) tài khoản thay vì xóa hồ sơ.',
      en: 'The record cannot be deleted: this person has a sign-in account. Disable the account instead of deleting the record.',
    })
  }
  if (d.signedExports > 0) {
    issues.push({
      field: 'id',
      vi: `Không xóa được hồ sơ: đã có ${d.signedExports} văn bản ký số từ hồ sơ này; văn bản ký số phải luôn xác thực được.`,
      en: `The record cannot be deleted: ${d.signedExports} signed document(s) were issued from it, and signed documents must remain verifiable.`,
    })
  }
  return issues
}
