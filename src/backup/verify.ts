import crypto from 'node:crypto'
import fs from 'node:fs'
import { PassThrough } from 'node:stream'
import zlib from 'node:zlib'

import { readContainer, type ContainerEvent } from './container'
import { BackupIntegrityError, createDecryptor } from './encryption'
import type { BackupKey } from './key'
import { manifestParts, type BackupManifest } from './manifest'
import { readSidecar, updateSidecar } from './sidecar'

/**
 * Decrypts an archive and yields its events; AES-GCM authenticates each chunk and each part's SHA-256
 * is checked at its end. The archive file's own SHA-256 is compared with the sidecar's, when there is one.
 */
export async function* readArchive(archive: string, key: BackupKey): AsyncGenerator<ContainerEvent> {
  if (!fs.existsSync(archive)) throw new Error(`Không tìm thấy bản sao lưu / archive not found: ${archive}`)
  const sidecar = readSidecar(archive)
  const fileHash = crypto.createHash('sha256')
  const source = fs.createReadStream(archive)
  const tap = new PassThrough()
  source.on('error', (e) => tap.destroy(e))
  source.pipe(tap)
  tap.on('data', (c: Buffer) => fileHash.update(c))
  const decryptor = createDecryptor(key.key, key.id)
  tap.on('error', (e) => decryptor.destroy(e))
  tap.pipe(decryptor)
  const inflate = zlib.createInflateRaw()
  decryptor.on('error', (e) => inflate.destroy(e))
  decryptor.pipe(inflate)
  try {
    yield* readContainer(inflate)
  } finally {
    source.destroy()
  }
  const sha256 = fileHash.digest('hex')
  if (sidecar && sidecar.sha256 !== sha256) {
    throw new BackupIntegrityError(
      'Tổng kiểm tra SHA-256 của tệp sao lưu không khớp với bản ghi kèm theo',
      `archive SHA-256 ${sha256} differs from the recorded ${sidecar.sha256}`,
    )
  }
}

/** Checks an archive end to end without restoring it; returns its manifest. Marks the sidecar verified. */
export async function verifyArchive(archive: string, key: BackupKey): Promise<BackupManifest> {
  const seen = new Map<string, { bytes: number; sha256: string }>()
  let manifest: BackupManifest | null = null
  for await (const ev of readArchive(archive, key)) {
    if (ev.type === 'end') seen.set(ev.part.name, ev.part)
    else if (ev.type === 'manifest') manifest = ev.manifest as BackupManifest
  }
  if (!manifest || manifest.format !== 'hoso-backup/1') {
    throw new BackupIntegrityError('Thiếu bảng kê (manifest)', 'manifest missing or of an unknown format')
  }
  const expected = manifestParts(manifest)
  for (const p of expected) {
    const got = seen.get(p.name)
    if (!got || got.sha256 !== p.sha256 || got.bytes !== p.bytes) {
      throw new BackupIntegrityError(`Phần ${p.name} không khớp với bảng kê`, `part ${p.name} does not match the manifest`)
    }
  }
  if (seen.size !== expected.length) {
    throw new BackupIntegrityError('Bản sao lưu có phần không có trong bảng kê', 'the archive holds parts the manifest does not list')
  }
  updateSidecar(archive, { verifiedAt: new Date().toISOString() })
  return manifest
}
