/**
 * Sign-in throttling rules (docs/security.md). Nobody can lock a person out: the limits fall on the address
 * the attempts come from — all attempts from one client address, and attempts on one account from one
 * address — never on the account itself, so its holder still signs in from anywhere else. A successful
 * sign-in clears its account-and-address count. The counts live in PostgreSQL (src/rateLimit/), shared by
 * every instance.
 */
import type { FieldIssue } from './errors'

const MINUTE = 60_000

export const SIGN_IN_LIMITS = {
  /** Failed sign-ins from one client address (a success takes its attempt back), whatever the accounts. */
  address: { limit: 30, windowMs: 15 * MINUTE },
  /** Attempts on one account from one client address; the holder's own success resets it. */
  accountFromAddress: { limit: 5, windowMs: 15 * MINUTE },
  /** Password-reset e-mails asked from one client address (each sends a message). */
  resetFromAddress: { limit: 10, windowMs: 60 * MINUTE },
} as const

/** The one answer to a throttled attempt: the same whether or not the account exists. */
export function signInThrottled(retryAfterSeconds: number): FieldIssue {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return {
    field: 'email',
    vi: `Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau ${minutes} phút.`,
    en: `Too many sign-in attempts from this address. Please try again in ${minutes} min.`,
  }
}

/** A password-reset request answered too often from one address. */
export function resetThrottled(retryAfterSeconds: number): FieldIssue {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return {
    field: 'email',
    vi: `Đã yêu cầu đặt lại mật khẩu quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau ${minutes} phút.`,
    en: `Too many password reset requests from this address. Please try again in ${minutes} min.`,
  }
}
