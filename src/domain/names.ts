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
