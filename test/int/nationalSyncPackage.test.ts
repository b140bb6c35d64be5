/**
 * The monthly signed package (TT 06/2023, switchable): manifest of records and hashes with the changes since the
 * previous package, chained by hash to the previous month's; detached CMS signatures of the person and the agency
 * with the demo PKI's real keys; a report PDF signed by both; `npm run national-sync:verify` accepts it and refuses a
 * tampered manifest or a broken chain.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import type { Payload } from 'payload'

import { manifestSha256, type PackageManifest } from '../../src/domain/nationalPackage'
import { createDemoPki } from '../../src/pki/demoPki'
import { fromPemOrDer } from '../../src/pki/der'
import { verifyPdf } from '../../src/signing/verify'
import { buildMonthlyPackage, MANIFEST, verifyPackage } from '../../src/nationalSync/monthlyPackage'
import { startTestPayload, stopTestPayload } from '../helpers/payload'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-national-package-'))
const pkiDir = path.join(work, 'pki')
const base = path.join(work, 'packages')
let payload: Payload
let anchors: Uint8Array[]

const verifyCli = (target: string) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/nationalSync/cli/verify.ts', target], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', PKI_DIR: pkiDir },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }),
  )

beforeAll(async () => {
  process.env.PKI_DIR = pkiDir
  process.env.HOSO_NATIONAL_PACKAGE_DIR = base
  await createDemoPki({ dir: pkiDir })
  anchors = fromPemOrDer(new Uint8Array(fs.readFileSync(path.join(pkiDir, 'root-ca.crt'))))
  ;({ payload } = await startTestPayload())
  const unit = await payload.create({ collection: 'units', data: { code: 'BNV', name: 'Bộ Nội vụ', type: 'ministry' } })
  for (const [i, name] of ['Nguyễn Văn An', 'Trần Thị Bình'].entries()) {
    await payload.create({
      collection: 'staff',
      data: { staffCode: `P-${i}`, fullName: name, gender: 'male', birthDate: '1980-01-01T00:00:00.000Z', employmentType: 'civil-servant', unit: unit.id, nationalId: `00108001000${i}` },
    })
  }
})

afterAll(async () => {
  await stopTestPayload(payload)
  fs.rmSync(work, { recursive: true, force: true })
})

test('two months in a row: signed, chained, verified; the report PDF carries both signatures; a month is never rewritten', async () => {
  const nov = await buildMonthlyPackage(payload, '2026-11', { now: new Date('2026-11-28T03:00:00Z') })
  expect(nov).toMatchObject({ records: 2, changes: 0, previous: null })
  const dec = await buildMonthlyPackage(payload, '2026-12', { now: new Date() })
  expect(dec).toMatchObject({ records: 2, changes: 2, previous: '2026-11' })
  const manifest = JSON.parse(fs.readFileSync(path.join(dec.dir, MANIFEST), 'utf8')) as PackageManifest
  const previous = JSON.parse(fs.readFileSync(path.join(nov.dir, MANIFEST), 'utf8')) as PackageManifest
  expect(manifest.previous).toEqual({ month: '2026-11', manifestSha256: manifestSha256(previous) })
  expect(manifest.changes.entries.map((c) => c.kind)).toEqual(['upsert', 'upsert'])
  // No identifier in the package.
  expect(fs.readFileSync(path.join(dec.dir, MANIFEST), 'utf8')).not.toMatch(/00108001000/)

  const checked = await verifyPackage(dec.dir, anchors)
  expect(checked).toMatchObject({ valid: true, month: '2026-12', manifestSha256: dec.manifestSha256, problems: [] })
  expect(checked.signatures.map((s) => [s.role, s.integrity, s.trusted])).toEqual([['person', true, true], ['agency', true, true]])
  const pdf = await verifyPdf(new Uint8Array(fs.readFileSync(path.join(dec.dir, 'report.pdf'))), { trustAnchors: anchors })
  expect(pdf.signatures).toHaveLength(2)
  expect(pdf.valid).toBe(true)
  await expect(buildMonthlyPackage(payload, '2026-12')).rejects.toThrow('never rewritten')

  const ok = await verifyCli(dec.dir)
  expect(ok.code).toBe(0)
  expect(ok.stdout).toContain('HỢP LỆ / VALID')
}, 120_000)

test('a tampered manifest is refused, and so is a package whose previous month was altered', async () => {
  const dir = path.join(base, '2026-12')
  const file = path.join(dir, MANIFEST)
  const original = fs.readFileSync(file)
  fs.writeFileSync(file, original.toString('utf8').replace('"changes":{"afterOutboxId":0', '"changes":{"afterOutboxId":1'))
  const tampered = await verifyCli(file)
  expect(tampered.code).toBe(1)
  expect(tampered.stdout).toContain('đã bị sửa')
  expect(tampered.stdout).toContain('KHÔNG HỢP LỆ / INVALID')
  fs.writeFileSync(file, original)
  expect((await verifyPackage(dir, anchors)).valid).toBe(true)

  // The month before rewritten (even re-signed by someone else, its hash changes): the chain breaks.
  const prevFile = path.join(base, '2026-11', MANIFEST)
  const prev = JSON.parse(fs.readFileSync(prevFile, 'utf8')) as PackageManifest
  fs.writeFileSync(prevFile, JSON.stringify({ ...prev, records: prev.records.slice(0, 1) }))
  const broken = await verifyPackage(dir, anchors)
  expect(broken.valid).toBe(false)
  expect(broken.problems.join('\n')).toContain('Mã băm của gói trước không khớp')
}, 120_000)

test('switched off: no package', async () => {
  process.env.HOSO_NATIONAL_MONTHLY_PACKAGE = 'off'
  try {
    await expect(buildMonthlyPackage(payload, '2027-01')).rejects.toThrow('switched off')
  } finally {
    delete process.env.HOSO_NATIONAL_MONTHLY_PACKAGE
  }
  expect(fs.existsSync(path.join(base, '2027-01'))).toBe(false)
})

test('file-bundle adapter: the entries as JSON lines with their SHA-256 and the agency signature, for a manual upload', async () => {
  const { adapterFromEnv } = await import('../../src/nationalSync/config')
  const { sendPending } = await import('../../src/nationalSync/sender')
  const { verifyDetachedCms } = await import('../../src/signing/detachedCms')
  const { poolOf } = await import('../../src/db/pool')
  const bundles = path.join(work, 'bundles')
  const adapter = adapterFromEnv({ ...process.env, HOSO_NATIONAL_SYNC_ADAPTER: 'file-bundle', HOSO_NATIONAL_SYNC_BUNDLE_DIR: bundles, PKI_DIR: pkiDir })!
  const result = await sendPending(poolOf(payload), adapter, { policy: { baseMs: 1, maxMs: 1, maxAttempts: 3 } })
  expect(result).toMatchObject({ sent: 2, failed: 0, rounds: 1 })
  const files = fs.readdirSync(bundles).sort()
  expect(files).toHaveLength(3)
  const [jsonl, p7s, sha] = files as [string, string, string]
  expect([jsonl.endsWith('.jsonl'), p7s.endsWith('.jsonl.p7s'), sha.endsWith('.jsonl.sha256')]).toEqual([true, true, true])
  const body = new Uint8Array(fs.readFileSync(path.join(bundles, jsonl)))
  const lines = new TextDecoder().decode(body).trim().split('\n').map((l) => JSON.parse(l))
  expect(lines.map((l) => [l.format, l.kind, l.personKey])).toEqual([
    ['hoso-json/1', 'upsert', '001080010000'],
    ['hoso-json/1', 'upsert', '001080010001'],
  ])
  const signature = new Uint8Array(fs.readFileSync(path.join(bundles, p7s)))
  expect(await verifyDetachedCms(signature, body, anchors)).toMatchObject({ integrity: true, trusted: true, problems: [] })
  const altered = new Uint8Array(body)
  altered[10] ^= 1
  expect((await verifyDetachedCms(signature, altered, anchors)).integrity).toBe(false)
  // Each entry is acknowledged by the bundle it went into.
  const { rows } = await poolOf(payload).query(`SELECT status, ack_reference FROM national_sync_outbox ORDER BY id`)
  expect(rows).toEqual([{ status: 'sent', ack_reference: jsonl }, { status: 'sent', ack_reference: jsonl }])
}, 60_000)

test('retention: acknowledged entries leave after HOSO_NATIONAL_SYNC_RETENTION_DAYS, only once a signed package lists them', async () => {
  const { pruneAcknowledged } = await import('../../src/nationalSync/retention')
  const { poolOf } = await import('../../src/db/pool')
  const pool = poolOf(payload)
  // A third change, acknowledged but in no package yet.
  const [first] = (await payload.find({ collection: 'staff', limit: 1, sort: 'id', overrideAccess: true })).docs
  await payload.update({ collection: 'staff', id: first!.id, data: { hometown: 'Huế' }, overrideAccess: true })
  await pool.query(`UPDATE national_sync_outbox SET status = 'sent', acknowledged_at = now() WHERE status = 'pending'`)
  const ids = async () => (await pool.query(`SELECT id FROM national_sync_outbox ORDER BY id`)).rows.map((r) => Number(r.id))
  const all = await ids()
  expect(all).toHaveLength(3)
  const day = 86_400_000
  expect(await pruneAcknowledged(pool, new Date(Date.now() + 31 * day), null)).toBe(0)
  expect(await pruneAcknowledged(pool, new Date(Date.now() + 29 * day), 30)).toBe(0)
  // The December package lists the first two: they go; the third waits for the next package.
  expect(await pruneAcknowledged(pool, new Date(Date.now() + 31 * day), 30)).toBe(2)
  expect(await ids()).toEqual(all.slice(2))
  // With the monthly package off, acknowledgement and age are enough.
  process.env.HOSO_NATIONAL_MONTHLY_PACKAGE = 'off'
  try {
    expect(await pruneAcknowledged(pool, new Date(Date.now() + 31 * day), 30)).toBe(1)
  } finally {
    delete process.env.HOSO_NATIONAL_MONTHLY_PACKAGE
  }
})
