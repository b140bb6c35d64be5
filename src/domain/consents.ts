/**
 * Consent records (NĐ 356/2025 Điều 6): for the items the ministry chooses to hold only with the person's consent
 * (HOSO_CONSENT_ITEMS, e.g. a personal mobile phone or the photo) — which item, the exact text agreed, when, and its
 * withdrawal. Consent is given by an explicit act (no pre-ticked default, Điều 6.3) and the controller keeps the
 * proof (6.2). Everything else in the record is processed for the agency's lawful duties (Luật 91 Điều 19), not by
 * consent. Pure.
 */
import type { FieldIssue } from './errors'
import { STAFF_FIELD_TIERS } from './tiers'

const issue = (field: string, vi: string, en: string): FieldIssue => ({ field, vi, en })

/** Items a person provides themselves (T1, T2) may be configured as held by consent; HR-owned ones may not. */
export function consentItems(env: Record<string, string | undefined>): string[] {
  const raw = (env.HOSO_CONSENT_ITEMS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  const bad = raw.filter((i) => STAFF_FIELD_TIERS[i] !== 'T1' && STAFF_FIELD_TIERS[i] !== 'T2')
  if (bad.length) throw new Error(`HOSO_CONSENT_ITEMS: ${bad.join(', ')} cannot be held by consent (only items the person declares)`)
  return raw
}

export function checkConsent(input: { item?: unknown; text?: unknown; agree?: unknown }, items: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (typeof input.item !== 'string' || !items.includes(input.item)) issues.push(issue('item', 'Mục này không thuộc các mục xử lý theo sự đồng ý', 'This item is not held by consent'))
  if (typeof input.text !== 'string' || !input.text.trim()) issues.push(issue('text', 'Thiếu nội dung được đồng ý', 'The text agreed to is missing'))
  if (input.agree !== true) issues.push(issue('agree', 'Sự đồng ý phải được thể hiện rõ ràng (đánh dấu đồng ý)', 'Consent must be given explicitly (tick to agree)'))
  return issues
}
