import crypto from 'node:crypto'

import { BLIND_INDEX_FIELD, formatSealed, INDEXED_FIELD, IV_BYTES, normalizeIdentifier, parseSealed, SEALED_STAFF_FIELDS, TAG_BYTES } from '../domain/sealedValue'

/** A value that cannot be opened: tampered, sealed for another field, or sealed with a key we do not hold. */
export class SealedValueError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`)
    this.name = 'SealedValueError'
  }
}

interface DerivedKey {
  id: string
  encryption: Buffer
  index: Buffer
}

/**
 * One master key gives three independent values (HKDF-SHA256, RFC 5869): the AES-256-GCM key, the HMAC key
 * of the blind index (separate, so the index never weakens the encryption), and a public 8-hex-digit key id
 * written into every sealed value.
 */
function derive(master: Uint8Array): DerivedKey {
  const hkdf = (info: string, length: number) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, length))
  return {
    id: hkdf('hoso/data-key-id/v1', 4).toString('hex'),
    encryption: hkdf('hoso/data-encryption/v1', 32),
    index: hkdf('hoso/blind-index/v1', 32),
  }
}

/**
 * The current key (seals and indexes) and any previous keys (open only, during a rotation). The field name is
 * authenticated with each value (GCM additional data), so a value copied into another column does not open.
 */
export class DataKeyring {
  private readonly current: DerivedKey
  private readonly byId = new Map<string, DerivedKey>()

  constructor(current: Uint8Array, previous: Uint8Array[] = []) {
    this.current = derive(current)
    for (const k of [this.current, ...previous.map(derive)]) if (!this.byId.has(k.id)) this.byId.set(k.id, k)
  }

  get keyId(): string {
    return this.current.id
  }

  seal(plaintext: string, field: string): string {
    const iv = crypto.randomBytes(IV_BYTES)
    const cipher = crypto.createCipheriv('aes-256-gcm', this.current.encryption, iv, { authTagLength: TAG_BYTES })
    cipher.setAAD(Buffer.from(field))
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return formatSealed({ keyId: this.current.id, iv, ciphertext, tag: cipher.getAuthTag() })
  }

  open(sealed: string, field: string): string {
    const parts = parseSealed(sealed)
    if (!parts) throw new SealedValueError('Giá trị mã hóa không đúng định dạng.', 'The encrypted value is malformed.')
    const key = this.byId.get(parts.keyId)
    if (!key) {
      throw new SealedValueError(
        `Dữ liệu được mã hóa bằng khóa ${parts.keyId}, không có trong HOSO_DATA_KEY / HOSO_DATA_KEY_PREVIOUS.`,
        `The data was encrypted with key ${parts.keyId}, which is neither HOSO_DATA_KEY nor in HOSO_DATA_KEY_PREVIOUS.`,
      )
    }
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key.encryption, parts.iv, { authTagLength: TAG_BYTES })
      decipher.setAAD(Buffer.from(field))
      decipher.setAuthTag(parts.tag)
      return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8')
    } catch {
      throw new SealedValueError(
        'Không giải mã được: dữ liệu đã bị sửa hoặc không thuộc trường này.',
        'Cannot decrypt: the data was altered or does not belong to this field.',
      )
    }
  }

  /** Was `sealed` sealed with the current key? (Otherwise a rotation still has to re-seal it.) */
  isCurrent(sealed: string): boolean {
    return parseSealed(sealed)?.keyId === this.current.id
  }

  /** Deterministic keyed digest of a normalised value, for uniqueness and exact lookup without the plaintext. */
  blindIndex(value: string, field: string): string {
    return crypto.createHmac('sha256', this.current.index).update(field).update('\0').update(value, 'utf8').digest('base64url')
  }
}

/**
 * A staff row as stored: its identifiers sealed and the CCCD's blind index set (for writers that bypass
 * Payload's hooks, such as the bulk seed).
 */
export function sealedRow<T extends Record<string, unknown>>(row: T, keyring: DataKeyring): T & { nationalIdIndex: string | null } {
  const out: Record<string, unknown> = { ...row }
  for (const field of SEALED_STAFF_FIELDS) {
    if (!(field in row)) continue
    const plain = normalizeIdentifier(row[field])
    out[field] = plain == null ? null : keyring.seal(plain, field)
  }
  const id = normalizeIdentifier(row[INDEXED_FIELD])
  out[BLIND_INDEX_FIELD] = id == null ? null : keyring.blindIndex(id, INDEXED_FIELD)
  return out as T & { nationalIdIndex: string | null }
}
