/**
 * Vietnamese personal names: search keys and list order.
 * A Vietnamese name is "họ [đệm…] tên"; lists sort by tên (the last word), then by họ đệm
 * (domain.md; the way ministries print lists). PostgreSQL compares the keys with the ICU collation
 * "vi-x-icu", so diacritics order as Vietnamese readers expect (A, Ă, Â, … Đ after D).
 */

/** Lower-case, without diacritics, đ → d, single spaces: "Nguyễn Văn Đức" → "nguyen van duc". */
export function searchKey(text: string | null | undefined): string {
  if (!text) return ''
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Tidy a typed name: NFC, single spaces, each word capitalised ("nguyễn  văn đức" → "Nguyễn Văn Đức"). */
export function normalizePersonName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1).toLocaleLowerCase('vi'))
    .join(' ')
}

/** Sort key "tên họ đệm": "Nguyễn Văn Đức" → "Đức Nguyễn Văn". */
export function sortKey(fullName: string | null | undefined): string {
  const words = (fullName ?? '').normalize('NFC').trim().split(/\s+/).filter(Boolean)
  if (words.length <= 1) return words.join('')
  return [words[words.length - 1], ...words.slice(0, -1)].join(' ')
}

/**
 * Invisible characters that change how a name is shown or compared without being seen: right-to-left and other
 * bidirectional overrides (U+202A–202E, U+2066–2069, U+200E/200F), zero-width spaces and joiners (U+200B–200D,
 * U+2060, U+FEFF) — every Unicode format character (Cf) — and control characters (NUL and the like). No
 * Vietnamese name needs one; with one, "Nguyễn Văn A" can display as another person's name or dodge the
 * duplicate check.
 */
const HIDDEN_CHARACTER = /[\p{Cf}\p{Cc}]/u

export const hasHiddenCharacters = (name: string | null | undefined): boolean => typeof name === 'string' && HIDDEN_CHARACTER.test(name)
