import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { isProductionDeployment } from '../domain/deployment'

/**
 * The key Payload signs sessions with. A deployment (HOSO_DEPLOYMENT=production) must pass PAYLOAD_SECRET (a secret file or env);
 * elsewhere a random key is generated once and kept in ./.data (git-ignored), so sessions survive
 * restarts and no key is ever committed.
 */
export function payloadSecret(): string {
  const fromEnv = process.env.PAYLOAD_SECRET
  if (fromEnv) return fromEnv
  if (isProductionDeployment(process.env)) {
    throw new Error('PAYLOAD_SECRET chưa được đặt / PAYLOAD_SECRET is not set (required in a deployment, HOSO_DEPLOYMENT=production)')
  }
  const file = path.resolve(process.env.HOSO_DATA_DIR ?? '.data', 'payload-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' })
  }
  return fs.readFileSync(file, 'utf8').trim()
}
