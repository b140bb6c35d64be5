import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'

import type pg from 'pg'

import { nonSecretConfig } from './config'
import { ContainerWriter } from './container'
import { createEncryptor } from './encryption'
import type { BackupKey } from './key'
import { CONFIG_PART, filePart, tablePart, type BackupManifest, type FileEntry, type TableEntry } from './manifest'
import { archiveName } from './paths'
import { writeSidecar } from './sidecar'
import { copyTableOut, listTables, prepareSession, readSequences } from './tables'

export interface BackupResult {
  archive: string
  bytes: number
  sha256: string
  manifest: BackupManifest
}

function appVersion(): { name: string; version: string } {
  const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { name: string; version: string }
  return { name: pkg.name, version: pkg.version }
}

/** Every regular file under `dir`, relative paths with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  const out: string[] = []
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(r)
      else if (e.isFile()) out.push(r)
    }
  }
  walk('')
  return out.sort()
}

/**
 * One archive: the database as of one instant (a REPEATABLE READ, READ ONLY transaction — the app
 * keeps serving, nothing is locked but against DDL), then the uploaded files, then the non-secret
 * configuration, then the manifest. Written to `<name>.partial` and renamed when complete.
 */
export async function createBackup(opts: {
  pool: pg.Pool
  dir: string
  mediaDir: string
  key: BackupKey
  now?: Date
}): Promise<BackupResult> {
  const createdAt = opts.now ?? new Date()
  fs.mkdirSync(opts.dir, { recursive: true })
  const name = archiveName(createdAt)
  const finalPath = path.join(opts.dir, name)
  const partialPath = `${finalPath}.partial`

  const encryptor = createEncryptor(opts.key.key, opts.key.id, createdAt)
  const fileHash = crypto.createHash('sha256')
  let fileBytes = 0
  const tap = new PassThrough()
  tap.on('data', (c: Buffer) => {
    fileHash.update(c)
    fileBytes += c.length
  })
  // Compressed before encryption (ciphertext does not compress): COPY text shrinks several times.
  const deflate = zlib.createDeflateRaw({ level: 1 })
  const written = pipeline(deflate, encryptor, tap, fs.createWriteStream(partialPath, { mode: 0o600 }))
  const writer = new ContainerWriter(deflate)

  try {
    const client = await opts.pool.connect()
    let snapshotAt: string
    let postgres: string
    let migrations: string[]
    const tables: TableEntry[] = []
    let sequences
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY')
      await prepareSession(client)
      const info = await client.query<{ at: Date; version: string }>(`SELECT now() AS at, current_setting('server_version') AS version`)
      snapshotAt = info.rows[0]!.at.toISOString()
      postgres = info.rows[0]!.version
      migrations = (await client.query<{ name: string }>('SELECT name FROM payload_migrations ORDER BY id')).rows.map((r) => r.name)
      for (const t of await listTables(client)) {
        const partName = tablePart(t.name)
        await writer.begin(partName)
        const copied = await copyTableOut(client, t, (chunk) => writer.data(chunk))
        const part = await writer.end()
        if (part.sha256 !== copied.sha256) throw new Error(`internal: checksum of ${t.name} differs between writer and reader`)
        tables.push({ ...part, table: t.name, columns: t.columns, orderBy: t.orderBy, rows: copied.rows })
      }
      sequences = await readSequences(client)
      await client.query('COMMIT')
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }

    const files: FileEntry[] = []
    for (const rel of listFiles(opts.mediaDir)) {
      await writer.begin(filePart(rel))
      for await (const chunk of fs.createReadStream(path.join(opts.mediaDir, rel)) as AsyncIterable<Buffer>) await writer.data(chunk)
      files.push({ ...(await writer.end()), path: rel })
    }
    const config = await writer.part(CONFIG_PART, Buffer.from(JSON.stringify(nonSecretConfig(), null, 2)))

    const manifest: BackupManifest = {
      format: 'hoso-backup/1',
      createdAt: createdAt.toISOString(),
      finishedAt: new Date().toISOString(),
      snapshotAt,
      app: appVersion(),
      node: process.version,
      postgres,
      migrations,
      tables,
      sequences,
      files,
      config,
    }
    await writer.finish(manifest)
    await written
    const fd = fs.openSync(partialPath, 'r')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.renameSync(partialPath, finalPath)
    const result = { archive: finalPath, bytes: fileBytes, sha256: fileHash.digest('hex'), manifest }
    writeSidecar(finalPath, { bytes: result.bytes, sha256: result.sha256, createdAt: manifest.createdAt, keyId: opts.key.id })
    return result
  } catch (err) {
    deflate.destroy()
    await written.catch(() => {})
    fs.rmSync(partialPath, { force: true })
    throw err
  }
}
