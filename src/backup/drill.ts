import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import type { BackupKey } from './key'
import { restoreArchive, type TableCheck } from './restore'
import { updateSidecar } from './sidecar'

export interface DrillResult {
  archive: string
  ok: boolean
  tables: TableCheck[]
  files: { expected: number; matching: number; mismatched: string[] }
  restoreMs: number
  error?: string
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

async function sha256File(file: string): Promise<string | null> {
  if (!fs.existsSync(file)) return null
  const hash = crypto.createHash('sha256')
  for await (const c of fs.createReadStream(file) as AsyncIterable<Buffer>) hash.update(c)
  return hash.digest('hex')
}

/**
 * Restores an archive into a scratch database (created on `serverUrl`'s server, dropped afterwards) and
 * a temporary media directory, and compares per-table row counts and content checksums and every
 * file's SHA-256 with what the manifest recorded at backup time.
 */
export async function drillArchive(opts: { archive: string; key: BackupKey; serverUrl: string; log?: (m: string) => void }): Promise<DrillResult> {
  const name = `hoso_drill_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: opts.serverUrl })
  await admin.connect()
  const media = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-drill-'))
  const result: DrillResult = {
    archive: path.basename(opts.archive),
    ok: false,
    tables: [],
    files: { expected: 0, matching: 0, mismatched: [] },
    restoreMs: 0,
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`)
    try {
      const report = await restoreArchive({
        archive: opts.archive,
        key: opts.key,
        targetUrl: withDatabase(opts.serverUrl, name),
        mediaDir: media,
        log: opts.log,
      })
      result.tables = report.tables
      result.restoreMs = report.ms
      result.files.expected = report.manifest.files.length
      for (const f of report.manifest.files) {
        if ((await sha256File(path.join(media, f.path))) === f.sha256) result.files.matching++
        else result.files.mismatched.push(f.path)
      }
      result.ok = report.tables.every((t) => t.ok) && result.files.mismatched.length === 0
      if (!result.ok) result.error = 'restored content differs from the manifest'
    } catch (err) {
      result.error = err instanceof Error ? err.message : String(err)
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    }
  } finally {
    await admin.end().catch(() => {})
    fs.rmSync(media, { recursive: true, force: true })
  }
  updateSidecar(opts.archive, { drill: { at: new Date().toISOString(), ok: result.ok, detail: result.error } })
  return result
}
