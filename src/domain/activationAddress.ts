/**
 * Where an activation link may be sent. The link makes whoever receives it the holder of the person's
 * account, and the record's e-mail address can be edited by the unit's HR officer before issuance — so an
 * officer could put an address they read and take the account over. The address is used only when:
 * - it is in one of the agency's mail domains, when those are configured (`HOSO_ACCOUNT_EMAIL_DOMAINS`:
 *   mailboxes the IT centre itself administers);
 * - no other account and no other staff record uses it (an officer's own address, a colleague's);
 * - it has not changed within the hold period (`HOSO_ACCOUNT_EMAIL_HOLD_DAYS`, default 14): a fresh change
 *   waits, so the person can notice it in their record and have it corrected, and the change is in the audit trail.
 * Pure: src/accounts/issueAccounts.ts gathers the facts.
 */
import { formatDate, todayInVietnam } from './dates'

export const DEFAULT_HOLD_DAYS = 14

export interface AddressFacts {
  email: string
  /** Allowed mail domains (lower case); empty: any domain. */
  domains: readonly string[]
  /** Other accounts or staff records using the same address (case-insensitive). */
  usedElsewhere: boolean
  /** When the record's address last changed (null: not since the record was made). */
  lastChangedAt: Date | null
  holdDays: number
  now: Date
}

export type AddressCheck = { ok: true } | { ok: false; reason: 'domain' | 'shared' | 'recently-changed'; until?: Date; vi: string; en: string }

export function checkActivationAddress(f: AddressFacts): AddressCheck {
  const domain = f.email.split('@').pop()?.toLowerCase() ?? ''
  if (f.domains.length && !f.domains.includes(domain)) {
    return { ok: false, reason: 'domain', vi: `Địa chỉ email không thuộc miền thư của cơ quan (${f.domains.join(', ')})`, en: `The e-mail address is not in the agency's mail domains (${f.domains.join(', ')})` }
  }
  if (f.usedElsewhere) {
    return { ok: false, reason: 'shared', vi: 'Địa chỉ email đang được dùng cho tài khoản hoặc hồ sơ khác', en: 'The e-mail address is used by another account or record' }
  }
  if (f.lastChangedAt) {
    const until = new Date(f.lastChangedAt.getTime() + f.holdDays * 86_400_000)
    if (until > f.now) {
      const day = formatDate(todayInVietnam(until))
      return {
        ok: false,
        reason: 'recently-changed',
        until,
        vi: `Địa chỉ email vừa được thay đổi; chỉ gửi thư kích hoạt từ ngày ${day}`,
        en: `The e-mail address was changed recently; the activation e-mail can be sent from ${until.toISOString().slice(0, 10)}`,
      }
    }
  }
  return { ok: true }
}

/** `HOSO_ACCOUNT_EMAIL_DOMAINS=bnv.gov.vn,noivu.gov.vn` → ['bnv.gov.vn', 'noivu.gov.vn']. */
export const parseDomains = (v: string | undefined): string[] =>
  (v ?? '').split(',').map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean)

export function parseHoldDays(v: string | undefined): number {
  const n = Number(v)
  return v != null && v.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : DEFAULT_HOLD_DAYS
}
