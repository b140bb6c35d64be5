/**
 * Purpose-bound access grants (QĐ 832/QĐ-BNV: rights by "mục đích sử dụng"): a person may be given read
 * (or update) access to a unit subtree or to named records, for a stated purpose, between two dates, once
 * approved by someone else. Grants outside their dates simply stop counting.
 */
import type { FieldIssue } from './errors'

export interface GrantInput {
  grantee?: number | null
  action?: 'read' | 'update' | null
  unitIds?: number[]
  staffIds?: number[]
  purpose?: string | null
  validFrom?: string | Date | null
  validTo?: string | Date | null
  status?: 'pending' | 'approved' | 'revoked' | null
}

export interface ActiveGrant {
  action: 'read' | 'update'
  unitIds: number[]
  staffIds: number[]
  purpose: string
}

const time = (d: string | Date | null | undefined) => (d == null ? NaN : new Date(d).getTime())

/** Approved grants whose period contains `now`. */
export function activeGrants(grants: readonly GrantInput[], now: Date): ActiveGrant[] {
  const t = now.getTime()
  return grants
    .filter((g) => g.status === 'approved' && time(g.validFrom) <= t && t <= time(g.validTo))
    .map((g) => ({ action: g.action ?? 'read', unitIds: g.unitIds ?? [], staffIds: g.staffIds ?? [], purpose: g.purpose ?? '' }))
}

export function validateGrant(g: GrantInput): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (!g.purpose || !g.purpose.trim()) {
    issues.push({ field: 'purpose', vi: 'Phải nêu mục đích khai thác dữ liệu', en: 'The purpose of access must be stated' })
  }
  if (!(g.unitIds?.length || g.staffIds?.length)) {
    issues.push({ field: 'units', vi: 'Phải chọn ít nhất một đơn vị hoặc một hồ sơ', en: 'Choose at least one unit or one record' })
  }
  const from = time(g.validFrom)
  const to = time(g.validTo)
  if (!Number.isNaN(from) && !Number.isNaN(to) && to <= from) {
    issues.push({ field: 'validTo', vi: 'Ngày hết hạn phải sau ngày bắt đầu', en: 'The end date must be after the start date' })
  }
  return issues
}

/**
 * Why `approver` may not approve `grant`, or null when they may. A grant opens personal records, so it is
 * approved by ministry HR — the authority over every record — and never by its grantee. A system
 * administrator may prepare grants but not approve them: otherwise they could open records to an account
 * they control (they read no personal data themselves by design).
 */
export function grantApprovalRefusal(
  approver: { id: number; roles: readonly string[] } | null,
  grant: GrantInput,
): { vi: string; en: string } | null {
  if (approver && grant.grantee != null && grant.grantee === approver.id) {
    return { vi: 'Không ai được tự phê duyệt quyền cấp cho chính mình', en: 'Nobody may approve a grant to themselves' }
  }
  if (!approver || !approver.roles.includes('ministry-hr')) {
    return {
      vi: 'Chỉ cán bộ tổ chức cấp Bộ (vai trò ministry-hr) mới được phê duyệt quyền khai thác hồ sơ',
      en: 'Only ministry HR (role ministry-hr) may approve an access grant',
    }
  }
  return null
}
