import fs from 'node:fs'

/**
 * `<archive>.json` beside each archive: public facts about it (no key, no personal data) that the
 * retention policy reads from the storage itself, so it works even when the database is lost.
 */
export interface Sidecar {
  bytes: number
  sha256: string
  createdAt: string
  keyId: string
  /** Set when the archive was decrypted and every part matched its manifest. */
  verifiedAt?: string
  /** Last restore drill of this archive. */
  drill?: { at: string; ok: boolean; detail?: string }
}

export const sidecarPath = (archive: string) => `${archive}.json`

export function readSidecar(archive: string): Sidecar | null {
  try {
    return JSON.parse(fs.readFileSync(sidecarPath(archive), 'utf8')) as Sidecar
  } catch {
    return null
  }
}

export function writeSidecar(archive: string, data: Sidecar): void {
  const tmp = `${sidecarPath(archive)}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n')
  fs.renameSync(tmp, sidecarPath(archive))
}

export function updateSidecar(archive: string, patch: Partial<Sidecar>): void {
  const current = readSidecar(archive)
  if (current) writeSidecar(archive, { ...current, ...patch })
}
