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

/** Nobody approves a grant to themselves. */
export function mayApproveGrant(approverAccountId: number, grant: GrantInput): boolean {
  return grant.grantee == null || grant.grantee !== approverAccountId
}
