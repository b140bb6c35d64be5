import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { isProductionDeployment } from '../domain/deployment'
import { backupDir, dataDir } from './paths'

export interface BackupKey {
  key: Buffer
  /** Public fingerprint stored in archive headers, so a wrong key is named as such. */
  id: string
  source: string
}

function parseKey(text: string, source: string): Buffer {
  const t = text.trim()
  const buf = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64')
  if (buf.length !== 32) {
    throw new Error(
      `Khóa sao lưu không hợp lệ (${source}): cần 32 byte dạng hex (64 ký tự) hoặc base64 / ` +
        `invalid backup key (${source}): 32 bytes as hex (64 characters) or base64 expected`,
    )
  }
  return buf
}

export function keyId(key: Buffer): string {
  return crypto.createHash('sha256').update('hoso-backup-key-id\0').update(key).digest('hex').slice(0, 16)
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * The archive key: BACKUP_KEY (hex/base64), else the file BACKUP_KEY_FILE. Production refuses to run
 * without one; development generates `<data dir>/backup.key` once and says so. A key file inside the
 * backup directory is refused: the key must never travel with the backups.
 */
export function loadBackupKey(log: (msg: string) => void = () => {}): BackupKey {
  if (process.env.BACKUP_KEY) {
    const key = parseKey(process.env.BACKUP_KEY, 'BACKUP_KEY')
    return { key, id: keyId(key), source: 'BACKUP_KEY' }
  }
  let file = process.env.BACKUP_KEY_FILE
  if (!file) {
    if (isProductionDeployment(process.env)) {
      throw new Error(
        'Chưa cấu hình khóa mã hóa bản sao lưu: đặt BACKUP_KEY_FILE hoặc BACKUP_KEY / ' +
          'no backup encryption key: set BACKUP_KEY_FILE or BACKUP_KEY (required in a deployment, HOSO_DEPLOYMENT=production)',
      )
    }
    file = path.join(dataDir(), 'backup.key')
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' })
      log(`generated a development backup key at ${file}; keep it apart from the backups (BACKUP_KEY_FILE in production)`)
    }
  }
  const resolved = path.resolve(file)
  if (inside(resolved, path.resolve(backupDir()))) {
    throw new Error(
      'Khóa sao lưu không được nằm trong thư mục sao lưu / the backup key must not be stored in BACKUP_DIR',
    )
  }
  const key = parseKey(fs.readFileSync(resolved, 'utf8'), resolved)
  return { key, id: keyId(key), source: resolved }
}
