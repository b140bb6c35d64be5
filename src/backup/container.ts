import crypto from 'node:crypto'
import { once } from 'node:events'
import type { Readable, Writable } from 'node:stream'

import { BackupIntegrityError } from './encryption'

/**
 * The plaintext inside an archive: named parts streamed one after another, then the manifest.
 *
 *   record = 1 byte type | u32 length | payload
 *   BEGIN {name} · DATA bytes… · END {bytes, sha256} for each part, then MANIFEST {…} last.
 *
 * A part's size is not known before it is written (a table streams out of COPY), which is why this is
 * not tar: tar wants each size up front, and spooling tables to plaintext temp files is what an
 * encrypted backup must not do.
 */
const BEGIN = 1
const DATA = 2
const END = 3
const MANIFEST = 4
const MAX_DATA = 1024 * 1024

export interface PartSummary {
  name: string
  bytes: number
  sha256: string
}

export class ContainerWriter {
  private current: { name: string; hash: crypto.Hash; bytes: number } | null = null

  constructor(private readonly out: Writable) {}

  private async record(type: number, payload: Buffer): Promise<void> {
    const head = Buffer.alloc(5)
    head[0] = type
    head.writeUInt32BE(payload.length, 1)
    const a = this.out.write(head)
    const b = this.out.write(payload)
    if (!a || !b) await once(this.out, 'drain')
  }

  async begin(name: string): Promise<void> {
    if (this.current) throw new Error(`part ${this.current.name} is still open`)
    this.current = { name, hash: crypto.createHash('sha256'), bytes: 0 }
    await this.record(BEGIN, Buffer.from(JSON.stringify({ name })))
  }

  async data(chunk: Buffer): Promise<void> {
    const part = this.current
    if (!part) throw new Error('no open part')
    for (let i = 0; i < chunk.length; i += MAX_DATA) {
      const piece = chunk.subarray(i, i + MAX_DATA)
      part.hash.update(piece)
      part.bytes += piece.length
      await this.record(DATA, piece)
    }
  }

  async end(): Promise<PartSummary> {
    const part = this.current
    if (!part) throw new Error('no open part')
    this.current = null
    const summary = { name: part.name, bytes: part.bytes, sha256: part.hash.digest('hex') }
    await this.record(END, Buffer.from(JSON.stringify({ bytes: summary.bytes, sha256: summary.sha256 })))
    return summary
  }

  async part(name: string, content: Buffer): Promise<PartSummary> {
    await this.begin(name)
    await this.data(content)
    return this.end()
  }

  /** Writes the manifest and ends the stream. */
  async finish(manifest: unknown): Promise<void> {
    if (this.current) throw new Error(`part ${this.current.name} is still open`)
    await this.record(MANIFEST, Buffer.from(JSON.stringify(manifest)))
    this.out.end()
  }
}

export type ContainerEvent =
  | { type: 'begin'; name: string }
  | { type: 'data'; chunk: Buffer }
  | { type: 'end'; part: PartSummary }
  | { type: 'manifest'; manifest: unknown }

function corrupt(detail: string): BackupIntegrityError {
  return new BackupIntegrityError('Nội dung bản sao lưu không hợp lệ', `invalid archive content: ${detail}`)
}

/**
 * Parses the plaintext stream. Each part's SHA-256 is recomputed while reading and compared with the
 * one recorded at its END; a mismatch throws before the END event is yielded.
 */
export async function* readContainer(input: Readable): AsyncGenerator<ContainerEvent> {
  let buf: Buffer = Buffer.alloc(0)
  let current: { name: string; hash: crypto.Hash; bytes: number } | null = null
  let sawManifest = false
  for await (const chunk of input as AsyncIterable<Buffer>) {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk
    let offset = 0
    while (buf.length - offset >= 5) {
      const type = buf[offset]!
      const n = buf.readUInt32BE(offset + 1)
      if (n > MAX_DATA * 2) throw corrupt('record too long')
      if (buf.length - offset < 5 + n) break
      const payload = buf.subarray(offset + 5, offset + 5 + n)
      offset += 5 + n
      if (sawManifest) throw corrupt('data after the manifest')
      if (type === BEGIN) {
        if (current) throw corrupt('nested part')
        const { name } = JSON.parse(payload.toString('utf8')) as { name: string }
        current = { name, hash: crypto.createHash('sha256'), bytes: 0 }
        yield { type: 'begin', name }
      } else if (type === DATA) {
        if (!current) throw corrupt('data outside a part')
        current.hash.update(payload)
        current.bytes += payload.length
        yield { type: 'data', chunk: Buffer.from(payload) }
      } else if (type === END) {
        if (!current) throw corrupt('end outside a part')
        const recorded = JSON.parse(payload.toString('utf8')) as { bytes: number; sha256: string }
        const sha256 = current.hash.digest('hex')
        if (recorded.sha256 !== sha256 || recorded.bytes !== current.bytes) {
          throw new BackupIntegrityError(
            `Tổng kiểm tra SHA-256 của phần ${current.name} không khớp`,
            `SHA-256 mismatch for part ${current.name}`,
          )
        }
        yield { type: 'end', part: { name: current.name, bytes: current.bytes, sha256 } }
        current = null
      } else if (type === MANIFEST) {
        if (current) throw corrupt('manifest inside a part')
        sawManifest = true
        yield { type: 'manifest', manifest: JSON.parse(payload.toString('utf8')) }
      } else {
        throw corrupt(`unknown record type ${type}`)
      }
    }
    buf = buf.subarray(offset)
  }
  if (buf.length || !sawManifest) throw corrupt('the manifest is missing (truncated archive)')
}
