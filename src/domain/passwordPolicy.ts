/**
 * Password policy for user accounts, after NIST SP 800-63B §5.1.1.2 (memorized secrets), a standard a state
 * agency can cite and defend:
 *  - length is what counts: at least 12 characters (Unicode code points after NFC, so Vietnamese letters
 *    count once however they were typed), at most 256; spaces are allowed, so passphrases are welcome;
 *  - no composition rules (no forced digits, capitals or symbols) and no periodic expiry here;
 *  - refuse what attackers try first: common passwords (also with digits/punctuation tacked on the end),
 *    the user's own e-mail or name, repeated characters and simple sequences.
 *
 * Passphrases: a phrase of at least 4 space-separated words and at least 16 characters is accepted. Any such
 * phrase is already ≥ 12 characters, so it needs no separate length rule; the message mentions passphrases
 * to steer users towards them ("cây đa bến nước sân đình" is easier to remember and stronger than "P@ss1234").
 *
 * Pure: no I/O.
 */

import type { FieldIssue } from './errors'
import { searchKey } from './names'
import { COMMON_PASSWORDS } from './reference/commonPasswords'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256
export const PASSPHRASE_MIN_WORDS = 4
export const PASSPHRASE_MIN_LENGTH = 16
/** E-mail local parts and name words shorter than this are too common to refuse inside a password. */
export const PERSONAL_TOKEN_MIN_LENGTH = 4


export interface PasswordContext {
  email?: string | null
  fullName?: string | null
}

const FIELD = 'password'

const MESSAGES = {
  required: { vi: 'Vui lòng nhập mật khẩu', en: 'Please enter a password' },
  tooShort: {
    vi: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự (hoặc là một cụm từ gồm ít nhất ${PASSPHRASE_MIN_WORDS} từ)`,
    en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters (or be a passphrase of at least ${PASSPHRASE_MIN_WORDS} words)`,
  },
  tooLong: {
    vi: `Mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự`,
    en: `The password must not be longer than ${PASSWORD_MAX_LENGTH} characters`,
  },
  common: { vi: 'Mật khẩu quá phổ biến, dễ bị đoán', en: 'This password is too common and easy to guess' },
  personal: {
    vi: 'Mật khẩu không được chứa email hoặc họ tên của bạn',
    en: 'The password must not contain your e-mail or name',
  },
  pattern: {
    vi: 'Mật khẩu không được là một ký tự lặp lại hoặc một dãy đơn giản (như 123456…, abcdef…, qwerty…)',
    en: 'The password must not be a repeated character or a simple sequence (such as 123456…, abcdef…, qwerty…)',
  },
} as const

function issue(kind: keyof typeof MESSAGES): FieldIssue {
  return { field: FIELD, ...MESSAGES[kind] }
}

/**
 * Check a new password. Returns every rule it breaks (empty = acceptable); each issue has field 'password'.
 * `context` holds the account's e-mail and full name, which the password must not contain.
 */
export function checkPassword(password: string, context: PasswordContext = {}): FieldIssue[] {
  const nfc = (password ?? '').normalize('NFC')
  if (nfc.length === 0) return [issue('required')]
  const length = codePointLength(nfc)
  // A very long input is refused without further work (no point folding a megabyte).
  if (length > PASSWORD_MAX_LENGTH) return [issue('tooLong')]

  const issues: FieldIssue[] = []
  if (length < PASSWORD_MIN_LENGTH && !isPassphrase(nfc, length)) issues.push(issue('tooShort'))

  const common = isCommon(nfc)
  if (common) issues.push(issue('common'))
  if (containsPersonalData(nfc, context)) issues.push(issue('personal'))
  // "123456" is both common and a sequence: one "easy to guess" message is enough.
  if (!common && isSimplePattern(nfc)) issues.push(issue('pattern'))
  return issues
}

// ---------------------------------------------------------------------------------------------------------

function codePointLength(text: string): number {
  return Array.from(text).length
}

/** ≥ 4 words separated by whitespace and ≥ 16 characters (see the module comment: implied by the 12 minimum). */
function isPassphrase(nfc: string, length: number): boolean {
  const words = nfc.trim().split(/\s+/).filter(Boolean)
  return words.length >= PASSPHRASE_MIN_WORDS && length >= PASSPHRASE_MIN_LENGTH
}

/** Lower-case, no diacritics (đ → d), letters and digits only: "Nguyễn.Hường 2026!" → "nguyenhuong2026". */
function compactKey(text: string): string {
  return searchKey(text).replace(/ /g, '')
}

const TRAILING_JUNK = /[\p{N}\p{P}\p{S}\s]+$/u
const LEADING_JUNK = /^[\p{N}\p{P}\p{S}\s]+/u

/**
 * In the common list as typed (case-insensitive), without digits/punctuation added at the end (or both ends),
 * or written with diacritics and spaces ("Mật khẩu 2024!" → "matkhau").
 */
function isCommon(nfc: string): boolean {
  const lower = nfc.toLowerCase()
  const trimmedEnd = lower.replace(TRAILING_JUNK, '')
  const compact = compactKey(nfc)
  const candidates = [
    lower,
    trimmedEnd,
    trimmedEnd.replace(LEADING_JUNK, ''),
    compact,
    compact.replace(TRAILING_JUNK, ''),
  ]
  return candidates.some((c) => c.length > 0 && COMMON_PASSWORDS.has(c))
}

/** Contains the e-mail's local part (or one of its ≥ 4-character pieces) or a ≥ 4-letter word of the name. */
function containsPersonalData(nfc: string, context: PasswordContext): boolean {
  const haystack = compactKey(nfc)
  return personalTokens(context).some((token) => haystack.includes(token))
}

function personalTokens(context: PasswordContext): string[] {
  const tokens: string[] = []
  const email = (context.email ?? '').trim()
  if (email) {
    const at = email.lastIndexOf('@')
    const local = at >= 0 ? email.slice(0, at) : email
    // "nguyen.huong" → "nguyenhuong" (so "NguyenHuong2026" is caught too) and its pieces "nguyen", "huong".
    tokens.push(compactKey(local), ...searchKey(local).split(' '))
  }
  tokens.push(...searchKey(context.fullName).split(' '))
  return [...new Set(tokens)].filter((t) => t.length >= PERSONAL_TOKEN_MIN_LENGTH)
}

/**
 * Runs people type instead of choosing: the alphabet, digits, keyboard rows and columns (QWERTY and AZERTY),
 * each taken as a loop so "1234567890123" and "qwertyuiopas" (running on to the next row) count.
 */
const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '!@#$%^&*()',
].flatMap((s) => [s, [...s].reverse().join('')])

/** Whole text is a piece of one of SEQUENCES, read in a loop, forwards or backwards ("9876543210987"). */
function isSequenceRun(text: string): boolean {
  return SEQUENCES.some((seq) => seq.repeat(Math.ceil(text.length / seq.length) + 1).includes(text))
}

/**
 * Whole text repeats a unit of at most 4 characters at least 3 times: "aaaaaaaaaaaa", "abababababab",
 * "123412341234" (but not a doubled word in a passphrase, "hoa hoa gió gió").
 */
function isShortRepeat(chars: string[]): boolean {
  for (let unit = 1; unit <= 4 && unit * 3 <= chars.length; unit++) {
    let repeats = true
    for (let i = unit; i < chars.length && repeats; i++) repeats = chars[i] === chars[i - unit]
    if (repeats) return true
  }
  return false
}

function isSimplePiece(text: string): boolean {
  const chars = [...text]
  return chars.length > 0 && (isShortRepeat(chars) || isSequenceRun(text))
}

/**
 * A repeated character or short unit, a simple sequence, or two such pieces joined ("abcdef123456",
 * "aaaaaa999999"). Checked as typed (lower-cased) and without spaces and separators ("1234-5678-9012").
 */
function isSimplePattern(nfc: string): boolean {
  const lower = nfc.toLowerCase()
  const variants = new Set([lower, lower.replace(/[\s\-_.,/\\|:;]+/g, '')])
  for (const text of variants) {
    if (codePointLength(text) < 3) continue
    if (isSimplePiece(text)) return true
    const chars = [...text]
    for (let cut = 1; cut < chars.length; cut++) {
      if (isSimplePiece(chars.slice(0, cut).join('')) && isSimplePiece(chars.slice(cut).join(''))) return true
    }
  }
  return false
}
