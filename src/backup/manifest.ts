import type { PartSummary } from './container'
import type { SequenceValue } from './tables'

export interface TableEntry extends PartSummary {
  table: string
  columns: string[]
  orderBy: string[]
  /** Rows in the snapshot; `sha256` is the checksum of the ordered COPY text, i.e. of the table's content. */
  rows: number
}

export interface FileEntry extends PartSummary {
  /** Path relative to MEDIA_DIR. */
  path: string
}

export interface BackupManifest {
  format: 'hoso-backup/1'
  createdAt: string
  finishedAt: string
  /** now() inside the snapshot transaction: the instant the database content is from. */
  snapshotAt: string
  app: { name: string; version: string }
  node: string
  postgres: string
  /** Names of the applied migrations, in order: the schema version of the dump. */
  migrations: string[]
  tables: TableEntry[]
  sequences: SequenceValue[]
  files: FileEntry[]
  config: PartSummary
}

export const tablePart = (table: string) => `db/${table}.copy`
export const filePart = (rel: string) => `files/${rel}`
export const CONFIG_PART = 'config.json'

/** Every part the manifest names, for the verifier to tick off. */
export function manifestParts(m: BackupManifest): PartSummary[] {
  return [...m.tables, ...m.files, m.config].map((p) => ({ name: p.name, bytes: p.bytes, sha256: p.sha256 }))
}
