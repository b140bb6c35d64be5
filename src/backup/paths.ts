import path from 'node:path'

/** HOSO_DATA_DIR (default ./.data): the embedded database, generated secrets. */
export function dataDir(): string {
  return path.resolve(process.env.HOSO_DATA_DIR ?? '.data')
}

/** BACKUP_DIR: meant to be a dedicated mounted volume; in development `<data dir>/backups`. */
export function backupDir(): string {
  return path.resolve(process.env.BACKUP_DIR ?? path.join(dataDir(), 'backups'))
}

/** Where uploaded photos live (same default as collections/Photos). */
export function mediaDir(): string {
  return path.resolve(process.env.MEDIA_DIR ?? '.data/media/photos')
}

export const ARCHIVE_SUFFIX = '.hbak'

/** hoso-20261201T013000Z.hbak — sorts by time; the sidecar `<archive>.json` holds its checksum and verification. */
export function archiveName(at: Date): string {
  return `hoso-${at.toISOString().replace(/[-:.]/g, '')}${ARCHIVE_SUFFIX}`
}
