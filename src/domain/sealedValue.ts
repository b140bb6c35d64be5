/**
 * Identifiers encrypted at rest (NĐ 13/2023 Điều 26, NĐ 356/2025: sensitive personal data protected where
 * it is stored): the staff record's CCCD, BHXH and tax-code numbers are stored as sealed values — AES-256-GCM
 * ciphertext with the id of the key that sealed it, so that keys can rotate — and the CCCD also as a blind
 * index (a keyed HMAC) that keeps it unique and searchable by exact value. This module is the pure part:
 * which fields, the text format of a sealed value, and the parsing of a key. The cipher is src/crypto/.
 */

/** Staff fields stored sealed (also inside change requests that declare them). */
export const SEALED_STAFF_FIELDS = ['nationalId', 'socialInsuranceNumber', 'taxCode'] as const
export type SealedStaffField = (typeof SEALED_STAFF_FIELDS)[number]

/** The one sealed field with a blind index (unique, exact lookup), and that index's field. */
export const INDEXED_FIELD = 'nationalId'
export const BLIND_INDEX_FIELD = 'nationalIdIndex'

export const isSealedField = (field: string): field is SealedStaffField => (SEALED_STAFF_FIELDS as readonly string[]).includes(field)

/** `enc:v1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>` — format version, key id, then the bytes. */
const PREFIX = 'enc:v1:'
const SEALED = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]+)$/
export const IV_BYTES = 12
export const TAG_BYTES = 16
export const KEY_BYTES = 32

export interface SealedParts {
  keyId: string
  iv: Uint8Array
  ciphertext: Uint8Array
  tag: Uint8Array
}

export function formatSealed(parts: SealedParts): string {
  if (!/^[0-9a-f]{8}$/.test(parts.keyId)) throw new Error(`invalid key id "${parts.keyId}"`)
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) throw new Error('invalid IV or tag length')
  return `${PREFIX}${parts.keyId}:${Buffer.concat([parts.iv, parts.ciphertext, parts.tag]).toString('base64url')}`
}

/** The parts of a sealed value, or null when `value` is not one (e.g. a plaintext value not yet migrated). */
export function parseSealed(value: string): SealedParts | null {
  const m = SEALED.exec(value)
  if (!m) return null
  const bytes = Buffer.from(m[2]!, 'base64url')
  if (bytes.length < IV_BYTES + TAG_BYTES) return null
  return {
    keyId: m[1]!,
    iv: bytes.subarray(0, IV_BYTES),
    ciphertext: bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES),
    tag: bytes.subarray(bytes.length - TAG_BYTES),
  }
}

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX)

/**
 * The value that is sealed and indexed: identifiers are digits (and a tax code's dash), so whitespace is
 * dropped — "001 085 012345" and "001085012345" are one CCCD — and blank means none.
 */
export function normalizeIdentifier(value: unknown): string | null {
  if (value == null) return null
  const s = String(value).replace(/\s+/g, '')
  return s === '' ? null : s
}

/** A key-parsing failure, with the source (variable or file) named and the key itself never shown. */
export class DataKeyFormatError extends Error {}

/**
 * A 32-byte key written as 64 hex digits or as base64 / base64url (44 or 43 characters), e.g. the output
 * of `openssl rand -base64 32` or `openssl rand -hex 32`.
 */
export function parseDataKey(text: string, source: string): Uint8Array {
  const s = text.trim()
  let bytes: Buffer | null = null
  if (/^[0-9a-fA-F]{64}$/.test(s)) bytes = Buffer.from(s, 'hex')
  else if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(s)) bytes = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  if (!bytes || bytes.length !== KEY_BYTES) {
    throw new DataKeyFormatError(
      `${source}: khóa phải gồm đúng 32 byte, viết dạng hex (64 ký tự) hoặc base64 (44 ký tự), ví dụ \`openssl rand -base64 32\` / ` +
        `${source}: the key must be exactly 32 bytes, as hex (64 characters) or base64 (44 characters), e.g. \`openssl rand -base64 32\``,
    )
  }
  return bytes
}

/** Several keys in one variable (previous keys kept for reading during a rotation): comma or whitespace separated. */
export function parseDataKeyList(text: string, source: string): Uint8Array[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((k, i) => parseDataKey(k, `${source}[${i}]`))
}

/**
 * Applies `fn` to the sealed fields of a field map (a change request's declared or base values), leaving the
 * rest alone. Returns the same object when nothing changed.
 */
export function mapSealedFields<T extends Record<string, unknown>>(fields: T, fn: (field: SealedStaffField, value: unknown) => unknown): T {
  let out: T | null = null
  for (const field of SEALED_STAFF_FIELDS) {
    if (!(field in fields)) continue
    const next = fn(field, fields[field])
    if (next !== fields[field]) (out ??= { ...fields })[field as keyof T] = next as T[keyof T]
  }
  return out ?? fields
}

type Condition = Record<string, unknown>
type WhereLike = Record<string, unknown>

/** Operators answered by the blind index: exact values only (a digest has no order and no substrings). */
const INDEX_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in'])

/**
 * Rewrites exact conditions on the CCCD (`equals`, `not_equals`, `in`, `not_in`) into the same conditions on
 * its blind index, so `where[nationalId][equals]=…` still finds the record although the column holds only
 * ciphertext. `exists` stays on the sealed column (it is null exactly when the CCCD is); `like`/`contains`
 * and conditions on the other sealed identifiers cannot be answered and match nothing useful.
 */
export function rewriteIdentifierWhere(where: WhereLike, index: (value: string) => string): WhereLike {
  const digest = (v: unknown) => {
    const plain = normalizeIdentifier(v)
    return plain == null ? null : index(plain)
  }
  const parts: WhereLike[] = []
  const rest: WhereLike = {}
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      rest[key] = value.map((w) => rewriteIdentifierWhere(w as WhereLike, index))
    } else if (key === INDEXED_FIELD && value && typeof value === 'object' && !Array.isArray(value)) {
      const onIndex: Condition = {}
      const onColumn: Condition = {}
      for (const [op, v] of Object.entries(value as Condition)) {
        if (!INDEX_OPERATORS.has(op)) onColumn[op] = v
        else if (op === 'in' || op === 'not_in') onIndex[op] = (Array.isArray(v) ? v : String(v ?? '').split(',')).map(digest)
        else onIndex[op] = digest(v)
      }
      if (Object.keys(onIndex).length) parts.push({ [BLIND_INDEX_FIELD]: onIndex })
      if (Object.keys(onColumn).length) parts.push({ [INDEXED_FIELD]: onColumn })
    } else {
      rest[key] = value
    }
  }
  if (!parts.length) return rest
  return Object.keys(rest).length ? { and: [rest, ...parts] } : parts.length === 1 ? parts[0]! : { and: parts }
}
