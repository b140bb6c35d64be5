/**
 * A signed export (xuất văn bản điện tử có ký số): one document of one record, taken through the two
 * signatures NĐ 30/2020/NĐ-CP asks for — the competent person first, then the managing agency (Điều 14:
 * Văn thư signs after the person). Pure rules: statuses, the next step, verification codes.
 */

export const EXPORT_STATUSES = ['queued', 'awaiting-person', 'awaiting-agency', 'done', 'failed'] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]

export const EXPORT_STATUS_LABELS: Record<ExportStatus, { vi: string; en: string }> = {
  queued: { vi: 'Đang chờ xử lý', en: 'Queued' },
  'awaiting-person': { vi: 'Chờ người có thẩm quyền ký', en: 'Awaiting the competent person’s signature' },
  'awaiting-agency': { vi: 'Chờ cơ quan ký số', en: 'Awaiting the agency signature' },
  done: { vi: 'Đã ký số', en: 'Signed' },
  failed: { vi: 'Không thành công', en: 'Failed' },
}

export type SignatureStep = 'person' | 'agency'

/** What can be exported signed: a CV form, or the full official record (an extract the agency certifies). */
export const EXPORT_FORMS = ['2c', 'hs02', 'full'] as const
export type ExportForm = (typeof EXPORT_FORMS)[number]

/** Which signature a document needs next, given the signatures it already carries (in order). */
export function nextStep(signed: { person: boolean; agency: boolean }): SignatureStep | 'complete' {
  if (!signed.person) {
    if (signed.agency) throw new Error('the agency signature can only follow the competent person’s')
    return 'person'
  }
  return signed.agency ? 'complete' : 'agency'
}

/** Status while waiting for an external signer at a step. */
export const awaitingStatus = (step: SignatureStep): ExportStatus => (step === 'person' ? 'awaiting-person' : 'awaiting-agency')

/** A finished or failed export is not worked on again; a new request makes a new document. */
export const isFinal = (s: ExportStatus) => s === 'done' || s === 'failed'

// Crockford base32: no I, L, O, U — read aloud or typed from paper without ambiguity.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A 12-character verification code from 60 random bits (8 bytes; the caller passes crypto randomness). */
export function verificationCode(random: Uint8Array): string {
  if (random.length < 8) throw new Error('verificationCode needs 8 random bytes')
  let bits = 0n
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(random[i]!)
  let out = ''
  for (let i = 0; i < 12; i++) {
    out += ALPHABET[Number(bits & 31n)]
    bits >>= 5n
  }
  return out
}

/** "7KQ2M9TX4HPA" → "7KQ2-M9TX-4HPA" (as printed). */
export const formatCode = (code: string) => code.match(/.{1,4}/g)!.join('-')

/**
 * What a person typed or a QR code carried, as a stored code, or null: case-insensitive, dashes and
 * spaces ignored, O read as 0 and I/L as 1 (Crockford).
 */
export function normaliseCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(s) ? s : null
}
