import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { signDetachedCms } from '../../signing/detachedCms'
import type { HosoSigner } from '../../signing/types'
import type { WireFormat } from '../wireFormat'
import type { DeliveryOutcome, NationalSyncAdapter } from './types'

export interface FileBundleOptions {
  dir: string
  format: WireFormat
  agencyCode: string | null
  /** The agency's signer (src/signing/loadSigner.ts): each bundle gets a detached CMS signature (`.p7s`); null: unsigned. */
  signer?: () => Promise<HosoSigner>
}

/**
 * A bundle for manual upload: each round's messages as one file of JSON lines (one encoded message per line, in
 * sequence order) with a `.sha256` file and the agency's detached CMS signature (`.p7s`, the signing pipeline's
 * agency signer) beside it, written aside and renamed into place (a crash leaves no half bundle; the signature is
 * made before anything is written). "Acknowledged" here means "written to the bundle": the upload itself is a
 * person's step outside hoso.
 */
export function fileBundleAdapter(o: FileBundleOptions): NationalSyncAdapter {
  return {
    name: 'file-bundle',
    async deliver(messages) {
      if (!messages.length) return []
      fs.mkdirSync(o.dir, { recursive: true })
      const sorted = [...messages].sort((a, b) => a.sequence - b.sequence)
      const body = Buffer.concat(sorted.map((m) => Buffer.concat([o.format.encode(m, o.agencyCode), Buffer.from('\n')])))
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
      const name = `hoso-national-sync-${stamp}-${sorted[0]!.sequence}-${sorted.at(-1)!.sequence}.jsonl`
      const file = path.join(o.dir, name)
      try {
        let signature: Uint8Array | null = null
        if (o.signer) {
          const signer = await o.signer()
          try {
            signature = await signDetachedCms(body, signer)
          } finally {
            await signer.close?.()
          }
        }
        const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`
        fs.writeFileSync(tmp, body, { mode: 0o600 })
        const fd = fs.openSync(tmp, 'r')
        fs.fsyncSync(fd)
        fs.closeSync(fd)
        fs.renameSync(tmp, file)
        fs.writeFileSync(`${file}.sha256`, `${createHash('sha256').update(body).digest('hex')}  ${name}\n`)
        if (signature) fs.writeFileSync(`${file}.p7s`, signature)
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err)
        return messages.map((): DeliveryOutcome => ({ ok: false, retry: true, error }))
      }
      return messages.map((): DeliveryOutcome => ({ ok: true, reference: name }))
    },
  }
}
