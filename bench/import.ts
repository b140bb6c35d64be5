/**
 * `npm run bench -- import [--staff N] [--iterations RUNS]` (default 10 000 staff, 1 run): the Excel import of N
 * records with their history rows (~15 each) against the bulk seed of the same records in the same run.
 * 1. The bulk seed of N + 1 people (reset, then src/seed's batched inserts past Payload's hooks): the floor.
 * 2. The N records exported as the system into the import layout (streaming writer), ids blanked so that they are
 *    new people; their records then deleted.
 * 3. As ministry HR: the dry run (read + plan + store the batch) and the commit (Local API, one transaction).
 * Peak RSS (process maximum so far) after each phase; JSON to bench/results/import-<timestamp>.json.
 */
import { PassThrough } from 'node:stream'

import type { Pool } from 'pg'
import { createLocalReq, type Payload } from 'payload'

import type { CanonicalRecord } from '../src/domain/record'
import { commitImport, dryRunImport } from '../src/import/batches'
import { importReferences } from '../src/import/references'
import { writeImportWorkbook } from '../src/import/workbook'
import { loadCanonicalRecords } from '../src/records/canonicalRecords'
import { resetDatabase } from '../src/seed/reset'
import { seedDemoData } from '../src/seed/seed'
import { stats } from './run'

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024)
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6

async function* asNew(records: AsyncIterable<CanonicalRecord>): AsyncGenerator<CanonicalRecord> {
  for await (const r of records) {
    const histories = Object.fromEntries(Object.entries(r.histories as Record<string, Array<Record<string, unknown>>>).map(([k, rows]) => [k, rows.map((row) => ({ ...row, id: null }))]))
    yield { ...r, id: null, histories } as CanonicalRecord
  }
}

export async function benchImport(payload: Payload, pool: Pool, { staff, runs }: { staff: number; runs: number }) {
  const seedMs: number[] = []
  const exportMs: number[] = []
  const dryRunMs: number[] = []
  const commitMs: number[] = []
  const rss: Record<string, number> = {}
  let fileBytes = 0
  let historyRows = 0
  let counts: unknown = null
  for (let run = 0; run < runs; run++) {
    let t0 = process.hrtime.bigint()
    await resetDatabase(payload)
    await seedDemoData(payload, { staff: staff + 1 })
    seedMs.push(ms(t0))
    rss.afterSeed = rssMb()
    await pool.query('VACUUM ANALYZE')
    // The demo person (the first, with the staff account) stays; the others are exported and deleted.
    const ids = (await pool.query<{ id: number }>('SELECT id FROM staff WHERE id > (SELECT min(id) FROM staff) ORDER BY id')).rows.map((r) => r.id)
    historyRows = Number((await pool.query(`SELECT (SELECT count(*) FROM training_records) + (SELECT count(*) FROM work_history) + (SELECT count(*) FROM salary_history)
      + (SELECT count(*) FROM allowance_history) + (SELECT count(*) FROM awards) + (SELECT count(*) FROM evaluations) + (SELECT count(*) FROM disciplines)
      + (SELECT count(*) FROM family_members) AS n`)).rows[0].n)
    t0 = process.hrtime.bigint()
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (c: Buffer) => chunks.push(c))
    const refs = await importReferences(payload)
    await writeImportWorkbook(out, { sensitive: true, refs, records: asNew(loadCanonicalRecords({ system: true, payload }, ids)) })
    const file = Buffer.concat(chunks)
    exportMs.push(ms(t0))
    fileBytes = file.length
    rss.afterExport = rssMb()
    await pool.query('DELETE FROM staff WHERE id = ANY($1)', [ids])
    await pool.query('VACUUM ANALYZE')
    const [account] = (await payload.find({ collection: 'accounts', where: { email: { equals: 'tccb@hoso.local' } }, depth: 0, overrideAccess: true })).docs
    const req = await createLocalReq({ user: { ...account, collection: 'accounts' } as never, context: { secondFactorOfRequest: true } }, payload)
    t0 = process.hrtime.bigint()
    const batch = await dryRunImport(req, { file, fileName: 'bench.xlsx', mode: 'create' })
    dryRunMs.push(ms(t0))
    rss.afterDryRun = rssMb()
    counts = batch.counts
    if (batch.counts.refused || batch.counts.possibleDuplicates) console.log('refused rows:', JSON.stringify(batch.problems.slice(0, 5)))
    t0 = process.hrtime.bigint()
    await commitImport(req, batch.id)
    commitMs.push(ms(t0))
    rss.afterCommit = rssMb()
    const imported = Number((await pool.query('SELECT count(*) AS n FROM staff')).rows[0].n) - 1
    console.log(`run ${run + 1}: seed ${Math.round(seedMs.at(-1)!)} ms, dry run ${Math.round(dryRunMs.at(-1)!)} ms, commit ${Math.round(commitMs.at(-1)!)} ms, ${imported} imported`)
  }
  const seed = stats(seedMs)
  const dry = stats(dryRunMs)
  const commit = stats(commitMs)
  return {
    records: staff,
    historyRows,
    fileBytes,
    counts,
    bulkSeed: seed,
    export: stats(exportMs),
    dryRun: dry,
    commit,
    ratioToBulkSeed: Math.round(((dry.medianMs + commit.medianMs) / seed.medianMs) * 10) / 10,
    peakRssMb: rss,
  }
}
