import crypto from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'

/**
 * Archive encryption: AES-256-GCM in chunks, so archives of any size stream through bounded memory
 * and every chunk is authenticated before a byte of it is used (the STREAM construction).
 *
 *   "HOSOBAK1" | u32 header length | header JSON | frames…
 *   frame = u32 (last-chunk bit 31 | ciphertext length) | ciphertext | 16-byte GCM tag
 *
 * The per-archive key is HKDF-SHA256(master key, random salt from the header). The nonce of chunk i is
 * 7 zero bytes | u32 i | 1 byte "last chunk" flag, and every chunk authenticates the header bytes as
 * associated data: reordered, dropped, truncated or appended chunks and an edited header all fail.
 */
const MAGIC = Buffer.from('HOSOBAK1')
const TAG = 16
const LAST = 0x80000000
export const CHUNK_SIZE = 1024 * 1024

export interface ArchiveHeader {
  format: 'hoso-backup/1'
  cipher: 'aes-256-gcm'
  kdf: 'hkdf-sha256'
  /** The plaintext is the container stream compressed with raw DEFLATE. */
  compression: 'deflate-raw'
  salt: string
  keyId: string
  chunkSize: number
  createdAt: string
}

export class BackupIntegrityError extends Error {
  constructor(vi: string, en: string) {
    super(`${vi} / ${en}`)
    this.name = 'BackupIntegrityError'
  }
}

function archiveKey(master: Buffer, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, salt, 'hoso-backup/1 aes-256-gcm', 32))
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12)
  n.writeUInt32BE(index, 7)
  n[11] = last ? 1 : 0
  return n
}

export function createEncryptor(master: Buffer, keyId: string, createdAt: Date): Transform {
  const salt = crypto.randomBytes(32)
  const header: ArchiveHeader = {
    format: 'hoso-backup/1',
    cipher: 'aes-256-gcm',
    kdf: 'hkdf-sha256',
    compression: 'deflate-raw',
    salt: salt.toString('base64'),
    keyId,
    chunkSize: CHUNK_SIZE,
    createdAt: createdAt.toISOString(),
  }
  const headerBytes = Buffer.from(JSON.stringify(header))
  const key = archiveKey(master, salt)
  let index = 0
  let pending: Buffer[] = []
  let pendingLength = 0

  const frame = (plain: Buffer, last: boolean): Buffer => {
    const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce(index++, last))
    cipher.setAAD(headerBytes)
    const body = Buffer.concat([cipher.update(plain), cipher.final()])
    const len = Buffer.alloc(4)
    len.writeUInt32BE((body.length | (last ? LAST : 0)) >>> 0)
    return Buffer.concat([len, body, cipher.getAuthTag()])
  }

  const start = Buffer.alloc(12)
  MAGIC.copy(start)
  start.writeUInt32BE(headerBytes.length, 8)
  let started = false

  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      if (!started) {
        this.push(Buffer.concat([start, headerBytes]))
        started = true
      }
      pending.push(chunk)
      pendingLength += chunk.length
      while (pendingLength > CHUNK_SIZE) {
        const all = Buffer.concat(pending)
        this.push(frame(all.subarray(0, CHUNK_SIZE), false))
        const rest = all.subarray(CHUNK_SIZE)
        pending = [rest]
        pendingLength = rest.length
      }
      cb()
    },
    flush(cb: TransformCallback) {
      if (!started) this.push(Buffer.concat([start, headerBytes]))
      this.push(frame(Buffer.concat(pending), true))
      cb()
    },
  })
}

/** Reads an archive's public header (no key needed). */
export function parseHeader(buf: Buffer): { header: ArchiveHeader; headerBytes: Buffer; length: number } | null {
  if (buf.length < 12) return null
  if (!buf.subarray(0, 8).equals(MAGIC)) {
    throw new BackupIntegrityError('Tệp không phải bản sao lưu hoso', 'not a hoso backup archive')
  }
  const n = buf.readUInt32BE(8)
  if (n > 64 * 1024) throw new BackupIntegrityError('Phần đầu bản sao lưu bị hỏng', 'corrupted archive header')
  if (buf.length < 12 + n) return null
  const headerBytes = Buffer.from(buf.subarray(12, 12 + n))
  let header: ArchiveHeader
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as ArchiveHeader
  } catch {
    throw new BackupIntegrityError('Phần đầu bản sao lưu bị hỏng', 'corrupted archive header')
  }
  if (header.format !== 'hoso-backup/1' || header.cipher !== 'aes-256-gcm') {
    throw new BackupIntegrityError('Định dạng bản sao lưu không được hỗ trợ', `unsupported archive format ${header.format}`)
  }
  return { header, headerBytes, length: 12 + n }
}

export function createDecryptor(master: Buffer, expectedKeyId: string): Transform {
  let buf: Buffer = Buffer.alloc(0)
  let key: Buffer | null = null
  let headerBytes: Buffer | null = null
  let chunkSize = 0
  let index = 0
  let finished = false

  const open = (body: Buffer, tag: Buffer, last: boolean): Buffer => {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key!, nonce(index, last))
    decipher.setAAD(headerBytes!)
    decipher.setAuthTag(tag)
    const plain = decipher.update(body)
    decipher.final() // throws when the tag does not match
    index++
    return plain
  }

  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk
      try {
        if (!key) {
          const parsed = parseHeader(buf)
          if (!parsed) return cb()
          if (parsed.header.keyId !== expectedKeyId) {
            throw new BackupIntegrityError(
              'Sai khóa giải mã: bản sao lưu được mã hóa bằng một khóa khác',
              `wrong key: the archive was encrypted with key ${parsed.header.keyId}, this key is ${expectedKeyId}`,
            )
          }
          headerBytes = parsed.headerBytes
          chunkSize = parsed.header.chunkSize
          key = archiveKey(master, Buffer.from(parsed.header.salt, 'base64'))
          buf = buf.subarray(parsed.length)
        }
        let offset = 0
        while (buf.length - offset >= 4) {
          if (finished) throw new BackupIntegrityError('Có dữ liệu thừa sau phần cuối', 'data after the final chunk')
          const word = buf.readUInt32BE(offset)
          const last = (word & LAST) !== 0
          const n = word & ~LAST
          if (n > chunkSize) throw new BackupIntegrityError('Khối dữ liệu bị hỏng', 'corrupted chunk length')
          if (buf.length - offset < 4 + n + TAG) break
          const body = buf.subarray(offset + 4, offset + 4 + n)
          const tag = buf.subarray(offset + 4 + n, offset + 4 + n + TAG)
          offset += 4 + n + TAG
          let plain: Buffer
          try {
            // The flag is part of the nonce: a flipped bit fails authentication.
            plain = open(body, tag, last)
          } catch {
            throw authFailure()
          }
          if (last) finished = true
          this.push(plain)
        }
        buf = buf.subarray(offset)
        cb()
      } catch (err) {
        cb(err as Error)
      }
    },
    flush(cb: TransformCallback) {
      if (!key) return cb(new BackupIntegrityError('Bản sao lưu bị cắt cụt (thiếu phần đầu)', 'truncated archive (no header)'))
      if (!finished || buf.length) return cb(new BackupIntegrityError('Bản sao lưu bị cắt cụt', 'truncated archive: the final chunk is missing'))
      cb()
    },
  })
}

function authFailure(): BackupIntegrityError {
  return new BackupIntegrityError(
    'Bản sao lưu bị hỏng hoặc đã bị sửa đổi (xác thực AES-GCM thất bại)',
    'archive corrupted or tampered with (AES-GCM authentication failed)',
  )
}
